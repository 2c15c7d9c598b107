/**
 * The panel's state and the pure reducer that changes it: the notebook's components, the selected one's
 * versions, and the generations streaming for the notebook (from this page or any other).
 */
import type { ConnectionState, NotebookMessage } from "./connection";
import {
  TERMINAL_PHASES,
  type Finding,
  type FrameFailure,
  type GenerationEvent,
  type RouteInfo,
  type Usage,
} from "./messages";
import type { ComponentSummary, ComponentsList, ModelsInfo, VersionInfo, VersionsList } from "./rest";

export type Outcome = "done" | "cached" | "cancelled" | "error";

export interface GenerationState {
  /** The server's id, or a local one ("local:N") until the server accepted the request. */
  id: string;
  component: string;
  instruction: string;
  model: string;
  /** "sending" until accepted; then the last phase the server reported. */
  phase: string;
  message: string;
  /** The model's prose, as it streams. */
  explanation: string;
  /** The kind of the code block streaming now. */
  block: "file" | "edit" | null;
  /** The code of a whole-file block as it streams; edit blocks only count characters. */
  code: string;
  editChars: number;
  usage: Usage | null;
  startedAt: number;
  outcome: Outcome | null;
  version: number | null;
  error: string | null;
  /** Why it failed (the error event's code), e.g. "blocked". */
  errorCode: string | null;
  /** The draft that keeps a failed generation's code, and the static findings that blocked it. */
  draft: number | null;
  findings: Finding[];
  /** Which model answered and why ("fix · fix of a failing component: main model"), when the server says. */
  route: string;
}

/** The latest frame error a view reported for a version of a component. */
export interface ReportedError {
  version: number;
  error: FrameFailure;
}

/** What the panel's Fix button would ask for: a blocked draft, or the current version's frame error. */
export type FixOffer =
  | { kind: "draft"; draft: number; findings: Finding[] }
  | { kind: "error"; version: number; error: FrameFailure };

export interface PanelState {
  notebook: string | null;
  connection: ConnectionState;
  components: ComponentSummary[];
  componentsLoaded: boolean;
  selected: string | null;
  versions: VersionInfo[];
  /** The component whose versions are in `versions` (they may lag `selected` while loading). */
  versionsOf: string | null;
  current: number | null;
  models: string[];
  defaultModel: string | null;
  model: string | null;
  /** Generations of this notebook by id, running and recently finished. */
  generations: Record<string, GenerationState>;
  /** The last problem to show (a refused request, a failed save); cleared by the next action. */
  notice: string | null;
  /** Frame errors the notebook's views reported, by component. */
  frameErrors: Record<string, ReportedError>;
}

export type Action =
  | { type: "notebook"; notebook: string | null }
  | { type: "connection"; state: ConnectionState }
  | { type: "components"; notebook: string; list: ComponentsList }
  | { type: "select"; component: string | null }
  | { type: "versions"; notebook: string; list: VersionsList }
  | { type: "models"; info: ModelsInfo }
  | { type: "choose_model"; model: string }
  | { type: "sending"; id: string; component: string; instruction: string; model: string; at: number }
  | { type: "accepted"; id: string; generation: string }
  | { type: "refused"; id: string; message: string }
  | { type: "server"; message: NotebookMessage; at: number }
  | { type: "notice"; message: string | null };

export const initialState: PanelState = {
  notebook: null,
  connection: "closed",
  components: [],
  componentsLoaded: false,
  selected: null,
  versions: [],
  versionsOf: null,
  current: null,
  models: [],
  defaultModel: null,
  model: null,
  generations: {},
  notice: null,
  frameErrors: {},
};

const ACTIVE = new Set(["sending", "queued", "connecting", "streaming", "retrying", "saving"]);

/** Whether a generation is still under way (its Cancel applies). */
export function isActive(generation: GenerationState): boolean {
  return generation.outcome === null && ACTIVE.has(generation.phase);
}

/** The generation a component shows: the running one, else the most recent. */
export function generationOf(state: PanelState, component: string): GenerationState | null {
  let found: GenerationState | null = null;
  for (const generation of Object.values(state.generations)) {
    if (generation.component !== component) continue;
    if (isActive(generation)) return generation;
    if (!found || generation.startedAt >= found.startedAt) found = generation;
  }
  return found;
}

/** The fix the selected component could get: its last generation's blocked draft, else its error. */
export function fixOffer(state: PanelState, component: string): FixOffer | null {
  const generation = generationOf(state, component);
  if (generation && isActive(generation)) return null;
  if (generation?.errorCode === "blocked" && generation.draft !== null && generation.findings.length) {
    return { kind: "draft", draft: generation.draft, findings: generation.findings };
  }
  const reported = state.frameErrors[component];
  const current = state.components.find((c) => c.name === component)?.current ?? null;
  return reported && reported.version === current ? { kind: "error", ...reported } : null;
}

/** A status event's route as one short text; "" when absent or of a shape this page does not know. */
export function routeText(route: RouteInfo | string | undefined): string {
  if (typeof route === "string") return route;
  if (!route || typeof route !== "object") return "";
  const kind = typeof route.kind === "string" ? route.kind : "";
  const reason = typeof route.reason === "string" ? route.reason : "";
  return [kind, reason].filter(Boolean).join(" · ");
}

function newGeneration(id: string, component: string, at: number): GenerationState {
  return {
    id,
    component,
    instruction: "",
    model: "",
    phase: "queued",
    message: "",
    explanation: "",
    block: null,
    code: "",
    editChars: 0,
    usage: null,
    startedAt: at,
    outcome: null,
    version: null,
    error: null,
    errorCode: null,
    draft: null,
    findings: [],
    route: "",
  };
}

function withGeneration(state: PanelState, generation: GenerationState): PanelState {
  return { ...state, generations: { ...state.generations, [generation.id]: generation } };
}

function applyEvent(generation: GenerationState, event: GenerationEvent): GenerationState {
  switch (event.type) {
    case "text_delta":
      return { ...generation, explanation: generation.explanation + event.text };
    case "content_block_start":
      return event.kind === "file"
        ? { ...generation, block: "file", code: "" }
        : { ...generation, block: "edit", editChars: 0 };
    case "content_block_delta":
      return generation.block === "file"
        ? { ...generation, code: generation.code + event.text }
        : { ...generation, editChars: generation.editChars + event.text.length };
    case "content_block_stop":
      return generation;
    case "status": {
      const terminal = TERMINAL_PHASES.has(event.phase);
      return {
        ...generation,
        phase: event.phase,
        message: event.message,
        model: event.model ?? generation.model,
        usage: event.usage ?? generation.usage,
        outcome: terminal ? (event.phase as Outcome) : generation.outcome,
        route: routeText(event.route) || generation.route,
      };
    }
    case "error":
      return {
        ...generation,
        error: event.message,
        errorCode: event.code,
        draft: event.draft ?? null,
        findings: Array.isArray(event.findings) ? event.findings : [],
      };
    case "message_stop":
      return { ...generation, version: event.version, usage: event.usage };
  }
}

function serverMessage(state: PanelState, message: NotebookMessage, at: number): PanelState {
  switch (message.type) {
    case "generation_started": {
      const existing =
        state.generations[message.generation] ?? newGeneration(message.generation, message.component, at);
      return withGeneration(state, {
        ...existing,
        instruction: message.instruction || existing.instruction,
        model: message.model || existing.model,
        phase:
          message.state === "queued" ? "queued" : existing.phase === "queued" ? "connecting" : existing.phase,
      });
    }
    case "event": {
      const event = message.event;
      const existing =
        state.generations[event.generation] ?? newGeneration(event.generation, message.component, at);
      return withGeneration(state, applyEvent(existing, event));
    }
    case "component_updated":
    case "version_saved": {
      const components = state.components.map((c) =>
        c.name === message.component
          ? {
              ...c,
              current: message.version,
              versions: message.type === "version_saved" ? Math.max(c.versions, message.version) : c.versions,
            }
          : c,
      );
      const current = state.versionsOf === message.component ? message.version : state.current;
      return { ...state, components, current };
    }
    case "component_error": {
      const frameErrors = { ...state.frameErrors };
      if (message.error) frameErrors[message.component] = { version: message.version, error: message.error };
      else if (frameErrors[message.component]?.version === message.version)
        delete frameErrors[message.component];
      else return state;
      return { ...state, frameErrors };
    }
    case "synced": {
      // Generations that ended while the page was away: what they did comes from the next reload.
      const active = new Set(message.active.map((a) => a.generation));
      const generations = { ...state.generations };
      for (const [id, generation] of Object.entries(generations)) {
        if (!id.startsWith("local:") && isActive(generation) && !active.has(id)) {
          generations[id] = { ...generation, phase: "done", outcome: "done", message: "Finished." };
        }
      }
      return { ...state, generations };
    }
  }
}

export function reduce(state: PanelState, action: Action): PanelState {
  switch (action.type) {
    case "notebook":
      if (action.notebook === state.notebook) return state;
      return {
        ...initialState,
        connection: state.connection,
        models: state.models,
        defaultModel: state.defaultModel,
        model: state.model,
        notebook: action.notebook,
      };
    case "connection":
      return { ...state, connection: action.state };
    case "components": {
      if (action.notebook !== state.notebook) return state;
      const names = new Set(action.list.components.map((c) => c.name));
      const selected =
        state.selected && names.has(state.selected)
          ? state.selected
          : state.selected && Object.values(state.generations).some((g) => g.component === state.selected)
            ? state.selected
            : (action.list.components[0]?.name ?? null);
      return { ...state, components: action.list.components, componentsLoaded: true, selected };
    }
    case "select":
      return { ...state, selected: action.component, notice: null };
    case "versions":
      if (action.notebook !== state.notebook) return state;
      return {
        ...state,
        versions: action.list.versions,
        versionsOf: action.list.component,
        current: action.list.current,
      };
    case "models":
      return {
        ...state,
        models: action.info.choices,
        defaultModel: action.info.model,
        model: state.model && action.info.choices.includes(state.model) ? state.model : action.info.model,
      };
    case "choose_model":
      return { ...state, model: action.model };
    case "sending":
      return withGeneration(
        { ...state, notice: null },
        {
          ...newGeneration(action.id, action.component, action.at),
          instruction: action.instruction,
          model: action.model,
          phase: "sending",
        },
      );
    case "accepted": {
      const local = state.generations[action.id];
      if (!local) return state;
      const generations = { ...state.generations };
      delete generations[action.id];
      const known = generations[action.generation];
      generations[action.generation] = known
        ? { ...known, instruction: known.instruction || local.instruction, model: known.model || local.model }
        : { ...local, id: action.generation, phase: "queued" };
      return { ...state, generations };
    }
    case "refused": {
      const generations = { ...state.generations };
      delete generations[action.id];
      return { ...state, generations, notice: action.message };
    }
    case "server":
      return serverMessage(state, action.message, action.at);
    case "notice":
      return { ...state, notice: action.message };
  }
}
