/** The bare imports a component may use, mapped to the modules bundled into the runtime. */
import * as Lucide from "lucide-react";
import * as React from "react";
import * as JsxRuntime from "react/jsx-runtime";
import * as ReactDOM from "react-dom";
import * as Recharts from "recharts";
import type { ImportSite } from "./compile";

type Module = Readonly<Record<string, unknown>>;

/**
 * An ES-module-shaped object for compiled CommonJS: `__esModule` makes sucrase's interop use it as is, and
 * `default` is the namespace itself, so both `import React from "react"` and `import * as React` work.
 */
function asModule(namespace: object): Module {
  return Object.freeze({ ...namespace, default: namespace, __esModule: true });
}

const REGISTRY: Readonly<Record<string, Module>> = Object.freeze({
  react: asModule(React),
  "react/jsx-runtime": asModule(JsxRuntime),
  "react-dom": asModule(ReactDOM),
  recharts: asModule(Recharts),
  "lucide-react": asModule(Lucide),
});

export const ALLOWED_MODULES: readonly string[] = Object.keys(REGISTRY);

function isAllowed(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(REGISTRY, name);
}

/** The message for an import outside the allowlist, or null when every import is allowed. */
export function disallowedImport(imports: readonly ImportSite[]): { message: string; line: number } | null {
  const bad = imports.find((site) => !isAllowed(site.module));
  if (!bad) return null;
  return {
    message:
      `Cannot import "${bad.module}" (line ${bad.line}): components run offline in a sandbox and may only ` +
      `import ${ALLOWED_MODULES.map((m) => `"${m}"`).join(", ")}.`,
    line: bad.line,
  };
}

/** The `require` a compiled component sees. */
export function requireModule(name: string): Module {
  if (!isAllowed(name)) {
    throw new Error(`Cannot import "${name}": allowed modules are ${ALLOWED_MODULES.join(", ")}.`);
  }
  return REGISTRY[name];
}
