/**
 * Turns render and props requests into mounted components: final code is compiled, checked and mounted
 * with every failure reported; streaming (partial) code is repaired first and fails silently.
 */
import type { ComponentType } from "react";
import type { RenderMessage } from "../schema/frame";
import { compileComponent, CompileError } from "./compile";
import type { Emit } from "./emit";
import { evaluateModule } from "./evaluate";
import { disallowedImport, requireModule } from "./modules";
import { repairCandidates } from "./repair";
import type { Reporter } from "./report";
import type { Props, Stage } from "./stage";

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

  constructor(
    private readonly stage: Stage,
    private readonly report: Reporter,
    private readonly emit: Emit,
  ) {}

  private withEmit(): Props {
    return { ...this.props, emit: this.emit };
  }

  render(message: RenderMessage): void {
    this.props = message.props;
    if (message.partial) this.renderPartial(message);
    else this.renderFinal(message);
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
    let exports: Record<string, unknown>;
    try {
      const compiled = compileComponent(message.code);
      const bad = disallowedImport(compiled.imports);
      if (bad) return this.report.codeError(id, "import", bad.message, bad.line);
      exports = evaluateModule(compiled.code, requireModule, this.emit);
    } catch (error) {
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
    this.report.painted({
      id,
      partial: false,
      applied: true,
      compile_ms: compiledAt - started,
      render_ms: performance.now() - compiledAt,
    });
  }

  /**
   * Try repaired versions of streaming code, newest cut first. Candidates that do not compile cost little;
   * at most two are mounted.
   */
  private renderPartial(message: RenderMessage): void {
    const { id } = message;
    const started = performance.now();
    let mounts = 0;
    for (const candidate of repairCandidates(message.code)) {
      if (candidate.code === this.lastPartialCode) break;
      let exports: Record<string, unknown>;
      try {
        const compiled = compileComponent(candidate.code);
        if (disallowedImport(compiled.imports)) break;
        exports = evaluateModule(compiled.code, requireModule, this.emit);
      } catch {
        continue;
      }
      const component = defaultExport(exports);
      if (!component) break;
      const compiledAt = performance.now();
      const result = this.stage.mount(component, this.withEmit(), id, true);
      if (result.ok) {
        this.lastPartialCode = candidate.code;
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
