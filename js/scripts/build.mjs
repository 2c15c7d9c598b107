// Builds the four browser bundles with esbuild and the labextension's entry module for
// `jupyter labextension build`. Usage: node scripts/build.mjs [--dev]
import { build } from "esbuild";
import { mkdir, stat } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const jsDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const staticDir = join(jsDir, "..", "jupyter_componentgen", "static");
const dev = process.argv.includes("--dev");

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

await mkdir(staticDir, { recursive: true });
const started = performance.now();
await Promise.all(bundles.map((options) => build({ ...common, ...options })));
for (const { outfile } of bundles) {
  const { size } = await stat(outfile);
  console.log(`${relative(jsDir, outfile).padEnd(48)} ${(size / 1024).toFixed(1).padStart(8)} KB`);
}
console.log(`bundles built in ${Math.round(performance.now() - started)} ms`);
