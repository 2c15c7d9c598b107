/**
 * Compile a component's TSX/JSX source to a CommonJS-style function body with sucrase. Line numbers are
 * preserved (sucrase keeps every output line on its source line), so runtime positions map back directly.
 */
import { transform } from "sucrase";
import { findJsxMismatch, type JsxMismatch } from "./cut-points";

export interface ImportSite {
  module: string;
  /** 1-based line of the import in the component's source. */
  line: number;
  /**
   * The module's exports the code reads by name (`import { Heart } from …` used as `Heart`); undefined when
   * it may use the whole module (a namespace or default import, `export * from`, a bare require).
   */
  names?: string[];
}

export interface CompiledModule {
  /** CommonJS body: uses `require`, `module` and `exports`. */
  code: string;
  imports: ImportSite[];
}

/** A syntax error, positioned in the component's source (line 1-based, column 0-based). */
export class CompileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = "CompileError";
  }
}

const REQUIRE_CALL = /\brequire\((['"])([^'"\n]+)\1\)/g;
// sucrase binds each import to a variable of its own: `var _lucidereact = require('lucide-react');`.
const BINDING_BEFORE = /\bvar (_[\w$]+) = $/;

/**
 * The names read from an import's variable (`_lucidereact.Heart`), or undefined when the variable is used
 * any other way (handed to an interop helper for a default or namespace import, passed around).
 */
function namesRead(compiled: string, variable: string): string[] | undefined {
  const escaped = variable.replace(/\$/g, "\\$");
  const names = new Set<string>();
  let declarations = 0;
  for (const use of compiled.matchAll(
    new RegExp(`(?<![\\w$.])${escaped}(?![\\w$])(\\.[A-Za-z_$][\\w$]*)?`, "g"),
  )) {
    const after = compiled.slice(use.index + use[0].length, use.index + use[0].length + 3);
    if (use[1]) names.add(use[1].slice(1));
    else if (after.startsWith(" = ") && declarations++ === 0) continue;
    else return undefined;
  }
  return [...names];
}

/** Every `require("x")` in the compiled code (imports, re-exports and dynamic imports all become one). */
function findImports(compiled: string): ImportSite[] {
  const sites: ImportSite[] = [];
  const lines = compiled.split("\n");
  lines.forEach((text, index) => {
    for (const match of text.matchAll(REQUIRE_CALL)) {
      const site: ImportSite = { module: match[2], line: index + 1 };
      const binding = BINDING_BEFORE.exec(text.slice(0, match.index));
      const names = binding ? namesRead(compiled, binding[1]) : undefined;
      if (names) site.names = names;
      sites.push(site);
    }
  });
  return sites;
}

/** Line (1-based) and column (0-based) of index `at` in `source`. */
function positionOf(source: string, at: number): { line: number; column: number } {
  const before = source.slice(0, at);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: at - lineStart };
}

const tagText = (name: string, closing: boolean): string => `<${closing ? "/" : ""}${name}>`;

/** A JSX closing tag that names the wrong element, or an element never closed, as a positioned error. */
function jsxMismatchError(source: string, mismatch: JsxMismatch): CompileError {
  const opened = positionOf(source, mismatch.openAt);
  const open = tagText(mismatch.open, false);
  if (mismatch.close === null || mismatch.closeAt === undefined) {
    return new CompileError(
      `${open} (line ${opened.line}) is never closed: add ${tagText(mismatch.open, true)} where it ends.`,
      opened.line,
      opened.column,
    );
  }
  const closed = positionOf(source, mismatch.closeAt);
  return new CompileError(
    `${tagText(mismatch.close, true)} on line ${closed.line} does not close ${open} from line ${opened.line}: ` +
      `close ${open} first with ${tagText(mismatch.open, true)}.`,
    closed.line,
    closed.column,
  );
}

export function compileComponent(source: string): CompiledModule {
  let code: string;
  try {
    code = transform(source, {
      transforms: ["jsx", "typescript", "imports"],
      jsxRuntime: "automatic",
      production: true,
      keepUnusedImports: true,
      filePath: "component.tsx",
    }).code;
  } catch (error) {
    // sucrase's word for an element left open is often "Unexpected token" far from it: name the tag.
    const mismatch = findJsxMismatch(source);
    if (mismatch) throw jsxMismatchError(source, mismatch);
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = String((error as Error).message ?? error)
      .replace(/^Error transforming [^:]*: /, "")
      .replace(/\s*\(\d+:\d+\)$/, "");
    throw new CompileError(message, loc?.line, loc ? Math.max(0, loc.column - 1) : undefined);
  }
  // sucrase compiles `<span>…</div>` as if the tags matched; every other JSX toolchain refuses it.
  const mismatch = findJsxMismatch(source);
  if (mismatch?.close != null) throw jsxMismatchError(source, mismatch);
  return { code, imports: findImports(code) };
}
