// The libraries a component may import besides React, each built into a module bundle of its own that a
// frame loads only when a component imports it. build.mjs turns this table into the bundles and the
// manifest (static/modules/manifest.json) that the runtime, the host and Python all read.
//
// A module: `id`; its entry (`source`: module text to bundle, or `entry`: a file under src/); `requires`:
// the module ids it imports at run time (kept out of its bundle: they share the frame's one copy);
// `specifiers`: the import names that map to the module, each optionally to one export of it (`name=key`);
// `prefixes`: import name prefixes whose rest names an export (`lodash/debounce` -> export `debounce`);
// `chunked`: the module's named exports come in chunk modules, routed by name (see lucide-chunks.mjs);
// `plugins`: esbuild plugins for its bundle.

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  chunkSource,
  LUCIDE_BASE_EXPORTS,
  LUCIDE_PREFIX,
  LUCIDE_SUFFIX,
  LUCIDE_WHOLE_EXPORTS,
  planLucideChunks,
  REGISTER_EXPORT,
  sharedLucideCore,
} from "./lucide-chunks.mjs";

const lucideChunks = planLucideChunks(join(dirname(fileURLToPath(import.meta.url)), ".."));

/** Bundled into the core runtime; every module shares them. */
export const CORE_SPECIFIERS = ["react", "react-dom", "react-dom/client", "react/jsx-runtime"];

const D3_PARTS = [
  "array",
  "axis",
  "brush",
  "chord",
  "color",
  "contour",
  "delaunay",
  "dispatch",
  "drag",
  "dsv",
  "ease",
  "force",
  "format",
  "geo",
  "hierarchy",
  "interpolate",
  "path",
  "polygon",
  "quadtree",
  "random",
  "scale",
  "scale-chromatic",
  "selection",
  "shape",
  "time",
  "time-format",
  "timer",
  "transition",
  "zoom",
];

/** shadcn/ui's catalogue as `@/components/ui/<name>`: components in the `ui` module, each its export `<name>`. */
export const UI_COMPONENTS = [
  "accordion",
  "alert",
  "alert-dialog",
  "aspect-ratio",
  "avatar",
  "badge",
  "breadcrumb",
  "button",
  "card",
  "checkbox",
  "collapsible",
  "context-menu",
  "dialog",
  "dropdown-menu",
  "hover-card",
  "input",
  "label",
  "menubar",
  "navigation-menu",
  "pagination",
  "popover",
  "progress",
  "radio-group",
  "scroll-area",
  "select",
  "separator",
  "sheet",
  "skeleton",
  "slider",
  "switch",
  "table",
  "tabs",
  "textarea",
  "toast",
  "toaster",
  "toggle",
  "toggle-group",
  "tooltip",
  "use-toast",
];

/** Radix primitives bundled in the `ui` module, importable as `@radix-ui/react-<name>`. */
export const UI_PRIMITIVES = [
  "accordion",
  "alert-dialog",
  "aspect-ratio",
  "avatar",
  "checkbox",
  "collapsible",
  "context-menu",
  "dialog",
  "dropdown-menu",
  "hover-card",
  "label",
  "menubar",
  "navigation-menu",
  "popover",
  "progress",
  "radio-group",
  "scroll-area",
  "select",
  "separator",
  "slider",
  "slot",
  "switch",
  "tabs",
  "toast",
  "toggle",
  "toggle-group",
  "tooltip",
];

/**
 * Components built on a package of their own (or on another module, like the charts on recharts), each a
 * module beside `ui` (which they import for buttons, dialogs and `cn`), so that a component pays for day
 * pickers or forms only when it uses them. Their package is importable by its own name too.
 */
export const UI_EXTRAS = [
  { id: "ui-calendar", component: "calendar", package: "react-day-picker" },
  { id: "ui-carousel", component: "carousel", package: "embla-carousel-react" },
  { id: "ui-command", component: "command", package: "cmdk" },
  { id: "ui-drawer", component: "drawer", package: "vaul" },
  { id: "ui-form", component: "form", package: "react-hook-form" },
  { id: "ui-input-otp", component: "input-otp", package: "input-otp" },
  // Version 4 of the panels, with the names and percent sizes of earlier versions too.
  {
    id: "ui-resizable",
    component: "resizable",
    package: "react-resizable-panels",
    entry: "./src/libraries/resizable-panels.tsx",
  },
  { id: "ui-sonner", component: "sonner", package: "sonner" },
  // shadcn's chart parts for recharts, which stays a module of its own.
  { id: "ui-chart", component: "chart", requires: ["recharts"] },
];

const UI_ALIAS_ROOTS = ["@/", "~/", ""];

/** `@/components/ui/<name>` and its other spellings, mapped to export `<name>`. */
function componentSpecifiers(name) {
  return UI_ALIAS_ROOTS.map((root) => `${root}components/ui/${name}=${name}`);
}

function uiSpecifiers() {
  const specifiers = UI_COMPONENTS.flatMap(componentSpecifiers);
  for (const root of UI_ALIAS_ROOTS) {
    specifiers.push(
      `${root}lib/utils=utils`,
      `${root}hooks/use-toast=use-toast`,
      `${root}hooks/use-mobile=use-mobile`,
    );
  }
  for (const name of UI_PRIMITIVES) specifiers.push(`@radix-ui/react-${name}=@radix-ui/react-${name}`);
  for (const name of ["class-variance-authority", "clsx", "tailwind-merge", "radix-ui"]) {
    specifiers.push(`${name}=package/${name}`);
  }
  return specifiers;
}

const uiExtraModules = UI_EXTRAS.map((extra) => ({
  id: extra.id,
  source:
    `export * as "${extra.component}" from "./src/ui/${extra.component}.tsx";\n` +
    (extra.package ? `export * as "package/${extra.package}" from "${extra.entry ?? extra.package}";\n` : ""),
  requires: ["ui", ...(extra.requires ?? [])],
  specifiers: [
    ...componentSpecifiers(extra.component),
    ...(extra.package ? [`${extra.package}=package/${extra.package}`] : []),
  ],
}));

export const LIBRARY_MODULES = [
  { id: "recharts", source: 'export * from "recharts";', specifiers: ["recharts"] },
  {
    // The icon component, its context and the name lookup; the icons themselves come in chunks by name.
    id: "lucide-react",
    source: 'module.exports = require("./src/libraries/lucide.ts").icons;',
    specifiers: ["lucide-react"],
    chunked: {
      prefix: LUCIDE_PREFIX,
      suffix: LUCIDE_SUFFIX,
      base: [...LUCIDE_BASE_EXPORTS, REGISTER_EXPORT],
      whole: LUCIDE_WHOLE_EXPORTS,
      chunks: lucideChunks.map((chunk) => ({ from: chunk.from, module: chunk.id })),
    },
  },
  ...lucideChunks.map((chunk) => ({
    id: chunk.id,
    source: chunkSource(chunk),
    requires: ["lucide-react"],
    specifiers: [],
    plugins: [sharedLucideCore],
  })),
  {
    id: "framer-motion",
    source: 'export * from "framer-motion";',
    // motion's own entries re-export framer-motion (the vanilla `motion` entry is a subset of it).
    specifiers: ["framer-motion", "motion", "motion/react", "motion/react-client"],
  },
  {
    id: "lodash",
    source: 'module.exports = require("lodash");',
    specifiers: ["lodash", "lodash-es"],
    prefixes: ["lodash/", "lodash-es/", "lodash."],
  },
  {
    id: "d3",
    source: 'export * from "d3";',
    specifiers: ["d3", ...D3_PARTS.map((part) => `d3-${part}`)],
  },
  { id: "mathjs", source: 'export * from "mathjs";', specifiers: ["mathjs"] },
  { id: "papaparse", source: 'module.exports = require("papaparse");', specifiers: ["papaparse"] },
  // The registry's `xlsx` stopped at 0.18.5 (with known parser flaws); this is SheetJS's current release.
  { id: "xlsx", source: 'export * from "@e965/xlsx";', specifiers: ["xlsx"] },
  {
    id: "date-fns",
    source: 'export * from "date-fns";',
    specifiers: ["date-fns"],
    prefixes: ["date-fns/"],
  },
  { id: "three", source: 'export * from "three";', specifiers: ["three"] },
  {
    id: "three-orbit-controls",
    // A path, not the package's name: "three" itself stays outside this bundle.
    source: 'export * from "./node_modules/three/examples/jsm/controls/OrbitControls.js";',
    requires: ["three"],
    specifiers: [
      "three/examples/jsm/controls/OrbitControls",
      "three/examples/jsm/controls/OrbitControls.js",
      "three/addons/controls/OrbitControls",
      "three/addons/controls/OrbitControls.js",
    ],
  },
  { id: "chart.js", source: 'export * from "chart.js";', specifiers: ["chart.js"] },
  {
    id: "chart.js-auto",
    source:
      'import { Chart, registerables } from "chart.js";\n' +
      "Chart.register(...registerables);\n" +
      'export * from "chart.js";\nexport default Chart;\n',
    requires: ["chart.js"],
    specifiers: ["chart.js/auto"],
  },
  {
    id: "react-chartjs-2",
    source: 'export * from "react-chartjs-2";',
    requires: ["chart.js"],
    specifiers: ["react-chartjs-2"],
  },
  {
    id: "plotly",
    source: 'module.exports = require("plotly.js-dist-min");',
    specifiers: [
      "plotly.js-dist-min",
      "plotly.js",
      "plotly.js-dist",
      "plotly.js-basic-dist-min",
      "plotly.js-basic-dist",
    ],
  },
  {
    id: "react-plotly",
    entry: "src/libraries/react-plotly.tsx",
    requires: ["plotly"],
    specifiers: ["react-plotly.js", "react-plotly.js/factory=createPlotlyComponent"],
  },
  { id: "tone", source: 'export * from "tone";', specifiers: ["tone"] },
  {
    id: "next",
    entry: "src/libraries/next.tsx",
    specifiers: [
      "next/link=link",
      "next/image=image",
      "next/navigation=navigation",
      "next/router=navigation",
    ],
  },
  { id: "ui", entry: "src/libraries/ui.ts", specifiers: uiSpecifiers() },
  ...uiExtraModules,
];
