/**
 * The view's status line: component name, version, model, phase, tokens, elapsed time (ticking locally
 * from `started_at` while a generation runs), cost, a Cancel button while it can still be stopped, and the
 * kernel's notice when it turned a request down (e.g. Fix with nothing to fix).
 */
import { h } from "./dom";
import { ACTIVE_PHASES, CANCELLABLE_PHASES } from "../stream/follower";
import { costText, elapsedText, phaseText, tokensText, type Status } from "../stream/format";

export class StatusLine {
  readonly element: HTMLElement;
  private readonly name = h("span", { class: "cg-name" });
  private readonly version = h("span", { class: "cg-version", "data-testid": "cg-version" });
  private readonly model = h("span", { class: "cg-model" });
  private readonly phase = h("span", { class: "cg-phase", "data-testid": "cg-phase" });
  private readonly tokens = h("span", { class: "cg-tokens" });
  private readonly elapsed = h("span", { class: "cg-elapsed" });
  private readonly cost = h("span", { class: "cg-cost" });
  private readonly notice = h("span", { class: "cg-notice", "data-testid": "cg-notice", role: "status" });
  private readonly cancel = h(
    "button",
    { class: "cg-cancel", "data-testid": "cg-cancel", type: "button", hidden: true },
    "Cancel",
  );
  private status: Status = {};
  private streamedChars = 0;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private cancelRequested = false;

  constructor(onCancel: () => void) {
    this.element = h(
      "div",
      { class: "cg-status", "data-testid": "cg-status" },
      this.name,
      this.version,
      this.model,
      this.phase,
      this.tokens,
      this.elapsed,
      this.cost,
      this.notice,
      this.cancel,
    );
    this.cancel.addEventListener("click", () => {
      // One click is enough: the button stays disabled until the generation ends.
      this.cancelRequested = true;
      this.cancel.disabled = true;
      onCancel();
    });
  }

  update(name: string, version: number | null, status: Status): void {
    this.status = status;
    const phase = status.phase ?? "";
    this.name.textContent = name;
    this.version.textContent = version ? `v${version}` : "";
    this.model.textContent = status.model ?? "";
    this.phase.textContent = phaseText(status);
    this.phase.dataset.phase = phase;
    this.phase.dataset.active = String(ACTIVE_PHASES.has(phase));
    this.tokens.textContent = tokensText(status, this.streamedChars);
    this.cost.textContent = costText(status);
    this.notice.textContent = status.notice ?? "";
    const cancellable = CANCELLABLE_PHASES.has(phase);
    if (!cancellable) this.cancelRequested = false;
    this.cancel.hidden = !cancellable;
    this.cancel.disabled = this.cancelRequested;
    this.tick();
    const ticking = ACTIVE_PHASES.has(phase) && typeof status.started_at === "number";
    if (ticking && !this.ticker) this.ticker = setInterval(() => this.tick(), 100);
    if (!ticking) this.stopTicking();
  }

  /** How much code has streamed in so far (drives the token estimate while writing). */
  setStreamed(chars: number): void {
    this.streamedChars = chars;
    this.tokens.textContent = tokensText(this.status, chars);
  }

  private tick(): void {
    this.elapsed.textContent = elapsedText(this.status, Date.now());
  }

  private stopTicking(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  dispose(): void {
    this.stopTicking();
  }
}
