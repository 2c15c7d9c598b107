/**
 * Where components are mounted, double-buffered: a new component renders synchronously into a fresh root
 * next to the current one; only when it commits without error does it replace the old root, all within
 * one task, so the browser never paints a blank or half-failed frame. Props updates re-render the current
 * root in place, so React state survives them.
 */
import { Component as ReactComponent, type ComponentType, type ErrorInfo, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";

export type Props = Record<string, unknown>;

interface Mounted {
  root: Root;
  container: HTMLElement;
  component: ComponentType<Props>;
  renderId: number;
  partial: boolean;
}

export type MountResult =
  | { ok: true }
  | { ok: false; reason: "empty" }
  | { ok: false; reason: "error"; error: unknown; info?: ErrorInfo };

/** Called for errors after a component was committed (event handlers, state updates, effects). */
export type RuntimeErrorHandler = (
  error: unknown,
  info: ErrorInfo | undefined,
  mounted: { renderId: number; partial: boolean },
) => void;

interface BoundaryProps {
  resetKey: number;
  children: ReactNode;
  /** The message to show for an error (React's minified ones spelled out). */
  explain: (error: unknown) => string;
}

class Boundary extends ReactComponent<BoundaryProps, { error: unknown }> {
  state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error: error ?? new Error("Unknown error") };
  }

  componentDidUpdate(previous: BoundaryProps): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== null)
      this.setState({ error: null });
  }

  render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    const message = this.props.explain(this.state.error);
    return (
      <div
        role="alert"
        style={{
          font: "13px system-ui, sans-serif",
          color: "#b91c1c",
          padding: "8px 10px",
          border: "1px solid #fca5a5",
          borderRadius: 6,
          background: "#fef2f2",
        }}
      >
        The component crashed: {message}
      </div>
    );
  }
}

/**
 * Whether a partial render shows anything worth replacing the previous frame with: text or media.
 */
function worthShowing(container: HTMLElement): boolean {
  // Even on an empty frame: a box with nothing in it yet is not a preview of anything.
  return (
    (container.textContent ?? "").trim() !== "" ||
    container.querySelector("svg,img,canvas,input,button,select,textarea") !== null
  );
}

const plainMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class Stage {
  /** How a crashed component's message reads on screen; the renderer makes it clearer. */
  explain: (error: unknown) => string = plainMessage;
  private current: Mounted | null = null;
  private attempt: Root | null = null;
  private attemptError: { error: unknown; info?: ErrorInfo } | null = null;
  private updates = 0;

  constructor(
    private readonly host: HTMLElement,
    private readonly onRuntimeError: RuntimeErrorHandler,
  ) {}

  /** The render currently on screen, if any. */
  get mounted(): { renderId: number; partial: boolean; component: ComponentType<Props> } | null {
    return this.current;
  }

  private element(component: ComponentType<Props>, props: Props): ReactNode {
    const Component = component;
    return (
      <Boundary resetKey={++this.updates} explain={(error) => this.explain(error)}>
        <Component {...props} />
      </Boundary>
    );
  }

  private createRoot(container: HTMLElement): Root {
    const root: Root = createRoot(container, {
      onCaughtError: (error, info) => this.rootError(root, error, info),
      onUncaughtError: (error, info) => this.rootError(root, error, info),
      onRecoverableError: () => undefined,
    });
    return root;
  }

  private rootError(root: Root, error: unknown, info: ErrorInfo): void {
    if (root === this.attempt) {
      this.attemptError ??= { error, info };
    } else if (this.current && root === this.current.root) {
      this.onRuntimeError(error, info, this.current);
    }
  }

  /**
   * Render `component` in a fresh root and swap it in if it commits cleanly. A partial render that shows
   * nothing is reverted too. Either way the previous frame stays until the swap.
   */
  mount(component: ComponentType<Props>, props: Props, renderId: number, partial: boolean): MountResult {
    const container = document.createElement("div");
    container.className = "cg-frame";
    this.host.appendChild(container);
    const root = this.createRoot(container);
    this.attempt = root;
    this.attemptError = null;
    let thrown: { error: unknown } | null = null;
    try {
      flushSync(() => root.render(this.element(component, props)));
    } catch (error) {
      thrown = { error };
    } finally {
      this.attempt = null;
    }
    // Set by the root's error callbacks during flushSync, which the compiler cannot see.
    const caught = this.attemptError as { error: unknown; info?: ErrorInfo } | null;
    const failure = thrown ?? caught;
    if (failure || (partial && !worthShowing(container))) {
      root.unmount();
      container.remove();
      return failure
        ? { ok: false, reason: "error", error: failure.error, info: caught?.info }
        : { ok: false, reason: "empty" };
    }
    const previous = this.current;
    this.current = { root, container, component, renderId, partial };
    if (previous) {
      previous.root.unmount();
      previous.container.remove();
    }
    return { ok: true };
  }

  /** Re-render the mounted component with new props, keeping its state. */
  update(props: Props): void {
    const current = this.current;
    if (!current) return;
    flushSync(() => current.root.render(this.element(current.component, props)));
  }

  dispose(): void {
    this.current?.root.unmount();
    this.current?.container.remove();
    this.current = null;
  }
}
