// Bundles test/*.test.ts for node's test runner into lib/test/ (libraries stay external).
import { build } from "esbuild";
import { readdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const jsDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const tests = (await readdir(join(jsDir, "test"))).filter((name) => name.endsWith(".test.ts"));
// A test file that was renamed or removed must not keep running from an old bundle.
await rm(join(jsDir, "lib", "test"), { recursive: true, force: true });
await build({
  absWorkingDir: jsDir,
  entryPoints: tests.map((name) => join("test", name)),
  outdir: join(jsDir, "lib", "test"),
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  jsx: "automatic",
  logLevel: "warning",
});
