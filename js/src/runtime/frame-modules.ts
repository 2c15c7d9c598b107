/**
 * The frame's one module loader and registry, wired to the host: `need_modules` goes to the parent, and
 * `load_modules` from the parent (only) feeds the loader.
 */
import { isToFrameMessage, type NeedModulesMessage } from "../schema/frame";
import { BUNDLED_MANIFEST } from "./bundled-manifest";
import { evaluateModule } from "./evaluate";
import { ModuleLoader } from "./module-loader";
import { ModuleRegistry } from "./modules";

export interface FrameModules {
  loader: ModuleLoader;
  registry: ModuleRegistry;
}

let installed: FrameModules | null = null;

/** The frame's module loader, created (and listening to the parent) on first use. */
export function installModuleLoader(): FrameModules {
  if (installed) return installed;
  const parentWindow = window.parent;
  const request = (ids: string[]): void => {
    const message: NeedModulesMessage = { type: "need_modules", modules: ids };
    parentWindow.postMessage(message, "*");
  };
  // Library code runs like component code, without a component's `emit`.
  const evaluate = (id: string, source: string): unknown =>
    evaluateModule(source, registry.require, undefined, `module-${id}`);
  const loader = new ModuleLoader({ manifest: BUNDLED_MANIFEST, request, evaluate });
  const registry = new ModuleRegistry(BUNDLED_MANIFEST, (id) => loader.exportsOf(id));
  window.addEventListener("message", (event: MessageEvent) => {
    if (event.source !== parentWindow || !isToFrameMessage(event.data)) return;
    if (event.data.type === "load_modules") loader.receive(event.data.modules);
  });
  installed = { loader, registry };
  return installed;
}
