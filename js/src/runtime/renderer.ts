/**
 * Turns render and props requests into mounted components: final code is compiled, checked, given its
 * library modules and mounted with every failure reported; streaming (partial) code is repaired first and
 * fails silently. A final render waits for the modules it imports; a partial one never waits: it asks for
 * them and renders again when they arrive, if nothing newer came meanwhile. Partials that arrive while a
 * final waits for its modules wait behind it (only the newest is kept): a view that opens during a stream
 * shows the version first, then the stream over it, never the stream alone and then the older version.
 */
import type { ComponentType } from "react";
import type { RenderMessage } from "../schema/frame";
import { compileComponent, CompileError, type CompiledModule, type ImportSite } from "./compile";
import type { Emit } from "./emit";
import { evaluateModule } from "./evaluate";
import { installImageFallback } from "./images";
import { installModuleLoader, type FrameModules } from "./frame-modules";
import { ModuleLoadError } from "./module-loader";
import { missingExports } from "./modules";
import { repairCandidates } from "./repair";
import type { Reporter } from "./report";
import type { Props, Stage } from "./stage";
import { applyTokenForm } from "./theme";
import { DEFAULT_VIEWPORT_HEIGHT, noteRender } from "./viewport";

function defaultExport(exports: Record<string, unknown>): ComponentType<Props> | null {
  const candidate = exports.default;
  if (typeof candidate === "function") return candidate as ComponentType<Props>;
  // memo() and forwardRef() components are objects.
  if (typeof candidate === "object" && candidate !== null && "$$typeof" in candidate) {
    return candidate as unknown as ComponentType<Props>;
  }
  return null;
}

export class Renderer {
  private props: Props = {};
  /** The repaired code on screen, so an unchanged partial is not rendered again. */
  private lastPartialCode: string | null = null;
  /** The newest render request: a partial that waited for modules is dropped when a newer one came. */
  private latest = -1;
  /** The newest final request: a final that waited for modules is dropped when a newer final came. */
  private latestFinal = -1;
  /** The final render waiting for its modules, and the newest partial waiting behind it. */
  private pendingFinal: number | null = null;
  private deferredPartial: RenderMessage | null = null;
  private cancelWait: (() => void) | null = null;
  private viewportHeight = DEFAULT_VIEWPORT_HEIGHT;

  constructor(
    private readonly stage: Stage,
    private readonly report: Reporter,
    private readonly emit: Emit,
    private readonly modules: FrameModules = installModuleLoader(),
  ) {
    stage.explain = (error) => report.describe(error, stage.mounted?.renderId);
    // Images from the network never load here: show a neutral placeholder instead of a broken one.
    installImageFallback();
  }

  private withEmit(): Props {
    return { ...this.props, emit: this.emit };
  }

  render(message: RenderMessage): void {
    this.props = message.props;
    if (message.viewport_height !== undefined) this.viewportHeight = message.viewport_height;
    if (message.partial && this.pendingFinal !== null) {
      if (this.deferredPartial) this.report.notApplied(this.deferredPartial.id);
      this.deferredPartial = message;
      return;
    }
    this.latest = message.id;
    this.cancelWait?.();
    this.cancelWait = null;
    if (message.partial) return this.renderPartial(message);
    this.latestFinal = message.id;
    this.renderFinal(message);
  }

  /** The final `id` stopped waiting (mounted, failed, or replaced): partials held behind it go on. */
  private finalSettled(id: number): void {
    if (this.pendingFinal !== id) return;
    this.pendingFinal = null;
    const next = this.deferredPartial;
    this.deferredPartial = null;
    if (next) this.render(next);
  }

  /** Re-render the mounted component with new props, keeping its state. */
  updateProps(props: Props): void {
    this.props = props;
    try {
      this.stage.update(this.withEmit());
    } catch (error) {
      const mounted = this.stage.mounted;
      if (mounted && !mounted.partial) this.report.runtimeError(error, mounted.renderId);
    }
  }

  private renderFinal(message: RenderMessage): void {
    const { id } = message;
    const started = performance.now();
    let compiled: CompiledModule;
    try {
      compiled = compileComponent(message.code);
    } catch (error) {
      if (error instanceof CompileError)
        return this.report.codeError(id, "compile", error.message, error.line, error.column);
      return this.report.runtimeError(error, id);
    }
    const { registry, loader } = this.modules;
    const bad = registry.unknownImport(compiled.imports);
    if (bad) return this.report.codeError(id, "import", bad.message, bad.line);
    const needed = registry.modulesFor(compiled.imports);
    if (loader.missing(needed).length === 0) return this.mountFinal(message, compiled, needed, started);
    const current = (): boolean => this.latestFinal === id;
    this.pendingFinal = id;
    loader.wait(needed).then(
      () => {
        if (current()) this.mountFinal(message, compiled, needed, started);
        this.finalSettled(id);
      },
      (error: unknown) => {
        this.finalSettled(id);
        if (!current()) return;
        this.reportModuleError(id, compiled.imports, error);
        // Modules that come late still render, unless something newer came first.
        this.cancelWait = loader.whenAvailable(needed, () => {
          this.cancelWait = null;
          if (current()) this.mountFinal(message, compiled, needed, started);
        });
      },
    );
  }

  private mountFinal(
    message: RenderMessage,
    compiled: CompiledModule,
    needed: string[],
    started: number,
  ): void {
    const { id } = message;
    let exports: Record<string, unknown>;
    try {
      this.modules.loader.load(needed);
      this.noteMissingExports(id, compiled.code);
      exports = evaluateModule(compiled.code, this.modules.registry.require, this.emit);
    } catch (error) {
      if (error instanceof ModuleLoadError) return this.reportModuleError(id, compiled.imports, error);
      if (error instanceof CompileError)
        return this.report.codeError(id, "compile", error.message, error.line, error.column);
      return this.report.runtimeError(error, id);
    }
    const component = defaultExport(exports);
    if (!component) {
      return this.report.codeError(
        id,
        "compile",
        "The code has no default export: add `export default function MyComponent(props) { … }`.",
      );
    }
    const compiledAt = performance.now();
    applyTokenForm(message.code);
    const result = this.stage.mount(component, this.withEmit(), id, false);
    if (!result.ok) {
      // Final renders are never rejected as empty, so this is an error.
      const failure =
        result.reason === "error"
          ? result
          : { error: new Error("The component did not render."), info: undefined };
      return this.report.runtimeError(failure.error, id, failure.info);
    }
    this.lastPartialCode = null;
    noteRender(message.code, this.viewportHeight);
    this.report.painted({
      id,
      partial: false,
      applied: true,
      compile_ms: compiledAt - started,
      render_ms: performance.now() - compiledAt,
    });
  }

  /**
   * Named imports the modules lack are undefined, as in a bundler; they are warned about, and named in the
   * component's errors, whose cause they usually are ("Element type is invalid").
   */
  private noteMissingExports(id: number, code: string): void {
    const missing = missingExports(code, this.modules.registry.require);
    for (const { module, name, line } of missing)
      console.warn(`"${module}" has no export named "${name}" (line ${line}): it is undefined.`);
    this.report.noteMissing(id, missing);
  }

  /** An import error naming the import (and its line) whose library could not be had. */
  private reportModuleError(id: number, imports: readonly ImportSite[], error: unknown): void {
    if (!(error instanceof ModuleLoadError)) return this.report.runtimeError(error, id);
    const site = this.modules.registry.siteNeeding(imports, error.moduleId);
    const message = site
      ? `Cannot import "${site.module}" (line ${site.line}): ${error.message}.`
      : `${error.message[0].toUpperCase()}${error.message.slice(1)}.`;
    this.report.codeError(id, "import", message, site?.line);
  }

  /**
   * Try repaired versions of streaming code, newest cut first. Candidates that do not compile cost little;
   * at most two are mounted.
   */
  private renderPartial(message: RenderMessage): void {
    const { id } = message;
    const { registry, loader } = this.modules;
    const started = performance.now();
    let mounts = 0;
    for (const candidate of repairCandidates(message.code)) {
      if (candidate.code === this.lastPartialCode) break;
      let exports: Record<string, unknown>;
      try {
        const compiled = compileComponent(candidate.code);
        if (registry.unknownImport(compiled.imports)) break;
        const needed = registry.modulesFor(compiled.imports);
        if (loader.missing(needed).length > 0) {
          loader.request(needed);
          this.cancelWait = loader.whenAvailable(needed, () => {
            this.cancelWait = null;
            if (this.latest === id) this.renderPartial(message);
          });
          break;
        }
        loader.load(needed);
        exports = evaluateModule(compiled.code, registry.require, this.emit);
      } catch (error) {
        if (error instanceof ModuleLoadError) break;
        continue;
      }
      const component = defaultExport(exports);
      if (!component) break;
      const compiledAt = performance.now();
      applyTokenForm(candidate.code);
      const result = this.stage.mount(component, this.withEmit(), id, true);
      if (result.ok) {
        this.lastPartialCode = candidate.code;
        noteRender(candidate.code, this.viewportHeight);
        return this.report.painted({
          id,
          partial: true,
          applied: true,
          compile_ms: compiledAt - started,
          render_ms: performance.now() - compiledAt,
        });
      }
      // Rendered but empty: earlier cuts hold even less. Failed: one earlier cut may still work.
      if (result.reason === "empty" || ++mounts >= 2) break;
    }
    this.report.notApplied(id);
  }
}
