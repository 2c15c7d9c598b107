/**
 * A one-pass scanner over (possibly incomplete) TSX that records, at every line break and at the end,
 * which constructs are open there: brackets, template literals, comments, JSX tags and children. The
 * repair step closes them. It is a tokenizer with a context stack, not a parser: just enough to tell
 * JSX from comparisons and regular expressions from division.
 */

export type Frame =
  /** `group` parens hold an expression, e.g. `return (` or `=> (`; the others are call arguments. */
  | { kind: "paren"; group: boolean }
  | { kind: "bracket" | "brace" }
  | { kind: "template" | "templateExpr" | "blockComment" | "jsxAttrExpr" | "jsxChildExpr" }
  /** `at`: where the element's "<" is (for a closing tag, its "</"). */
  | { kind: "jsxTag" | "jsxChildren" | "jsxClosingTag"; name: string; at: number }
  | { kind: "jsxAttrString"; quote: string };

/** A place the source may be cut, with what must be appended to close everything open there. */
export interface CutPoint {
  /** Index of the cut: just after a newline, or the end of the source. */
  end: number;
  stack: readonly Frame[];
  /** Set when the cut leaves an operator, `return` or `(` waiting for an expression: what to put there. */
  filler: string;
  /** For a cut inside a line: ends a line comment or an open string before the closers. */
  lineEnd: string;
}

/** A closing tag that does not close the element open where it stands (indices into the source). */
export interface JsxMismatch {
  /** The open element's name ("" for a fragment) and where its "<" is. */
  open: string;
  openAt: number;
  /** The closing tag's name and where its "</" is; null when the source ends with the element still open. */
  close: string | null;
  closeAt?: number;
}

/** Frames whose content is code (as opposed to JSX text, tags, strings or comments). */
const CODE_FRAMES = new Set(["paren", "bracket", "brace", "templateExpr", "jsxAttrExpr", "jsxChildExpr"]);

// After these an expression starts, so "<" opens JSX and "/" opens a regular expression.
const EXPRESSION_KEYWORDS = new Set([
  "return",
  "typeof",
  "case",
  "do",
  "else",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "yield",
  "await",
  "instanceof",
  "default",
]);
const EXPRESSION_PUNCTUATION = new Set([..."(,=:[!&|?{};+-*%<>~^"]);

// After these an expression must follow; a cut right after them gets `null` as a stand-in.
const DANGLING_KEYWORDS = new Set([
  "return",
  "await",
  "yield",
  "typeof",
  "void",
  "throw",
  "in",
  "of",
  "instanceof",
  "case",
]);
const DANGLING_PUNCTUATION = new Set([..."=&|:+-*%<>~^!"]);

const IDENT_START = /[A-Za-z_$\u00c0-\uffff]/;
const IDENT_PART = /[A-Za-z0-9_$\u00c0-\uffff]/;
const JSX_NAME_PART = /[A-Za-z0-9_$.:\-]/;

function isCode(frame: Frame | undefined): boolean {
  return frame === undefined || CODE_FRAMES.has(frame.kind);
}

class CutScanner {
  private readonly stack: Frame[] = [];
  private readonly cuts: CutPoint[] = [];
  private i = 0;
  private readonly n: number;
  // The last significant code token: decides whether "<" opens JSX and "/" opens a regex.
  private lastPunct: string | null = null;
  private lastWord: string | null = null;
  // How the source ends, for a cut at its very end (in the middle of a line).
  private endsInLineComment = false;
  private endsInString: string | null = null;
  private endsInTagName = false;
  /** The first closing tag naming another element than the one it closes. */
  mismatch: JsxMismatch | null = null;

  constructor(
    private readonly source: string,
    private readonly keepLast: number,
  ) {
    this.n = source.length;
  }

  scan(): CutPoint[] {
    while (this.i < this.n) {
      if (this.source[this.i] === "\n") {
        this.i++;
        this.recordCut(this.i);
        continue;
      }
      const frame = this.top();
      switch (frame?.kind) {
        case "blockComment":
          this.stepBlockComment();
          break;
        case "template":
          this.stepTemplate();
          break;
        case "jsxAttrString":
          if (this.source[this.i] === frame.quote) this.stack.pop();
          this.i++;
          break;
        case "jsxClosingTag":
          this.stepClosingTag();
          break;
        case "jsxTag":
          this.stepTag(frame.name, frame.at);
          break;
        case "jsxChildren":
          this.stepChildren(frame.name);
          break;
        default:
          this.stepCode();
      }
    }
    this.recordEndCut();
    return this.cuts;
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The outermost JSX element still open at the end of the scan (its children), if any. */
  unclosedElement(): { name: string; at: number } | undefined {
    for (const frame of this.stack) if (frame.kind === "jsxChildren") return frame;
    return undefined;
  }

  private expressionExpected(): boolean {
    if (this.lastWord !== null) return EXPRESSION_KEYWORDS.has(this.lastWord);
    return this.lastPunct === null || EXPRESSION_PUNCTUATION.has(this.lastPunct);
  }

  private setPunct(c: string): void {
    this.lastPunct = c;
    this.lastWord = null;
  }

  /** The last token was a value (identifier-like, literal, closing bracket). */
  private setValue(): void {
    this.setPunct(")");
  }

  /** What an expression left hanging at this point needs to parse (empty when nothing hangs). */
  private filler(): string {
    const frame = this.top();
    if (!isCode(frame)) return "";
    if (this.lastWord !== null) return DANGLING_KEYWORDS.has(this.lastWord) ? "null" : "";
    if (this.lastPunct === "?") return "null : null";
    if (this.lastPunct !== null && DANGLING_PUNCTUATION.has(this.lastPunct)) return "null";
    if (this.lastPunct === "(" && frame?.kind === "paren" && frame.group) return "null";
    if (this.lastPunct === "{" && frame?.kind === "jsxAttrExpr") return "null";
    return "";
  }

  private recordCut(end: number, lineEnd = ""): void {
    this.cuts.push({ end, stack: this.stack.slice(), filler: this.filler(), lineEnd });
    if (this.cuts.length > this.keepLast) this.cuts.shift();
  }

  /**
   * A cut at the very end, mid-line, so text appears as it streams. Not where the end is half a name
   * (`<Bu`, `retu`) or a closing tag, which would not compile or would name something undefined.
   */
  private recordEndCut(): void {
    const { source, n } = this;
    if (n === 0 || source[n - 1] === "\n") return;
    const frame = this.top();
    if (frame?.kind === "jsxClosingTag" || (frame?.kind === "jsxTag" && this.endsInTagName)) return;
    const midWord = !this.endsInLineComment && this.endsInString === null && IDENT_PART.test(source[n - 1]);
    if (isCode(frame) && midWord) return;
    this.recordCut(n, this.endsInLineComment ? "\n" : (this.endsInString ?? ""));
  }

  private stepBlockComment(): void {
    if (this.source.startsWith("*/", this.i)) {
      this.stack.pop();
      this.i += 2;
    } else this.i++;
  }

  private stepTemplate(): void {
    const c = this.source[this.i];
    if (c === "\\") this.i += 2;
    else if (c === "`") {
      this.stack.pop();
      this.setValue();
      this.i++;
    } else if (this.source.startsWith("${", this.i)) {
      this.stack.push({ kind: "templateExpr" });
      this.setPunct("{");
      this.i += 2;
    } else this.i++;
  }

  /** A finished JSX element is a value when it sits in code. */
  private closeElement(): void {
    if (isCode(this.top())) this.setValue();
  }

  /** Start a JSX element at "<" (not "</"): a fragment's children, or a tag with attributes to come. */
  private openElement(): void {
    const { source, n } = this;
    let j = this.i + 1;
    while (j < n && (source[j] === " " || source[j] === "\t")) j++;
    if (source[j] === ">") {
      this.stack.push({ kind: "jsxChildren", name: "", at: this.i });
      this.i = j + 1;
      return;
    }
    const start = j;
    while (j < n && JSX_NAME_PART.test(source[j])) j++;
    const name = source.slice(start, j);
    this.endsInTagName = j >= n;
    // TSX type arguments (`<DataList<Repo> rows={…} />`) belong to the name, not the attributes.
    if (source[j] === "<") {
      let depth = 0;
      for (; j < n; j++) {
        if (source[j] === "<") depth++;
        else if (source[j] === ">" && --depth === 0) break;
      }
      j++;
    }
    this.stack.push({ kind: "jsxTag", name, at: this.i });
    this.i = Math.min(j, n);
  }

  private stepClosingTag(): void {
    if (this.source[this.i++] !== ">") return;
    const closing = this.stack.pop();
    const children = this.top();
    if (closing?.kind === "jsxClosingTag" && children?.kind === "jsxChildren" && !this.mismatch) {
      const found = this.source.slice(closing.at + 2, this.i - 1).trim();
      if (found !== children.name)
        this.mismatch = { open: children.name, openAt: children.at, close: found, closeAt: closing.at };
    }
    if (this.top()?.kind === "jsxChildren") this.stack.pop();
    this.closeElement();
  }

  /** Inside an opening tag: attributes until "/>" or ">". */
  private stepTag(name: string, at: number): void {
    const c = this.source[this.i];
    if (this.source.startsWith("/>", this.i)) {
      this.stack.pop();
      this.i += 2;
      this.closeElement();
      return;
    }
    this.i++;
    if (c === ">") {
      this.stack.pop();
      this.stack.push({ kind: "jsxChildren", name, at });
    } else if (c === '"' || c === "'") {
      this.stack.push({ kind: "jsxAttrString", quote: c });
    } else if (c === "{") {
      this.stack.push({ kind: "jsxAttrExpr" });
      this.setPunct("{");
    }
  }

  /** JSX text: quotes and apostrophes are plain text here; only "{" and "<" matter. */
  private stepChildren(name: string): void {
    const c = this.source[this.i];
    if (c === "{") {
      this.stack.push({ kind: "jsxChildExpr" });
      this.setPunct("{");
      this.i++;
    } else if (this.source.startsWith("</", this.i)) {
      this.stack.push({ kind: "jsxClosingTag", name, at: this.i });
      this.i += 2;
    } else if (c === "<") {
      this.openElement();
    } else this.i++;
  }

  private stepCode(): void {
    const { source, n } = this;
    const c = source[this.i];
    if (c === " " || c === "\t" || c === "\r") {
      this.i++;
    } else if (source.startsWith("//", this.i)) {
      while (this.i < n && source[this.i] !== "\n") this.i++;
      this.endsInLineComment = this.i >= n;
    } else if (source.startsWith("/*", this.i)) {
      this.stack.push({ kind: "blockComment" });
      this.i += 2;
    } else if (c === '"' || c === "'") {
      this.skipString(c);
    } else if (c === "`") {
      this.stack.push({ kind: "template" });
      this.i++;
    } else if (c === "/" && this.expressionExpected() && this.skipRegex()) {
      this.setValue();
    } else if (c === "<" && this.expressionExpected() && /[A-Za-z_$>]/.test(source[this.i + 1] ?? "")) {
      this.openElement();
    } else if (IDENT_START.test(c)) {
      const start = this.i;
      while (this.i < n && IDENT_PART.test(source[this.i])) this.i++;
      this.lastWord = source.slice(start, this.i);
      this.lastPunct = null;
    } else if (/[0-9]/.test(c)) {
      while (this.i < n && /[0-9A-Za-z_.]/.test(source[this.i])) this.i++;
      this.setValue();
    } else if (c === "(" || c === "[" || c === "{") {
      const frame: Frame =
        c === "("
          ? { kind: "paren", group: this.expressionExpected() }
          : { kind: c === "[" ? "bracket" : "brace" };
      this.stack.push(frame);
      this.setPunct(c);
      this.i++;
    } else if (c === ")" || c === "]" || c === "}") {
      this.closeBracket(c);
      this.i++;
    } else {
      this.setPunct(c);
      this.i++;
    }
  }

  /** A quoted string; one left open at a line break is already an error, so the scan just moves on. */
  private skipString(quote: string): void {
    const { source, n } = this;
    let j = this.i + 1;
    while (j < n && source[j] !== quote && source[j] !== "\n") j += source[j] === "\\" ? 2 : 1;
    if (j >= n) this.endsInString = source[n - 1] === "\\" ? null : quote;
    this.i = source[j] === quote ? j + 1 : j;
    this.setValue();
  }

  /** A regular expression literal, honouring escapes and character classes; false if it is not one. */
  private skipRegex(): boolean {
    const { source, n } = this;
    let j = this.i + 1;
    let inClass = false;
    while (j < n && source[j] !== "\n") {
      const d = source[j];
      if (d === "\\") j++;
      else if (d === "[") inClass = true;
      else if (d === "]") inClass = false;
      else if (d === "/" && !inClass) break;
      j++;
    }
    if (source[j] !== "/") return false;
    j++;
    while (j < n && IDENT_PART.test(source[j])) j++;
    this.i = j;
    return true;
  }

  private closeBracket(c: ")" | "]" | "}"): void {
    const kind = this.top()?.kind;
    const matches =
      c === ")"
        ? kind === "paren"
        : c === "]"
          ? kind === "bracket"
          : kind === "brace" || kind === "templateExpr" || kind === "jsxAttrExpr" || kind === "jsxChildExpr";
    if (matches) this.stack.pop();
    // "}" closing a block is followed by a statement; ")" and "]" by an operator.
    if (c === "}" && kind === "brace") this.setPunct("}");
    else this.setValue();
  }
}

/**
 * The open constructs at every line break of `source` (and at its end, when a cut there is safe).
 * Only the last `keepLast` cut points are kept.
 */
export function scanCutPoints(source: string, keepLast: number): CutPoint[] {
  return new CutScanner(source, keepLast).scan();
}

/**
 * The first JSX closing tag that names another element than the one it closes (`<h2>…</div>`), or else
 * the outermost element the source leaves open. sucrase compiles a mismatched closing tag as if it matched,
 * and reports an element left open as an unexpected token somewhere later: this says which tag and where.
 */
export function findJsxMismatch(source: string): JsxMismatch | null {
  const scanner = new CutScanner(source, 0);
  scanner.scan();
  if (scanner.mismatch) return scanner.mismatch;
  const open = scanner.unclosedElement();
  return open ? { open: open.name, openAt: open.at, close: null } : null;
}
