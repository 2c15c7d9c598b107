/**
 * The panel's state holder and actions: follows one notebook over the stream connection, loads its
 * components and versions over REST, and sends chat requests, cancels, rollbacks and hand edits.
 */
import type { NotebookMessage, StreamConnection } from "./connection";
import { endsGeneration, notebookKey } from "./messages";
import type { ComponentsApi } from "./rest";
import {
  fixOffer,
  generationOf,
  hasVersion,
  initialState,
  isActive,
  isCancellable,
  modelFor,
  reduce,
  type Action,
  type PanelState,
} from "./state";

/** Many changes in a burst (a generation's end, a kernel's new version) make one reload. */
const RELOAD_DELAY_MS = 150;

type Connection = Pick<
  StreamConnection,
  "watch" | "request" | "cancel" | "onStateChange" | "onError" | "state"
>;

let nextLocal = 1;

export class PanelController {
  private state: PanelState = initialState;
  private readonly listeners = new Set<() => void>();
  private unwatch: (() => void) | null = null;
  private reloadTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly api: ComponentsApi,
  ) {
    this.dispatch({ type: "connection", state: connection.state });
    this.cleanups.push(
      connection.onStateChange((state) => this.dispatch({ type: "connection", state })),
      connection.onError((error) => this.dispatch({ type: "notice", message: error.message })),
    );
  }

  // --- the store (for React's useSyncExternalStore) ------------------------------------------------------

  readonly getState = (): PanelState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private dispatch(action: Action): void {
    const next = reduce(this.state, action);
    if (next === this.state) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }

  // --- which notebook -------------------------------------------------------------------------------------

  /** Show the components of the notebook at `path` (null: no notebook is open). */
  setNotebook(path: string | null): void {
    const notebook = path ? notebookKey(path) : null;
    if (notebook === this.state.notebook) return;
    this.unwatch?.();
    this.unwatch = null;
    this.dispatch({ type: "notebook", notebook });
    if (!notebook) return;
    this.unwatch = this.connection.watch(notebook, (message) => this.onServerMessage(notebook, message));
    void this.reloadComponents();
    void this.loadModels();
  }

  /** Reload what the panel shows (it was hidden while things changed, e.g. a kernel's failed generation). */
  refresh(): void {
    if (this.state.notebook) this.scheduleReload();
  }

  /** A notebook's history changed outside the server (a kernel made a version): reload what is shown. */
  historyChanged(path: string): void {
    if (notebookKey(path) === this.state.notebook) this.scheduleReload();
  }

  private onServerMessage(notebook: string, message: NotebookMessage): void {
    if (notebook !== this.state.notebook) return;
    this.dispatch({ type: "server", message, at: Date.now() });
    const known = (name: string): boolean => this.state.components.some((c) => c.name === name);
    switch (message.type) {
      case "component_updated":
      case "version_saved":
      case "components_changed":
      case "synced":
        // Also versions saved by other processes (a kernel's cells, the Python API, the command line):
        // a name the list does not have yet appears, and each component's model is read again.
        this.scheduleReload();
        break;
      case "generation_started":
        if (!known(message.component)) this.scheduleReload();
        break;
      case "event":
        // A generation that ended without a version changes what the list says (why there is none).
        if (endsGeneration(message.event)) this.scheduleReload();
        break;
    }
  }

  private scheduleReload(): void {
    if (this.reloadTimer !== null) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = null;
      void this.reloadComponents();
      void this.loadModels();
    }, RELOAD_DELAY_MS);
  }

  private async reloadComponents(): Promise<void> {
    const notebook = this.state.notebook;
    if (!notebook) return;
    try {
      const list = await this.api.components(notebook);
      this.dispatch({ type: "components", notebook, list });
    } catch (error) {
      this.notice(error);
      return;
    }
    const selected = this.state.selected;
    if (selected) await this.loadVersions(selected);
  }

  /** Load a component's versions; one with no version yet has none to load. */
  private async loadVersions(component: string): Promise<void> {
    const notebook = this.state.notebook;
    const summary = this.state.components.find((c) => c.name === component);
    if (!notebook || !summary || !hasVersion(summary)) return;
    try {
      const list = await this.api.versions(notebook, component);
      this.dispatch({ type: "versions", notebook, list });
    } catch (error) {
      this.notice(error);
    }
  }

  private async loadModels(): Promise<void> {
    const notebook = this.state.notebook;
    try {
      this.dispatch({ type: "models", notebook, info: await this.api.models(notebook ?? undefined) });
    } catch (error) {
      this.notice(error);
    }
  }

  // --- actions --------------------------------------------------------------------------------------------

  select(component: string): void {
    this.dispatch({ type: "select", component });
    void this.loadVersions(component);
  }

  /** The model for the selected component's next requests (its own model clears the pick). */
  chooseModel(model: string): void {
    const component = this.state.selected;
    if (component) this.dispatch({ type: "choose_model", component, model });
  }

  /** Ask the model to change the selected component (or make it, when it has no version yet). */
  async send(instruction: string): Promise<void> {
    const { notebook, selected: component } = this.state;
    const text = instruction.trim();
    if (!notebook || !component || !text) return;
    const running = generationOf(this.state, component);
    if (running && isActive(running)) {
      this.dispatch({
        type: "notice",
        message: `${component} is still generating: cancel it or wait for it.`,
      });
      return;
    }
    const id = `local:${nextLocal++}`;
    // Only a model the person picked is sent: without one the server keeps the component's own.
    const { model, picked } = modelFor(this.state, component);
    this.dispatch({ type: "sending", id, component, instruction: text, model: model ?? "", at: Date.now() });
    const summary = this.state.components.find((c) => c.name === component);
    const exists = summary !== undefined && hasVersion(summary);
    try {
      const generation = await this.connection.request({
        type: exists ? "edit" : "generate",
        notebook,
        component,
        instruction: text,
        ...(picked && model ? { model } : {}),
      });
      this.dispatch({ type: "accepted", id, generation });
    } catch (error) {
      this.dispatch({ type: "refused", id, message: messageOf(error) });
    }
  }

  /** Ask the model once to fix the selected component: its blocked draft, or its current version's error. */
  async fix(): Promise<void> {
    const { notebook, selected: component } = this.state;
    const offer = component ? fixOffer(this.state, component) : null;
    if (!notebook || !component || !offer) return;
    const { model, picked } = modelFor(this.state, component);
    const id = `local:${nextLocal++}`;
    const instruction =
      offer.kind === "draft"
        ? "Fix the blocked code"
        : `Fix the ${offer.error.phase} error: ${offer.error.message.split("\n")[0]}`;
    this.dispatch({ type: "sending", id, component, instruction, model: model ?? "", at: Date.now() });
    try {
      const generation = await this.connection.request({
        type: "fix",
        notebook,
        component,
        auto: false,
        ...(offer.kind === "draft"
          ? { draft: offer.draft }
          : { error: { ...offer.error, version: offer.version } }),
        ...(picked && model ? { model } : {}),
      });
      this.dispatch({ type: "accepted", id, generation });
    } catch (error) {
      this.dispatch({ type: "refused", id, message: messageOf(error) });
    }
  }

  /** Cancel the selected component's running generation; its current version stays. */
  cancel(): void {
    const component = this.state.selected;
    const generation = component ? generationOf(this.state, component) : null;
    if (!generation || !isCancellable(generation)) return;
    this.connection.cancel(generation.id);
  }

  async rollback(version: number): Promise<void> {
    const { notebook, selected } = this.state;
    if (!notebook || !selected) return;
    try {
      await this.api.rollback(notebook, selected, version);
      this.dispatch({ type: "notice", message: null });
      await this.loadVersions(selected);
    } catch (error) {
      this.notice(error);
    }
  }

  /** Save code edited by hand as a new version by the person; returns whether it was saved. */
  async saveCode(code: string, parent: number | null): Promise<boolean> {
    const { notebook, selected } = this.state;
    if (!notebook || !selected) return false;
    try {
      await this.api.saveCode(notebook, selected, code, parent);
      this.dispatch({ type: "notice", message: null });
      await this.loadVersions(selected);
      return true;
    } catch (error) {
      this.notice(error);
      return false;
    }
  }

  dismissNotice(): void {
    this.dispatch({ type: "notice", message: null });
  }

  private notice(error: unknown): void {
    this.dispatch({ type: "notice", message: messageOf(error) });
  }

  dispose(): void {
    this.unwatch?.();
    this.unwatch = null;
    if (this.reloadTimer !== null) clearTimeout(this.reloadTimer);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.listeners.clear();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
