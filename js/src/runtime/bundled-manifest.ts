/** The manifest of the library modules this build made, bundled in at build time (see scripts/build.mjs). */
import manifestJson, { modules } from "componentgen:module-manifest";
import type { ModuleManifest } from "./module-manifest";

export const BUNDLED_MANIFEST = manifestJson as ModuleManifest;

/**
 * The module ids alone, for hosts: a named import of the JSON keeps the rest of the manifest (every import
 * name) out of their bundles.
 */
export function isBundledModule(id: unknown): id is string {
  return typeof id === "string" && Object.prototype.hasOwnProperty.call(modules, id);
}
