/**
 * The view's error box: what went wrong with the shown component and, when the kernel can act on it, a Fix
 * button. Code the static checks blocked is listed finding by finding (rule, line:column, message, the
 * offending source); it never reaches the preview.
 */
import type { Finding, WidgetError } from "../schema/widget";
import { h } from "./dom";
import { countText, currentVersionNote, findingLocation } from "./format";

const ERROR_TITLES: Record<string, string> = {
  compile: "Compile error",
  runtime: "Runtime error",
  import: "Import not allowed",
  generation: "Generation failed",
  blocked: "Blocked by the security checks",
};

export const FIX_LABEL = "Ask the model to fix this error";
/** Errors the component's frame reports: their text is the component's, never the product's own words. */
const REPORTED_PHASES: ReadonlySet<string> = new Set(["compile", "runtime", "import"]);
const MAX_REPORTED_CHARS = 500;

/** Text that came from inside the frame, marked as the component's and length-capped. */
export function reportedText(message: string): HTMLElement {
  const text =
    message.length <= MAX_REPORTED_CHARS ? message : `${message.slice(0, MAX_REPORTED_CHARS - 1)}…`;
  return h(
    "div",
    { class: "cg-error-reported", "data-testid": "cg-error-reported" },
    h("span", { class: "cg-reported-label" }, "The component reported: "),
    h("span", { class: "cg-reported-text" }, text),
  );
}
// A click the kernel never answers (no kernel, a lost message) must not leave Fix disabled for good.
const FIX_PENDING_MS = 5000;

export function errorTitle(error: WidgetError): string {
  const where: string[] = [];
  if (error.line !== undefined) where.push(`line ${error.line}`);
  if (error.line !== undefined && error.column !== undefined) where.push(`column ${error.column + 1}`);
  if (error.phase === "blocked") where.push(countText(error.findings?.length ?? 0, "finding"));
  return [ERROR_TITLES[error.phase] ?? `Error (${error.phase})`, where.join(", ")]
    .filter(Boolean)
    .join(" · ");
}

function findingItem(finding: Finding): HTMLLIElement {
  const location = findingLocation(finding);
  return h(
    "li",
    { class: "cg-finding" },
    h("span", { class: "cg-finding-rule" }, finding.rule),
    h(
      "span",
      { class: "cg-finding-where", title: `line ${finding.line}, column ${finding.column + 1}` },
      location,
    ),
    h("span", { class: "cg-finding-message" }, finding.message),
    ...(finding.snippet ? [h("code", { class: "cg-finding-snippet" }, finding.snippet)] : []),
  );
}

export class ErrorBox {
  readonly element = h("div", { class: "cg-error", "data-testid": "cg-error", role: "alert", hidden: true });
  private readonly fix = h(
    "button",
    {
      class: "cg-fix",
      "data-testid": "cg-fix",
      type: "button",
      "aria-label": FIX_LABEL,
      title: FIX_LABEL,
      hidden: true,
    },
    "Fix",
  );
  private pendingTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(onFix: () => void) {
    this.fix.addEventListener("click", () => {
      // One click, one request: Fix stays disabled until the kernel answers (a new status).
      if (this.fix.disabled) return;
      this.fix.disabled = true;
      this.pendingTimer = setTimeout(() => this.fixAnswered(), FIX_PENDING_MS);
      onFix();
    });
  }

  /** Show `error` (null hides the box); `version` is the version on screen. */
  show(error: WidgetError | null, version: number | null): void {
    const node = this.element;
    node.hidden = !error;
    if (!error) {
      node.replaceChildren();
      return;
    }
    const head = h(
      "div",
      { class: "cg-error-head" },
      h("div", { class: "cg-error-title" }, errorTitle(error)),
    );
    head.append(this.fix);
    if (error.phase === "blocked") {
      const findings = error.findings ?? [];
      node.replaceChildren(
        head,
        h("ul", { class: "cg-findings", "data-testid": "cg-findings" }, ...findings.map(findingItem)),
        h("div", { class: "cg-error-note" }, currentVersionNote(version)),
      );
    } else if (REPORTED_PHASES.has(error.phase)) {
      node.replaceChildren(head, reportedText(error.message));
    } else {
      node.replaceChildren(head, h("div", { class: "cg-error-message" }, error.message));
    }
  }

  /** Offer Fix or not (the box decides nothing itself: the view knows what is fixable and when). */
  setFixable(fixable: boolean): void {
    this.fix.hidden = !fixable;
  }

  /** The kernel answered a Fix (it started a generation, or said why not): Fix may be clicked again. */
  fixAnswered(): void {
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.pendingTimer = null;
    this.fix.disabled = false;
  }

  dispose(): void {
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.pendingTimer = null;
  }
}
