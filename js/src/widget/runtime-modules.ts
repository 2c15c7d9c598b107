/**
 * The library modules of one runtime model, for its views' previews. The kernel keeps each module the
 * notebook's components import in a model of its own (RuntimeModule), listed in the runtime model's
 * `modules`: a saved notebook holds each library once and still renders offline. A preview that needs a
 * module the kernel has not sent yet (a streamed import, a version made by the server) asks for it.
 */
import type { AnyModel } from "@anywidget/types";

export interface RuntimeModulesState {
  /** Module id -> "IPY_MODEL_<id>" of its RuntimeModule. */
  modules?: Record<string, string>;
  [key: string]: unknown;
}

interface ModuleState {
  module_id: string;
  source: string;
  [key: string]: unknown;
}

// The kernel may be busy running a cell, which holds requests until it ends.
const WAIT_MS = 60_000;
const REFERENCE = /^IPY_MODEL_/;

export class RuntimeModules {
  private readonly loading = new Map<string, Promise<string>>();

  constructor(private readonly runtime: AnyModel<RuntimeModulesState>) {}

  /** The source of module `id`: from the kernel's models, asking the kernel for it when it is missing. */
  load(id: string): Promise<string> {
    let loading = this.loading.get(id);
    if (!loading) {
      loading = this.fetch(id);
      loading.catch(() => this.loading.delete(id));
      this.loading.set(id, loading);
    }
    return loading;
  }

  private async fetch(id: string): Promise<string> {
    const reference = await this.reference(id);
    const model = await this.runtime.widget_manager.get_model<ModuleState>(reference.replace(REFERENCE, ""));
    const source = model.get("source");
    if (typeof source !== "string" || !source) throw new Error(`the module "${id}" arrived empty`);
    return source;
  }

  private reference(id: string): Promise<string> {
    const known = this.runtime.get("modules")?.[id];
    if (typeof known === "string") return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const reference = this.runtime.get("modules")?.[id];
        if (typeof reference !== "string") return;
        stop();
        resolve(reference);
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`the kernel did not send the module "${id}": is it running?`));
      }, WAIT_MS);
      const stop = (): void => {
        clearTimeout(timer);
        this.runtime.off("change:modules", check);
      };
      this.runtime.on("change:modules", check);
      this.runtime.send({ type: "need_modules", modules: [id] });
    });
  }
}

const shared = new WeakMap<object, RuntimeModules>();

/** The one RuntimeModules of a runtime model (every view of the notebook shares its requests). */
export function runtimeModules(runtime: AnyModel<RuntimeModulesState>): RuntimeModules {
  let modules = shared.get(runtime);
  if (!modules) {
    modules = new RuntimeModules(runtime);
    shared.set(runtime, modules);
  }
  return modules;
}
