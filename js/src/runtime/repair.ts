/**
 * Repair an incomplete (still streaming) component source so it compiles: cut it at a safe point (the end,
 * or a line break) and close whatever is open there — strings, template literals, comments, JSX elements,
 * brackets — in reverse order. Pure and DOM-free so it can be unit-tested; the runtime compiles each
 * candidate until one works.
 */
import { scanCutPoints, type Frame } from "./cut-points";

export interface RepairCandidate {
  /** The repaired source: a prefix of the input plus closers. */
  code: string;
  /** How many characters of the input were kept. */
  kept: number;
}

function closerOf(frame: Frame): string {
  switch (frame.kind) {
    case "paren":
      return ")";
    case "bracket":
      return "]";
    case "brace":
    case "templateExpr":
    case "jsxAttrExpr":
    case "jsxChildExpr":
      return "}";
    case "template":
      return "`";
    case "blockComment":
      return "*/";
    case "jsxAttrString":
      return frame.quote;
    case "jsxTag":
      return " />";
    case "jsxClosingTag":
      return ">";
    case "jsxChildren":
      return `</${frame.name}>`;
  }
}

/** What must follow a prefix to close everything open at its end, innermost first. */
function closersFor(stack: readonly Frame[]): string {
  let out = "";
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i];
    // A closing tag in progress already has its name; finishing it also ends its element's children.
    if (frame.kind === "jsxClosingTag") {
      out += ">";
      i--;
      continue;
    }
    out += closerOf(frame);
  }
  return out;
}

/** Blank out Markdown code-fence lines a model may wrap code in (keeps line numbers). */
function stripFences(source: string): string {
  return source.replace(/^[ \t]*```[^\n]*$/gm, "");
}

const HAS_DEFAULT_EXPORT = /\bexport\s+default\b/;

/**
 * Repaired versions of a streaming component source, best first: cut at the very end when that is safe,
 * then at the last complete line, then at earlier lines, each closed off. Yields nothing while the source
 * has no default export yet.
 */
export function* repairCandidates(source: string, maxCandidates = 6): Generator<RepairCandidate> {
  const cleaned = stripFences(source);
  if (!HAS_DEFAULT_EXPORT.test(cleaned)) return;
  const cuts = scanCutPoints(cleaned, maxCandidates * 3);
  let yielded = 0;
  let previous: string | null = null;
  for (let k = cuts.length - 1; k >= 0 && yielded < maxCandidates; k--) {
    const cut = cuts[k];
    const kept = cleaned.slice(0, cut.end);
    if (!HAS_DEFAULT_EXPORT.test(kept)) return;
    // Blank lines produce identical candidates; skip the repeats.
    if (kept.trimEnd() === previous) continue;
    previous = kept.trimEnd();
    yielded++;
    const closers = cut.lineEnd + closersFor(cut.stack);
    if (cut.filler)
      yield { code: kept + cut.lineEnd + cut.filler + closersFor(cut.stack) + "\n", kept: cut.end };
    yield { code: kept + closers + "\n", kept: cut.end };
  }
}

/** The filler and closers needed after `source` as it stands (exported for tests). */
export function closingSuffix(source: string): string {
  const cuts = scanCutPoints(source.endsWith("\n") ? source : source + "\n", 1);
  const cut = cuts[cuts.length - 1];
  return cut ? cut.filler + closersFor(cut.stack) : "";
}
