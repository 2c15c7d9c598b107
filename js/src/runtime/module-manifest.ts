/**
 * The library modules' manifest (built by scripts/build.mjs into static/modules/manifest.json): which
 * import names map to which module bundle, and what each bundle needs loaded before it. Pure functions over
 * the manifest, shared by the frame's runtime and the hosts.
 */

export interface ModuleEntry {
  /** The bundle's file name in static/modules/. */
  file: string;
  bytes: number;
  sha256: string;
  /** Module ids this bundle imports at run time; they are evaluated before it. */
  requires: string[];
}

export interface ModuleTarget {
  module: string;
  /** The export of the module this import name stands for (the whole module when absent). */
  export?: string;
}

/**
 * A module whose named exports come in chunk modules (lucide-react's icons): an export name, without
 * `prefix` and `suffix`, goes to the last chunk whose `from` is not after it.
 */
export interface ChunkedExports {
  prefix: string;
  suffix: string;
  /** Exports of the module itself: they need no chunk. */
  base: string[];
  /** Exports that stand for every chunk's (e.g. a map of every icon). */
  whole: string[];
  /** Ordered by `from`; the first one's is "". */
  chunks: { from: string; module: string }[];
}

export interface ModuleManifest {
  version: number;
  /** Import names bundled into the core runtime. */
  core: string[];
  modules: Record<string, ModuleEntry>;
  specifiers: Record<string, ModuleTarget>;
  /** Import name prefixes whose rest names an export, e.g. `lodash/` for `lodash/debounce`. */
  prefixes: { prefix: string; module: string }[];
  /** Modules whose exports come in chunks, by module id. */
  chunked?: Record<string, ChunkedExports>;
}

export type Resolution = { kind: "core" } | ({ kind: "module" } & ModuleTarget) | null;

const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** Where an import name comes from: the core runtime, a module (and export), or nowhere (null). */
export function resolveSpecifier(manifest: ModuleManifest, specifier: string): Resolution {
  if (manifest.core.includes(specifier)) return { kind: "core" };
  if (own(manifest.specifiers, specifier)) return { kind: "module", ...manifest.specifiers[specifier] };
  for (const { prefix, module } of manifest.prefixes) {
    const rest = specifier.slice(prefix.length);
    if (specifier.startsWith(prefix) && /^[A-Za-z_$][\w$]*$/.test(rest)) {
      return { kind: "module", module, export: rest };
    }
  }
  return null;
}

export function isKnownModule(manifest: ModuleManifest, id: unknown): id is string {
  return typeof id === "string" && own(manifest.modules, id);
}

/** `ids` and everything they require, each once, dependencies before their dependents. */
export function moduleClosure(manifest: ModuleManifest, ids: Iterable<string>): string[] {
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (id: string): void => {
    if (ordered.includes(id) || visiting.has(id) || !isKnownModule(manifest, id)) return;
    visiting.add(id);
    for (const dependency of manifest.modules[id].requires) visit(dependency);
    visiting.delete(id);
    ordered.push(id);
  };
  for (const id of ids) visit(id);
  return ordered;
}

/** The import names people know each module by (its first plain specifier), for messages. */
export function libraryNames(manifest: ModuleManifest): string[] {
  const names = new Map<string, string>();
  for (const [specifier, target] of Object.entries(manifest.specifiers)) {
    if (target.export === undefined && !names.has(target.module)) names.set(target.module, specifier);
  }
  return [...names.values()];
}

/** The name an export is routed by: without the chunked module's prefix and suffix. */
export function routedName(chunked: ChunkedExports, name: string): string {
  let routed = name;
  const rest = routed.slice(chunked.prefix.length);
  if (chunked.prefix && routed.startsWith(chunked.prefix) && /^[A-Z0-9]/.test(rest)) routed = rest;
  if (chunked.suffix && routed.length > chunked.suffix.length && routed.endsWith(chunked.suffix))
    routed = routed.slice(0, -chunked.suffix.length);
  return routed;
}

/**
 * The chunk modules module `id` needs for the export `names` a component uses (every chunk when `names` is
 * undefined: a namespace or default import, or any use other than reading a name); none for other modules.
 */
export function chunksFor(manifest: ModuleManifest, id: string, names?: readonly string[]): string[] {
  const chunked = manifest.chunked && own(manifest.chunked, id) ? manifest.chunked[id] : undefined;
  if (!chunked) return [];
  if (names === undefined || names.some((name) => chunked.whole.includes(name)))
    return chunked.chunks.map((chunk) => chunk.module);
  const found = new Set<string>();
  for (const name of names) {
    if (chunked.base.includes(name)) continue;
    const routed = routedName(chunked, name);
    let chosen: string | undefined;
    for (const chunk of chunked.chunks) {
      if (chunk.from <= routed) chosen = chunk.module;
      else break;
    }
    if (chosen) found.add(chosen);
  }
  return chunked.chunks.map((chunk) => chunk.module).filter((module) => found.has(module));
}
