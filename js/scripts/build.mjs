// Builds the browser bundles with esbuild: first the wire types (scripts/schema-types.mjs), then the library
// modules a frame loads on demand and their manifest (static/modules/), then the core runtime, the widget,
// the standalone page host and the labextension's entry module for `jupyter labextension build`.
// Usage: node scripts/build.mjs [--dev]
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { CORE_SPECIFIERS, LIBRARY_MODULES, UI_COMPONENTS } from "./library-modules.mjs";
import { writeAll as writeSchemaTypes } from "./schema-types.mjs";

const jsDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const staticDir = join(jsDir, "..", "jupyter_componentgen", "static");
const modulesDir = join(staticDir, "modules");
const dev = process.argv.includes("--dev");
const MANIFEST_IMPORT = "componentgen:module-manifest";

const common = {
  bundle: true,
  minify: !dev,
  sourcemap: dev ? "inline" : false,
  legalComments: "eof",
  target: ["chrome110", "firefox115", "safari16"],
  jsx: "automatic",
  define: { "process.env.NODE_ENV": dev ? '"development"' : '"production"' },
  logLevel: "warning",
  absWorkingDir: jsDir,
};

/** `name` or `name=exportKey` -> the manifest's mapping for that import name. */
function target(id, specifier) {
  const at = specifier.indexOf("=");
  return at < 0
    ? [specifier, { module: id }]
    : [specifier.slice(0, at), { module: id, export: specifier.slice(at + 1) }];
}

/** Import names that load the whole module (no export key): what a dependent bundle keeps external. */
function plainSpecifiers(library) {
  return library.specifiers.filter((specifier) => !specifier.includes("="));
}

const byId = new Map(LIBRARY_MODULES.map((library) => [library.id, library]));

const uiDir = join(jsDir, "src", "ui");

/** The import name of a component file of the `ui` module, or null for any other file. */
function uiSpecifier(file) {
  if (dirname(file) !== uiDir) return null;
  const name = file.slice(uiDir.length + 1).replace(/\.tsx?$/, "");
  if (name === "utils") return "@/lib/utils";
  if (name === "use-toast" || name === "use-mobile") return `@/hooks/${name}`;
  return UI_COMPONENTS.includes(name) ? `@/components/ui/${name}` : null;
}

// A module built beside `ui` imports ui's components (button, dialog, cn…) from the `ui` module at run
// time instead of bundling copies: their React contexts and styles are then the ones the component uses.
const sharedUi = {
  name: "shared-ui",
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\.?\// }, ({ path, resolveDir }) => {
      const file = join(resolveDir, path);
      for (const candidate of [file, `${file}.tsx`, `${file}.ts`]) {
        const specifier = uiSpecifier(candidate);
        if (specifier && existsSync(candidate)) return { path: specifier, external: true };
      }
      return undefined;
    });
  },
};

async function buildLibrary(library) {
  const requires = library.requires ?? [];
  // What a bundle may leave to its dependencies: any of their import names.
  const shared = requires.flatMap((id) =>
    byId.get(id).specifiers.map((specifier) => specifier.split("=")[0]),
  );
  const outfile = join(modulesDir, `${library.id}.js`);
  const entry = library.entry
    ? { entryPoints: [library.entry] }
    : {
        stdin: { contents: library.source, resolveDir: jsDir, sourcefile: `${library.id}.js`, loader: "js" },
      };
  const result = await build({
    ...common,
    ...entry,
    outfile,
    format: "cjs",
    platform: "browser",
    external: [...CORE_SPECIFIERS, ...requires.flatMap((id) => plainSpecifiers(byId.get(id)))],
    plugins: [...(requires.includes("ui") ? [sharedUi] : []), ...(library.plugins ?? [])],
    metafile: true,
  });
  // Every import left outside the bundle must be the core's or a declared dependency's.
  const externals = new Set(
    Object.values(result.metafile.outputs).flatMap((output) =>
      output.imports.filter((found) => found.external).map((found) => found.path),
    ),
  );
  for (const name of externals) {
    if (!CORE_SPECIFIERS.includes(name) && !shared.includes(name)) {
      throw new Error(
        `module ${library.id} imports "${name}", which is neither core nor a declared dependency`,
      );
    }
  }
  const source = await readFile(outfile);
  // The dependencies the bundle really imports (a ui-based module may not need ui after all).
  const used = requires.filter((id) =>
    byId.get(id).specifiers.some((specifier) => externals.has(specifier.split("=")[0])),
  );
  return {
    id: library.id,
    file: `${library.id}.js`,
    bytes: source.length,
    sha256: createHash("sha256").update(source).digest("hex"),
    requires: used,
  };
}

function manifestOf(built) {
  const specifiers = {};
  const prefixes = [];
  const chunked = {};
  for (const library of LIBRARY_MODULES) {
    for (const specifier of library.specifiers) {
      const [name, mapping] = target(library.id, specifier);
      if (name in specifiers) throw new Error(`import "${name}" is mapped twice`);
      specifiers[name] = mapping;
    }
    for (const prefix of library.prefixes ?? []) prefixes.push({ prefix, module: library.id });
    if (library.chunked) chunked[library.id] = library.chunked;
  }
  const modules = {};
  for (const { id, ...entry } of built) modules[id] = entry;
  return { version: 1, core: CORE_SPECIFIERS, modules, specifiers, prefixes, chunked };
}

// The manifest reaches the runtime and the hosts as a virtual module, so they always agree with the bundles;
// tw-animate-css's stylesheet (its package exports it for CSS tools only) reaches the runtime's theme as text.
function virtualModules(manifest) {
  const animations = join(jsDir, "node_modules", "tw-animate-css", "dist", "tw-animate.css");
  return {
    name: "componentgen-virtual",
    setup(plugin) {
      plugin.onResolve({ filter: /^componentgen:/ }, ({ path }) => ({ path, namespace: "componentgen" }));
      plugin.onLoad({ filter: /.*/, namespace: "componentgen" }, async ({ path }) => {
        if (path === MANIFEST_IMPORT) return { contents: JSON.stringify(manifest), loader: "json" };
        if (path === "componentgen:tw-animate-css")
          return { contents: await readFile(animations, "utf8"), loader: "text" };
        return { errors: [{ text: `unknown virtual module ${path}` }] };
      });
    },
  };
}

const bundles = [
  { entryPoints: ["src/runtime/index.ts"], outfile: join(staticDir, "runtime.js"), format: "iife" },
  { entryPoints: ["src/widget/index.ts"], outfile: join(staticDir, "widget.js"), format: "esm" },
  {
    entryPoints: ["src/widget/bootstrap.ts"],
    outfile: join(staticDir, "bootstrap.js"),
    format: "esm",
    legalComments: "none",
  },
  { entryPoints: ["src/standalone/index.ts"], outfile: join(staticDir, "standalone.js"), format: "iife" },
  {
    // JupyterLab's builder (webpack) takes it from here and shares the @jupyterlab/* and @lumino/* modules,
    // and JupyterLab's singletons React and CodeMirror 6 (the panel must not bundle copies of its own).
    entryPoints: ["src/labextension/index.ts"],
    outfile: join(jsDir, "lib", "labextension", "index.js"),
    format: "esm",
    minify: false,
    external: ["@jupyterlab/*", "@lumino/*", "react", "react-dom", "@codemirror/*", "@lezer/*"],
  },
];

const kb = (bytes) => `${(bytes / 1024).toFixed(1).padStart(8)} KB`;

const started = performance.now();
// The wire types first: the bundles compile against them.
for (const path of await writeSchemaTypes()) console.log(`generated ${path}`);
await rm(modulesDir, { recursive: true, force: true });
await mkdir(modulesDir, { recursive: true });
const built = await Promise.all(LIBRARY_MODULES.map(buildLibrary));
const manifest = manifestOf(built);
await writeFile(join(modulesDir, "manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`);
const plugins = [virtualModules(manifest)];
await Promise.all(bundles.map((options) => build({ ...common, ...options, plugins })));
for (const { outfile } of bundles) {
  const { size } = await stat(outfile);
  console.log(`${relative(jsDir, outfile).padEnd(48)} ${kb(size)}`);
}
for (const { file, bytes } of built)
  console.log(`${relative(jsDir, join(modulesDir, file)).padEnd(48)} ${kb(bytes)}`);
console.log(`bundles built in ${Math.round(performance.now() - started)} ms`);
