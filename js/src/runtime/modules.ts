/**
 * The import names a component may use: React, bundled into the runtime, and the library modules of the
 * manifest, which the frame loads on demand (module-loader.ts). Resolves each import to its module and
 * shapes module exports for compiled CommonJS.
 */
import * as React from "react";
import * as ReactDOM from "react-dom";
import * as ReactDOMClient from "react-dom/client";
import * as JsxRuntime from "react/jsx-runtime";
import type { ImportSite } from "./compile";
import {
  chunksFor,
  libraryNames,
  moduleClosure,
  resolveSpecifier,
  type ModuleManifest,
} from "./module-manifest";

type Module = Readonly<Record<string, unknown>>;

const isObjectLike = (value: unknown): value is object =>
  (typeof value === "object" && value !== null) || typeof value === "function";

/**
 * An ES-module-shaped object for compiled CommonJS: `__esModule` makes sucrase's interop use it as is, and
 * `default` is the module's own default export or else the namespace itself, so both
 * `import React from "react"` and `import * as React` work.
 */
export function asModule(namespace: object): Module {
  const fields = namespace as Record<string, unknown>;
  return Object.freeze({ ...namespace, default: fields.default ?? namespace, __esModule: true });
}

/**
 * A module's exports as components import them. Exports already shaped as an ES module with a default
 * (e.g. the icon set's namespace, which answers unknown names) are used as they are.
 */
export function interop(exports: unknown): unknown {
  if (!isObjectLike(exports)) return exports;
  const fields = exports as Record<string, unknown>;
  if (fields.__esModule === true && "default" in exports) return exports;
  return asModule(exports);
}

/**
 * One export of a module as a module of its own (`lodash/debounce`, `@/components/ui/button`): a function
 * becomes the default export and a named export of its name; an object is a namespace.
 */
export function selectExport(exports: unknown, key: string, specifier: string): unknown {
  // Own exports only: `lodash/constructor` must not reach Function through the prototype chain.
  const own = isObjectLike(exports) && Object.prototype.hasOwnProperty.call(exports, key);
  const value = own ? (exports as Record<string, unknown>)[key] : undefined;
  if (value === undefined) throw new Error(`Cannot import "${specifier}": it has no export "${key}".`);
  if (typeof value === "function") return Object.freeze({ __esModule: true, default: value, [key]: value });
  return interop(value);
}

/** A named import its module does not export (`import { Sparkline } from "recharts"`). */
export interface MissingExport {
  module: string;
  name: string;
  /** 1-based line of the import in the component's source. */
  line: number;
}

// Compiled imports: `var _recharts = require('recharts');`, then `_recharts.Sparkline` wherever it is used.
const REQUIRE_BINDING = /\bvar (_[\w$]+) = require\((['"])([^'"\n]+)\2\);/g;
const HELPER_NAMES = new Set(["default", "__esModule"]);

/**
 * The named imports of compiled `code` that their module does not have, by reading each import's uses
 * (`_alias.name`) and asking `require` for the module. Modules that answer any name (the icon set) have
 * every name; an import `require` refuses is left to the render to report.
 */
export function missingExports(code: string, require: (specifier: string) => unknown): MissingExport[] {
  const missing: MissingExport[] = [];
  for (const binding of code.matchAll(REQUIRE_BINDING)) {
    const [, alias, , specifier] = binding;
    let exports: unknown;
    try {
      exports = require(specifier);
    } catch {
      continue;
    }
    if (!isObjectLike(exports)) continue;
    const line = code.slice(0, binding.index).split("\n").length;
    const uses = new RegExp(`(?<![\\w$.])${alias.replace(/\$/g, "\\$")}\\.([A-Za-z_$][\\w$]*)`, "g");
    const seen = new Set<string>();
    for (const [, name] of code.matchAll(uses)) {
      if (seen.has(name) || HELPER_NAMES.has(name)) continue;
      seen.add(name);
      if (!(name in exports)) missing.push({ module: specifier, name, line });
    }
  }
  return missing;
}

const CORE: Readonly<Record<string, Module>> = Object.freeze({
  react: asModule(React),
  "react/jsx-runtime": asModule(JsxRuntime),
  "react-dom": asModule(ReactDOM),
  "react-dom/client": asModule(ReactDOMClient),
});

/** Resolves imports through the manifest; `exportsOf` gives a loaded module's exports. */
export class ModuleRegistry {
  private readonly resolved = new Map<string, unknown>();

  constructor(
    readonly manifest: ModuleManifest,
    private readonly exportsOf: (id: string) => unknown,
  ) {}

  /** The message for an import that no module provides, or null when every import is known. */
  unknownImport(imports: readonly ImportSite[]): { message: string; line: number } | null {
    const bad = imports.find((site) => resolveSpecifier(this.manifest, site.module) === null);
    if (!bad) return null;
    const names = [
      ...this.manifest.core.filter((name) => !name.includes("/")),
      ...libraryNames(this.manifest),
    ];
    return {
      message:
        `Cannot import "${bad.module}" (line ${bad.line}): components run offline in a sandbox and may ` +
        `import ${names.map((m) => `"${m}"`).join(", ")}, and shadcn/ui's components from ` +
        `"@/components/ui/<name>".`,
      line: bad.line,
    };
  }

  /**
   * The modules `imports` need, with their dependencies, dependencies first: for a module whose exports
   * come in chunks, the chunks holding the names imported.
   */
  modulesFor(imports: readonly ImportSite[]): string[] {
    const ids: string[] = [];
    for (const site of imports) {
      const found = resolveSpecifier(this.manifest, site.module);
      if (found?.kind !== "module") continue;
      ids.push(found.module);
      const names = found.export === undefined ? site.names : undefined;
      ids.push(...chunksFor(this.manifest, found.module, names));
    }
    return moduleClosure(this.manifest, ids);
  }

  /** The first import site that needs module `id` (directly or through a dependency), for messages. */
  siteNeeding(imports: readonly ImportSite[], id: string): ImportSite | undefined {
    return imports.find((site) => this.modulesFor([site]).includes(id));
  }

  /** The `require` compiled components and library modules see. */
  readonly require = (specifier: string): unknown => {
    if (Object.prototype.hasOwnProperty.call(CORE, specifier)) return CORE[specifier];
    if (this.resolved.has(specifier)) return this.resolved.get(specifier);
    const found = resolveSpecifier(this.manifest, specifier);
    if (found === null) throw new Error(`Cannot import "${specifier}": no bundled library provides it.`);
    if (found.kind === "core") throw new Error(`Cannot import "${specifier}": it is not in this runtime.`);
    const exports = this.exportsOf(found.module);
    if (exports === undefined)
      throw new Error(`Cannot import "${specifier}": its library is not loaded yet.`);
    const value =
      found.export === undefined ? interop(exports) : selectExport(exports, found.export, specifier);
    this.resolved.set(specifier, value);
    return value;
  };
}
