/**
 * Library modules on demand: the frame asks its host for the modules a render needs (`need_modules`, each id
 * once per frame load), keeps the sources the host answers with (`load_modules`), and evaluates them
 * dependencies first when a render needs them. A render waits for its modules at most `timeoutMs`.
 */
import type { LoadedModule } from "../schema/frame";
import { isKnownModule, moduleClosure, type ModuleManifest } from "./module-manifest";

/** A module that did not arrive in time, or failed to load or to evaluate. */
export class ModuleLoadError extends Error {
  constructor(
    readonly moduleId: string,
    message: string,
  ) {
    super(message);
    this.name = "ModuleLoadError";
  }
}

export interface ModuleLoaderOptions {
  manifest: ModuleManifest;
  /** Ask the host for these module ids. */
  request: (ids: string[]) => void;
  /** Run a module's source and return its exports. */
  evaluate: (id: string, source: string) => unknown;
  /** How long a render waits for its modules, in ms. */
  timeoutMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export const DEFAULT_MODULE_TIMEOUT_MS = 15_000;

export class ModuleLoader {
  private readonly exports = new Map<string, unknown>();
  private readonly sources = new Map<string, string>();
  private readonly failures = new Map<string, string>();
  private readonly requested = new Set<string>();
  private readonly waiters = new Set<() => void>();
  private readonly options: Required<ModuleLoaderOptions>;

  constructor(options: ModuleLoaderOptions) {
    this.options = {
      timeoutMs: DEFAULT_MODULE_TIMEOUT_MS,
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
      ...options,
    };
  }

  /** A loaded module's exports, or undefined. */
  exportsOf(id: string): unknown {
    return this.exports.get(id);
  }

  /** Of `ids` and their dependencies, those whose source has not arrived (dependencies first). */
  missing(ids: readonly string[]): string[] {
    return moduleClosure(this.options.manifest, ids).filter(
      (id) => !this.exports.has(id) && !this.sources.has(id) && !this.failures.has(id),
    );
  }

  /** Ask the host for the modules of `ids` (and their dependencies) not asked for yet. */
  request(ids: readonly string[]): void {
    const fresh = this.missing(ids).filter((id) => !this.requested.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) this.requested.add(id);
    this.options.request(fresh);
  }

  /** The host's answer. Unknown ids and modules already here are ignored. */
  receive(modules: readonly LoadedModule[]): void {
    let changed = false;
    for (const item of modules) {
      const { id } = item;
      if (!isKnownModule(this.options.manifest, id) || this.exports.has(id) || this.sources.has(id)) continue;
      if (this.failures.has(id)) continue;
      if (typeof item.source === "string") this.sources.set(id, item.source);
      else this.failures.set(id, item.error ?? "the host could not load it");
      changed = true;
    }
    if (changed) for (const wake of [...this.waiters]) wake();
  }

  /** Call `callback` once every module of `ids` is here (now, if they are). Returns a canceller. */
  whenAvailable(ids: readonly string[], callback: () => void): () => void {
    if (this.missing(ids).length === 0) {
      callback();
      return () => undefined;
    }
    const check = (): void => {
      if (this.missing(ids).length > 0) return;
      this.waiters.delete(check);
      callback();
    };
    this.waiters.add(check);
    return () => this.waiters.delete(check);
  }

  /**
   * Request the modules of `ids` and wait until they are all here; rejects with a ModuleLoadError naming the
   * first missing module after the timeout.
   */
  wait(ids: readonly string[]): Promise<void> {
    this.request(ids);
    return new Promise((resolve, reject) => {
      let timer: unknown;
      const cancel = this.whenAvailable(ids, () => {
        if (timer !== undefined) this.options.clearTimer(timer);
        resolve();
      });
      if (this.missing(ids).length === 0) return;
      timer = this.options.setTimer(() => {
        cancel();
        const [late] = this.missing(ids);
        const seconds = Math.round(this.options.timeoutMs / 100) / 10;
        reject(new ModuleLoadError(late, `the library "${late}" did not arrive within ${seconds} s`));
      }, this.options.timeoutMs);
    });
  }

  /**
   * Evaluate the modules of `ids` that are not evaluated yet, dependencies first. Throws a ModuleLoadError for
   * a module that is missing, that the host could not load, or whose code failed.
   */
  load(ids: readonly string[]): void {
    for (const id of moduleClosure(this.options.manifest, ids)) {
      if (this.exports.has(id)) continue;
      const failure = this.failures.get(id);
      if (failure !== undefined)
        throw new ModuleLoadError(id, `the library "${id}" failed to load: ${failure}`);
      const source = this.sources.get(id);
      if (source === undefined) throw new ModuleLoadError(id, `the library "${id}" is not loaded`);
      this.sources.delete(id);
      try {
        this.exports.set(id, this.options.evaluate(id, source));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.failures.set(id, message);
        throw new ModuleLoadError(id, `the library "${id}" failed to load: ${message}`);
      }
    }
  }
}
