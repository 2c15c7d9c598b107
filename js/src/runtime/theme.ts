/**
 * The frame's design tokens, the ones shadcn/ui-style components are written against (`bg-background`,
 * `text-muted-foreground`, `border-input`, `ring-ring`, `rounded-lg`, `bg-chart-1`…), as CSS variables for
 * light and `.dark`, registered with the frame's Tailwind (browser build) together with the `animate-in` /
 * `fade-in` / `zoom-in` animation utilities and the class-based `dark:` variant.
 *
 * Components name the tokens in two forms: shadcn/ui's current themes hold whole colours (`var(--primary)`),
 * its older ones bare HSL channels (`hsl(var(--primary))`, in chart configs and arbitrary values). The
 * palette lives in `--cg-<name>`, which the Tailwind utilities use; `--<name>` holds the colour, or its HSL
 * channels while the component on screen writes `hsl(var(--…))` (the `cg-hsl-tokens` class on the root).
 */
import animationCss from "componentgen:tw-animate-css";
import { oklchToHslChannels, readsHslTokens } from "./colour";

const LIGHT = `
  --radius: 0.625rem;
  --background: oklch(1 0 0);
  --foreground: oklch(0.16 0.008 264);
  --card: oklch(1 0 0);
  --card-foreground: oklch(0.16 0.008 264);
  --popover: oklch(1 0 0);
  --popover-foreground: oklch(0.16 0.008 264);
  --primary: oklch(0.22 0.01 264);
  --primary-foreground: oklch(0.985 0.002 264);
  --secondary: oklch(0.966 0.004 264);
  --secondary-foreground: oklch(0.22 0.01 264);
  --muted: oklch(0.966 0.004 264);
  --muted-foreground: oklch(0.54 0.018 264);
  --accent: oklch(0.96 0.005 264);
  --accent-foreground: oklch(0.22 0.01 264);
  --destructive: oklch(0.59 0.22 26);
  --destructive-foreground: oklch(0.985 0.002 264);
  --border: oklch(0.915 0.005 264);
  --input: oklch(0.915 0.005 264);
  --ring: oklch(0.7 0.015 264);
  --chart-1: oklch(0.62 0.19 257);
  --chart-2: oklch(0.68 0.14 163);
  --chart-3: oklch(0.76 0.16 76);
  --chart-4: oklch(0.64 0.21 24);
  --chart-5: oklch(0.6 0.2 302);
  --sidebar: oklch(0.985 0.002 264);
  --sidebar-foreground: oklch(0.16 0.008 264);
  --sidebar-primary: oklch(0.22 0.01 264);
  --sidebar-primary-foreground: oklch(0.985 0.002 264);
  --sidebar-accent: oklch(0.96 0.005 264);
  --sidebar-accent-foreground: oklch(0.22 0.01 264);
  --sidebar-border: oklch(0.915 0.005 264);
  --sidebar-ring: oklch(0.7 0.015 264);
`;

const DARK = `
  --background: oklch(0.165 0.007 264);
  --foreground: oklch(0.975 0.003 264);
  --card: oklch(0.205 0.008 264);
  --card-foreground: oklch(0.975 0.003 264);
  --popover: oklch(0.205 0.008 264);
  --popover-foreground: oklch(0.975 0.003 264);
  --primary: oklch(0.93 0.005 264);
  --primary-foreground: oklch(0.22 0.01 264);
  --secondary: oklch(0.275 0.009 264);
  --secondary-foreground: oklch(0.975 0.003 264);
  --muted: oklch(0.275 0.009 264);
  --muted-foreground: oklch(0.72 0.014 264);
  --accent: oklch(0.29 0.01 264);
  --accent-foreground: oklch(0.975 0.003 264);
  --destructive: oklch(0.69 0.19 23);
  --destructive-foreground: oklch(0.985 0.002 264);
  --border: oklch(1 0 0 / 11%);
  --input: oklch(1 0 0 / 16%);
  --ring: oklch(0.56 0.02 264);
  --chart-1: oklch(0.66 0.19 257);
  --chart-2: oklch(0.72 0.15 163);
  --chart-3: oklch(0.8 0.16 80);
  --chart-4: oklch(0.68 0.2 24);
  --chart-5: oklch(0.66 0.2 302);
  --sidebar: oklch(0.205 0.008 264);
  --sidebar-foreground: oklch(0.975 0.003 264);
  --sidebar-primary: oklch(0.62 0.19 257);
  --sidebar-primary-foreground: oklch(0.985 0.002 264);
  --sidebar-accent: oklch(0.275 0.009 264);
  --sidebar-accent-foreground: oklch(0.975 0.003 264);
  --sidebar-border: oklch(1 0 0 / 11%);
  --sidebar-ring: oklch(0.56 0.02 264);
`;

const COLORS = [
  "background",
  "foreground",
  "card",
  "card-foreground",
  "popover",
  "popover-foreground",
  "primary",
  "primary-foreground",
  "secondary",
  "secondary-foreground",
  "muted",
  "muted-foreground",
  "accent",
  "accent-foreground",
  "destructive",
  "destructive-foreground",
  "border",
  "input",
  "ring",
  "chart-1",
  "chart-2",
  "chart-3",
  "chart-4",
  "chart-5",
  "sidebar",
  "sidebar-foreground",
  "sidebar-primary",
  "sidebar-primary-foreground",
  "sidebar-accent",
  "sidebar-accent-foreground",
  "sidebar-border",
  "sidebar-ring",
];

export const HSL_TOKENS_CLASS = "cg-hsl-tokens";

/** `--name: value;` pairs of a palette block. */
function entries(block: string): [string, string][] {
  return Array.from(block.matchAll(/--([\w-]+):\s*([^;]+);/g), (m): [string, string] => [m[1], m[2].trim()]);
}

/** A palette block as declarations: colours in `--cg-<name>` with `--<name>` pointing at them. */
function paletteDeclarations(block: string): string {
  return entries(block)
    .map(([name, value]) =>
      COLORS.includes(name)
        ? `  --cg-${name}: ${value};\n  --${name}: var(--cg-${name});`
        : `  --${name}: ${value};`,
    )
    .join("\n");
}

/** A palette block's colours as HSL channels, for `hsl(var(--name))`. */
function channelDeclarations(block: string): string {
  return entries(block)
    .filter(([name]) => COLORS.includes(name))
    .map(([name, value]) => `  --${name}: ${oklchToHslChannels(value) ?? value};`)
    .join("\n");
}

/** Give the tokens the form the component on screen reads them in. */
export function applyTokenForm(code: string): void {
  document.documentElement.classList.toggle(HSL_TOKENS_CLASS, readsHslTokens(code));
}

/** The stylesheet for Tailwind: tokens, their theme names, the dark variant, base colours and animations. */
export function themeStylesheet(): string {
  const colors = COLORS.map((name) => `  --color-${name}: var(--cg-${name});`).join("\n");
  return `@custom-variant dark (&:where(.dark, .dark *));
@theme inline {
${colors}
  --radius-sm: calc(var(--radius) - 4px);
  --radius-md: calc(var(--radius) - 2px);
  --radius-lg: var(--radius);
  --radius-xl: calc(var(--radius) + 4px);
}
@theme {
  --animate-caret-blink: caret-blink 1.25s ease-out infinite;
  @keyframes caret-blink {
    0%, 70%, 100% { opacity: 1; }
    20%, 50% { opacity: 0; }
  }
}
:root {
${paletteDeclarations(LIGHT)}
}
.dark {
${paletteDeclarations(DARK)}
}
:root.${HSL_TOKENS_CLASS} {
${channelDeclarations(LIGHT)}
}
.${HSL_TOKENS_CLASS} .dark, .${HSL_TOKENS_CLASS}.dark {
${channelDeclarations(DARK)}
}
/* A component that turns the whole page dark (\`document.documentElement.classList.add("dark")\`) gets a dark
   page: the frame's document is white until then. */
:root.dark, :root.dark body { background-color: var(--cg-background); color: var(--cg-foreground); color-scheme: dark; }
@layer base {
  *, ::before, ::after, ::backdrop { border-color: var(--cg-border); outline-color: color-mix(in oklab, var(--cg-ring) 50%, transparent); }
  body { background-color: var(--cg-background); color: var(--cg-foreground); }
}
${animationCss}
`;
}

/** Register the theme with the frame's Tailwind (its browser build compiles `text/tailwindcss` styles). */
export function installTheme(): void {
  if (document.getElementById("componentgen-theme")) return;
  const style = document.createElement("style");
  style.id = "componentgen-theme";
  style.setAttribute("type", "text/tailwindcss");
  style.textContent = themeStylesheet();
  document.head.appendChild(style);
}
