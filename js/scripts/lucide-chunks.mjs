// lucide-react's icons split into chunks by name, so that a frame loads the few icons a component imports
// instead of all of them (about 1 MB of code that takes a few hundred ms to evaluate). Each icon export is
// routed by its name without the `Lucide` prefix and `Icon` suffix (`LucideHome`, `HomeIcon` -> `Home`), so
// an icon's spellings land in one chunk; chunks cover consecutive ranges of those names, each about
// `targetBytes` of icon source. The runtime and Python route names with the same rule (see the manifest's
// `chunked` entry): a chunk registers its icons with the `lucide-react` module when it is evaluated.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export const LUCIDE_PREFIX = "Lucide";
export const LUCIDE_SUFFIX = "Icon";
/** Exports of the `lucide-react` module itself, which need no chunk. */
export const LUCIDE_BASE_EXPORTS = ["createLucideIcon", "Icon", "LucideProvider", "useLucideContext"];
/** Exports that stand for every icon: a component importing them gets every chunk. */
export const LUCIDE_WHOLE_EXPORTS = ["icons"];
export const REGISTER_EXPORT = "__componentgenRegisterIcons";

/** The name an icon export is routed by. */
export function routedName(name) {
  let routed = name;
  if (routed.startsWith(LUCIDE_PREFIX) && /^[A-Z0-9]/.test(routed.slice(LUCIDE_PREFIX.length)))
    routed = routed.slice(LUCIDE_PREFIX.length);
  if (routed.length > LUCIDE_SUFFIX.length && routed.endsWith(LUCIDE_SUFFIX))
    routed = routed.slice(0, -LUCIDE_SUFFIX.length);
  return routed;
}

const EXPORT_LINE = /export \{([^}]*)\} from '\.\/icons\/([\w-]+)\.mjs';/g;

/**
 * The chunk plan: `[{ id, from, icons: Map<file, exportNames[]> }]`, ordered by `from` (the first chunk's is
 * ""), read from the package's ESM entry.
 */
export function planLucideChunks(jsDir, targetBytes = 40_000) {
  const esm = join(jsDir, "node_modules", "lucide-react", "dist", "esm");
  const entry = readFileSync(join(esm, "lucide-react.mjs"), "utf8");
  const byRouted = new Map();
  for (const [, names, file] of entry.matchAll(EXPORT_LINE)) {
    for (const item of names.split(",")) {
      const match = /^\s*default as ([\w$]+)\s*$/.exec(item);
      if (!match) continue;
      const routed = routedName(match[1]);
      if (!byRouted.has(routed)) byRouted.set(routed, []);
      byRouted.get(routed).push({ name: match[1], file });
    }
  }
  if (byRouted.size < 1000) throw new Error("lucide-react's entry no longer lists its icons as expected");
  const sizes = new Map();
  const sizeOf = (file) => {
    if (!sizes.has(file)) sizes.set(file, statSync(join(esm, "icons", `${file}.mjs`)).size);
    return sizes.get(file);
  };
  const chunks = [];
  let current = null;
  for (const routed of [...byRouted.keys()].sort()) {
    if (current === null || current.bytes >= targetBytes) {
      current = {
        id: `lucide-icons-${chunks.length + 1}`,
        from: chunks.length ? routed : "",
        icons: new Map(),
        bytes: 0,
      };
      chunks.push(current);
    }
    for (const { name, file } of byRouted.get(routed)) {
      if (!current.icons.has(file)) {
        current.icons.set(file, []);
        current.bytes += sizeOf(file);
      }
      current.icons.get(file).push(name);
    }
  }
  return chunks;
}

/** A chunk's module source: its icons, registered with the `lucide-react` module under all their names. */
export function chunkSource(chunk) {
  const imports = [];
  const entries = [];
  let index = 0;
  for (const [file, names] of chunk.icons) {
    const local = `i${index++}`;
    imports.push(`import ${local} from "./node_modules/lucide-react/dist/esm/icons/${file}.mjs";`);
    for (const name of names) entries.push(`${name}:${local}`);
  }
  return (
    `import { ${REGISTER_EXPORT} as register } from "lucide-react";\n` +
    `${imports.join("\n")}\n` +
    `register({${entries.join(",")}});\n`
  );
}

/**
 * An esbuild plugin for the chunks: the icons' `createLucideIcon` (and with it the icon component and its
 * context) comes from the `lucide-react` module at run time, so every chunk shares the one LucideProvider.
 */
export const sharedLucideCore = {
  name: "shared-lucide-core",
  setup(plugin) {
    plugin.onResolve({ filter: /\/createLucideIcon\.mjs$/ }, () => ({
      path: "create-lucide-icon",
      namespace: "componentgen-lucide",
    }));
    plugin.onLoad({ filter: /.*/, namespace: "componentgen-lucide" }, () => ({
      contents: 'export { createLucideIcon as default } from "lucide-react";\n',
      resolveDir: process.cwd(),
      loader: "js",
    }));
  },
};
