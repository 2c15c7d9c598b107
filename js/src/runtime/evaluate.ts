/**
 * Run compiled component code without 'unsafe-eval': it goes into an inline <script> (through the runtime's
 * private Trusted Types policy) as the body of a function, which registers itself; the runtime then calls it with the module registry's `require`.
 * The body starts on the script's second line, so script line N is source line N - 1.
 */
import { CompileError } from "./compile";
import { trustedScript } from "./trusted-types";

type Factory = (
  require: (name: string) => unknown,
  module: { exports: Record<string, unknown> },
  exports: Record<string, unknown>,
  emit: unknown,
) => void;

const DEFINE = "__componentgenDefine";
const FILE_PATTERN = /component-\d+\.js:(\d+):\d+/;
let nextSlot = 1;
let loading = false;

/**
 * True while a component script is being inserted: its syntax errors also reach the page's own error
 * listeners (before this module's, on some engines), which must leave them to evaluateModule.
 */
export function isLoadingComponent(): boolean {
  return loading;
}

/**
 * The source line an error happened on, read from its stack. Only the line: compiled lines keep their
 * source line but not their columns.
 */
export function sourcePosition(...stacks: (string | undefined)[]): { line: number } | undefined {
  for (const stack of stacks) {
    const match = stack ? FILE_PATTERN.exec(stack) : null;
    if (match && Number(match[1]) > 1) return { line: Number(match[1]) - 1 };
  }
  return undefined;
}

/** Stack frames inside the component only, with positions in its source. */
export function componentStack(...stacks: (string | undefined)[]): string | undefined {
  const frames: string[] = [];
  for (const stack of stacks) {
    for (const line of (stack ?? "").split("\n")) {
      const match = /^\s*at (.*?)\s*\(?component-\d+\.js:(\d+):\d+\)?$/.exec(line);
      if (match) frames.push(`    at ${match[1] || "<module>"} (line ${Number(match[2]) - 1})`);
    }
  }
  return frames.length ? frames.slice(0, 20).join("\n") : undefined;
}

/**
 * Evaluate a compiled CommonJS body and return its exports. Syntax errors the compiler let through
 * surface as CompileError; anything thrown while the module runs propagates unchanged.
 */
export function evaluateModule(
  code: string,
  require: (name: string) => unknown,
  emit: unknown,
  /** Names the script in stacks: only `component` scripts map to positions in the component's source. */
  label = "component",
): Record<string, unknown> {
  const slot = nextSlot++;
  const scope = window as unknown as Record<string, unknown>;
  let factory: Factory | undefined;
  let loadError: ErrorEvent | undefined;
  scope[DEFINE] = (id: number, f: Factory) => {
    if (id === slot) factory = f;
  };
  const onLoadError = (event: ErrorEvent): void => {
    loadError ??= event;
    event.preventDefault();
  };
  window.addEventListener("error", onLoadError, true);
  const script = document.createElement("script");
  script.textContent = trustedScript(
    `${DEFINE}(${slot},function(require,module,exports,emit){\n${code}\n});\n//# sourceURL=${label}-${slot}.js`,
  );
  loading = true;
  try {
    document.head.appendChild(script);
  } finally {
    loading = false;
    script.remove();
    window.removeEventListener("error", onLoadError, true);
    delete scope[DEFINE];
  }
  if (!factory) {
    const lineno = loadError?.lineno;
    throw new CompileError(
      loadError?.message?.replace(/^Uncaught /, "").replace(/Failed to execute '\w+' on '\w+': /, "") ??
        "The component could not be loaded.",
      lineno && lineno > 1 ? lineno - 1 : undefined,
      lineno && lineno > 1 ? Math.max(0, (loadError?.colno ?? 1) - 1) : undefined,
    );
  }
  const module: { exports: Record<string, unknown> } = { exports: {} };
  factory(require, module, module.exports, emit);
  return module.exports;
}
