/** A small manifest of library modules for the tests (the real one is built by scripts/build.mjs). */
import type { ModuleManifest } from "../src/runtime/module-manifest";

const entry = (requires: string[] = []) => ({ file: "x.js", bytes: 1, sha256: "0", requires });

export const MANIFEST: ModuleManifest = {
  version: 1,
  core: ["react", "react-dom", "react-dom/client", "react/jsx-runtime"],
  modules: {
    d3: entry(),
    lodash: entry(),
    "chart.js": entry(),
    "react-chartjs-2": entry(["chart.js"]),
    ui: entry(),
    "ui-extra": entry(["ui", "react-chartjs-2"]),
    icons: entry(),
    "icons-1": entry(["icons"]),
    "icons-2": entry(["icons"]),
    "icons-3": entry(["icons"]),
  },
  specifiers: {
    d3: { module: "d3" },
    "d3-scale": { module: "d3" },
    lodash: { module: "lodash" },
    "chart.js": { module: "chart.js" },
    "react-chartjs-2": { module: "react-chartjs-2" },
    "@/components/ui/button": { module: "ui", export: "button" },
    "~/components/ui/button": { module: "ui", export: "button" },
    "@/lib/utils": { module: "ui", export: "utils" },
    extra: { module: "ui-extra" },
    "icon-set": { module: "icons" },
  },
  prefixes: [
    { prefix: "lodash/", module: "lodash" },
    { prefix: "lodash.", module: "lodash" },
  ],
  chunked: {
    icons: {
      prefix: "Lucide",
      suffix: "Icon",
      base: ["createLucideIcon"],
      whole: ["icons"],
      chunks: [
        { from: "", module: "icons-1" },
        { from: "H", module: "icons-2" },
        { from: "Star", module: "icons-3" },
      ],
    },
  },
};
