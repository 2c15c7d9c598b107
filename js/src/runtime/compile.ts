/**
 * Compile a component's TSX/JSX source to a CommonJS-style function body with sucrase. Line numbers are
 * preserved (sucrase keeps every output line on its source line), so runtime positions map back directly.
 */
import { transform } from "sucrase";

export interface ImportSite {
  module: string;
  /** 1-based line of the import in the component's source. */
  line: number;
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

/** Every `require("x")` in the compiled code (imports, re-exports and dynamic imports all become one). */
function findImports(compiled: string): ImportSite[] {
  const sites: ImportSite[] = [];
  const lines = compiled.split("\n");
  lines.forEach((text, index) => {
    for (const match of text.matchAll(REQUIRE_CALL)) sites.push({ module: match[2], line: index + 1 });
  });
  return sites;
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
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = String((error as Error).message ?? error)
      .replace(/^Error transforming [^:]*: /, "")
      .replace(/\s*\(\d+:\d+\)$/, "");
    throw new CompileError(message, loc?.line, loc ? Math.max(0, loc.column - 1) : undefined);
  }
  return { code, imports: findImports(code) };
}
