/** Modules that scripts/build.mjs makes at build time. */
declare module "componentgen:module-manifest" {
  /** static/modules/manifest.json (see module-manifest.ts for its shape). */
  const manifest: unknown;
  export default manifest;
  /** Its `modules` (module id -> file, size, dependencies). */
  export const modules: object;
}

declare module "componentgen:tw-animate-css" {
  /** tw-animate-css's stylesheet (animate-in, fade-in, zoom-in, slide-in-from-… utilities) as text. */
  const css: string;
  export default css;
}
