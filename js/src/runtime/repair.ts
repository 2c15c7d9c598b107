/**
 * Repair an incomplete (still streaming) component source so it compiles: cut it at a line boundary and
 * close whatever is open there — strings, template literals, comments, JSX elements, brackets — in reverse
 * order. Pure and DOM-free so it can be unit-tested; the runtime compiles each candidate until one works.
 */

type Frame =
  /** `group` parens hold an expression, e.g. `return (` or `=> (`; the others are call arguments. */
  | { kind: "paren"; group: boolean }
  | { kind: "bracket" | "brace" }
  | { kind: "template" | "templateExpr" | "blockComment" | "jsxAttrExpr" | "jsxChildExpr" }
  | { kind: "jsxTag" | "jsxChildren" | "jsxClosingTag"; name: string }
  | { kind: "jsxAttrString"; quote: string };

/** A place the source may be cut, with what must be appended to close everything open there. */
interface CutPoint {
  /** Index just after a newline. */
  end: number;
  stack: readonly Frame[];
  /** Set when the cut leaves an operator, `return` or `(` waiting for an expression: what to put there. */
  filler: string;
  /** For a cut inside a line: ends a line comment or an open string before the closers. */
  lineEnd: string;
}

export interface RepairCandidate {
  /** The repaired source: a prefix of the input plus closers. */
  code: string;
  /** How many characters of the input were kept. */
  kept: number;
}

const CODE_FRAMES = new Set(["paren", "bracket", "brace", "templateExpr", "jsxAttrExpr", "jsxChildExpr"]);

// After these keywords an expression starts, so "<" opens JSX and "/" opens a regular expression.
const EXPRESSION_KEYWORDS = new Set([
  "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await",
  "instanceof", "default",
]);
const EXPRESSION_PUNCTUATION = new Set([..."(,=:[!&|?{};+-*%<>~^"]);

// After these an expression must follow; a cut right after them gets `null` as a stand-in.
const DANGLING_KEYWORDS = new Set(["return", "await", "yield", "typeof", "void", "throw", "in", "of", "instanceof", "case"]);
const DANGLING_PUNCTUATION = new Set([..."=&|:+-*%<>~^!"]);

const IDENT_START = /[A-Za-z_$\u00c0-\uffff]/;
const IDENT_PART = /[A-Za-z0-9_$\u00c0-\uffff]/;
const JSX_NAME_PART = /[A-Za-z0-9_$.:\-]/;

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

/**
 * Scan `source` once, recording the open constructs at every line boundary where a cut is safe.
 * `keepLast` bounds how many cut points are remembered (the latest ones).
 */
function scanCutPoints(source: string, keepLast: number): CutPoint[] {
  const stack: Frame[] = [];
  const cuts: CutPoint[] = [];
  // The last significant code token: decides whether "<" opens JSX and "/" opens a regex.
  let lastPunct: string | null = null;
  let lastWord: string | null = null;
  let i = 0;
  const n = source.length;

  const top = (): Frame | undefined => stack[stack.length - 1];
  const expressionExpected = (): boolean =>
    lastWord !== null ? EXPRESSION_KEYWORDS.has(lastWord) : lastPunct === null || EXPRESSION_PUNCTUATION.has(lastPunct);
  const setPunct = (c: string): void => {
    lastPunct = c;
    lastWord = null;
  };
  const setValue = (): void => {
    lastPunct = ")";
    lastWord = null;
  };
  /** What an expression left hanging at this point needs to parse (empty when nothing hangs). */
  const filler = (): string => {
    const frame = top();
    if (frame !== undefined && !CODE_FRAMES.has(frame.kind)) return "";
    if (lastWord !== null) return DANGLING_KEYWORDS.has(lastWord) ? "null" : "";
    if (lastPunct === "?") return "null : null";
    if (lastPunct !== null && DANGLING_PUNCTUATION.has(lastPunct)) return "null";
    if (lastPunct === "(" && frame?.kind === "paren" && frame.group) return "null";
    if (lastPunct === "{" && frame?.kind === "jsxAttrExpr") return "null";
    return "";
  };
  const recordCut = (end: number, lineEnd = ""): void => {
    cuts.push({ end, stack: stack.slice(), filler: filler(), lineEnd });
    if (cuts.length > keepLast) cuts.shift();
  };
  // How the source ends, for a cut at its very end (in the middle of a line).
  let endsInLineComment = false;
  let endsInString: string | null = null;
  let endsInTagName = false;

  /** A finished JSX element is a value when it sits in code. */
  const afterJsxElement = (): void => {
    const now = top()?.kind;
    if (now === undefined || CODE_FRAMES.has(now)) setValue();
  };

  /** Read a JSX element's name after "<"; returns the index after it. */
  const readJsxName = (from: number): [string, number] => {
    let j = from;
    while (j < n && JSX_NAME_PART.test(source[j])) j++;
    return [source.slice(from, j), j];
  };

  /** Start a JSX element at source[i] === "<" (not "</"). */
  const openJsxElement = (): void => {
    let j = i + 1;
    while (j < n && (source[j] === " " || source[j] === "\t")) j++;
    if (source[j] === ">") {
      stack.push({ kind: "jsxChildren", name: "" });
      i = j + 1;
      return;
    }
    const [name, after] = readJsxName(j);
    stack.push({ kind: "jsxTag", name });
    endsInTagName = after >= n;
    i = after;
  };

  while (i < n) {
    const c = source[i];
    const frame = top();
    const kind = frame?.kind;

    if (c === "\n") {
      // Inside an unterminated quoted string a line break is already an error: never cut there.
      recordCut(i + 1);
      i++;
      continue;
    }

    if (kind === "blockComment") {
      if (c === "*" && source[i + 1] === "/") {
        stack.pop();
        i += 2;
      } else i++;
      continue;
    }

    if (kind === "template") {
      if (c === "\\") i += 2;
      else if (c === "`") {
        stack.pop();
        setValue();
        i++;
      } else if (c === "$" && source[i + 1] === "{") {
        stack.push({ kind: "templateExpr" });
        setPunct("{");
        i += 2;
      } else i++;
      continue;
    }

    if (frame?.kind === "jsxAttrString") {
      if (c === frame.quote) stack.pop();
      i++;
      continue;
    }

    if (kind === "jsxClosingTag") {
      if (c === ">") {
        stack.pop();
        if (top()?.kind === "jsxChildren") stack.pop();
        i++;
        afterJsxElement();
      } else i++;
      continue;
    }

    if (frame?.kind === "jsxTag") {
      if (c === "/" && source[i + 1] === ">") {
        stack.pop();
        i += 2;
        afterJsxElement();
      } else if (c === ">") {
        stack.pop();
        stack.push({ kind: "jsxChildren", name: frame.name });
        i++;
      } else if (c === '"' || c === "'") {
        stack.push({ kind: "jsxAttrString", quote: c });
        i++;
      } else if (c === "{") {
        stack.push({ kind: "jsxAttrExpr" });
        setPunct("{");
        i++;
      } else i++;
      continue;
    }

    if (frame?.kind === "jsxChildren") {
      if (c === "{") {
        stack.push({ kind: "jsxChildExpr" });
        setPunct("{");
        i++;
      } else if (c === "<" && source[i + 1] === "/") {
        stack.push({ kind: "jsxClosingTag", name: frame.name });
        i += 2;
      } else if (c === "<") {
        openJsxElement();
      } else i++;
      continue;
    }

    // Code: top level, or inside brackets / expression holes.
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "/" && source[i + 1] === "/") {
      while (i < n && source[i] !== "\n") i++;
      endsInLineComment = i >= n;
      continue;
    }
    if (c === "/" && source[i + 1] === "*") {
      stack.push({ kind: "blockComment" });
      i += 2;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && source[j] !== c && source[j] !== "\n") j += source[j] === "\\" ? 2 : 1;
      if (j >= n) endsInString = source[n - 1] === "\\" ? null : c;
      i = source[j] === c ? j + 1 : j;
      setValue();
      continue;
    }
    if (c === "`") {
      stack.push({ kind: "template" });
      i++;
      continue;
    }
    if (c === "/" && expressionExpected()) {
      // A regular expression literal: skip it, honouring escapes and character classes.
      let j = i + 1;
      let inClass = false;
      while (j < n && source[j] !== "\n") {
        const d = source[j];
        if (d === "\\") j++;
        else if (d === "[") inClass = true;
        else if (d === "]") inClass = false;
        else if (d === "/" && !inClass) break;
        j++;
      }
      if (source[j] === "/") {
        j++;
        while (j < n && IDENT_PART.test(source[j])) j++;
        i = j;
        setValue();
        continue;
      }
    }
    if (c === "<" && expressionExpected() && /[A-Za-z_$>]/.test(source[i + 1] ?? "")) {
      openJsxElement();
      continue;
    }
    if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(source[j])) j++;
      lastWord = source.slice(i, j);
      lastPunct = null;
      i = j;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[0-9A-Za-z_.]/.test(source[j])) j++;
      i = j;
      setValue();
      continue;
    }
    if (c === "(" || c === "[" || c === "{") {
      stack.push(c === "(" ? { kind: "paren", group: expressionExpected() } : { kind: c === "[" ? "bracket" : "brace" });
      setPunct(c);
      i++;
      continue;
    }
    if (c === ")" || c === "]" || c === "}") {
      const want = c === ")" ? "paren" : c === "]" ? "bracket" : undefined;
      if (want ? kind === want : kind !== undefined && CODE_FRAMES.has(kind) && kind !== "paren" && kind !== "bracket") {
        stack.pop();
      }
      // "}" closing a block is followed by a statement; ")" and "]" by an operator.
      if (c === "}") setPunct(kind === "brace" ? "}" : ")");
      else setValue();
      i++;
      continue;
    }
    setPunct(c);
    i++;
  }
  recordEndCut();
  return cuts;

  /**
   * A cut at the very end, mid-line, so text appears as it streams. Not where the end is half a name
   * (`<Bu`, `retu`) or a closing tag, which would not compile or would name something undefined.
   */
  function recordEndCut(): void {
    if (n === 0 || source[n - 1] === "\n") return;
    const kind = top()?.kind;
    if (kind === "jsxClosingTag" || (kind === "jsxTag" && endsInTagName)) return;
    const inCode = kind === undefined || CODE_FRAMES.has(kind);
    if (inCode && !endsInLineComment && endsInString === null && IDENT_PART.test(source[n - 1])) return;
    recordCut(n, endsInLineComment ? "\n" : (endsInString ?? ""));
  }
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
    if (cut.filler) yield { code: kept + cut.lineEnd + cut.filler + closersFor(cut.stack) + "\n", kept: cut.end };
    yield { code: kept + closers + "\n", kept: cut.end };
  }
}

/** The filler and closers needed after `source` as it stands (exported for tests). */
export function closingSuffix(source: string): string {
  const cuts = scanCutPoints(source.endsWith("\n") ? source : source + "\n", 1);
  const cut = cuts[cuts.length - 1];
  return cut ? cut.filler + closersFor(cut.stack) : "";
}
