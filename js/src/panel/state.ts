/**
 * The panel's state and the pure reducer that changes it: the notebook's components, the selected one's
 * versions, the models it may ask, and the generations streaming for the notebook (from this page or any
 * other). What a generation's events mean is the shared stream follower's business (stream/follower.ts);
 * the panel keeps, next to each follower, only what the stream does not carry: which component, the
 * person's instruction, and whether the server has accepted the request yet.
 */
import { CANCELLABLE_PHASES, follow, isRunning, startFollowing, type Following } from "../stream/follower";
import type { ConnectionState, NotebookMessage } from "./connection";
import type { Finding, FrameFailure, GenerationEvent, RouteInfo } from "./messages";
import type { ComponentSummary, ComponentsList, ModelsInfo, VersionInfo, VersionsList } from "./rest";

export interface GenerationState {
  /** The server's id, or a local one ("local:N") until the server accepted the request. */
  id: string;
  component: string;
  instruction: string;
  /** True until the server accepted the request (or refused it). */
  sending: boolean;
  /** What the stream says: phase, message, model, usage, code, explanation, error, version, outcome. */
  following: Following;
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
  /** What the server offers for this notebook (null until it answered). */
  models: ModelsInfo | null;
  /**
   * Models the person picked, by component. Only these are sent with a request: without one the server
   * uses the component's own model.
   */
  picks: Record<string, string>;
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
  | { type: "models"; notebook: string | null; info: ModelsInfo }
  | { type: "choose_model"; component: string; model: string }
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
  models: null,
  picks: {},
  generations: {},
  notice: null,
  frameErrors: {},
};

/** Whether a listed component has a version (older servers do not send has_version). */
export function hasVersion(summary: ComponentSummary): boolean {
  return summary.has_version ?? summary.current !== null;
}

/** Whether a generation is still under way (sent and not refused, or not ended). */
export function isActive(generation: GenerationState): boolean {
  return generation.sending || isRunning(generation.following);
}

/** Whether Cancel applies: the server runs it (or queued it) and it has not reached its save. */
export function isCancellable(generation: GenerationState): boolean {
  return (
    !generation.sending &&
    isRunning(generation.following) &&
    CANCELLABLE_PHASES.has(generation.following.phase)
  );
}

/** The generation a component shows: the running one, else the most recent. */
export function generationOf(state: PanelState, component: string): GenerationState | null {
  let found: GenerationState | null = null;
  for (const generation of Object.values(state.generations)) {
    if (generation.component !== component) continue;
    if (isActive(generation)) return generation;
    if (!found || generation.following.startedAt >= found.following.startedAt) found = generation;
  }
  return found;
}

/** The fix the selected component could get: its last generation's blocked draft, else its error. */
export function fixOffer(state: PanelState, component: string): FixOffer | null {
  const generation = generationOf(state, component);
  if (generation && isActive(generation)) return null;
  const error = generation?.following.error;
  if (error?.code === "blocked" && error.draft !== null && error.findings.length) {
    return { kind: "draft", draft: error.draft, findings: error.findings };
  }
  const reported = state.frameErrors[component];
  const current = state.components.find((c) => c.name === component)?.current ?? null;
  return reported && reported.version === current ? { kind: "error", ...reported } : null;
}

/** A status event's route as one short text; "" when absent or of a shape this page does not know. */
export function routeText(route: RouteInfo | string | null | undefined): string {
  if (typeof route === "string") return route;
  if (!route || typeof route !== "object") return "";
  const kind = typeof route.kind === "string" ? route.kind : "";
  const reason = typeof route.reason === "string" ? route.reason : "";
  // Reasons often begin with their kind ("edit: the model this component was made with").
  if (kind && reason.startsWith(kind)) return reason;
  return [kind, reason].filter(Boolean).join(" · ");
}

// --- models ---------------------------------------------------------------------------------------------

/** One entry of the model picker. */
export interface ModelChoice {
  model: string;
  /** Whether its key is set in the server's environment; null when the server did not say. */
  ready: boolean | null;
  /** Why it cannot run, in the panel's words (null when it can, or nothing is known). */
  problem: string | null;
  /** The environment variables it reads its key from. */
  variables: string[];
  /** The component's own model: what a request without a pick uses. */
  own: boolean;
  /** The settings that name it ("model", "edit_model", "fallback"). */
  roles: string[];
  /** The notebook's components that use it. */
  components: string[];
}

/** The model a request for `component` uses when the person picks none. */
export function ownModel(state: PanelState, component: string): string | null {
  const info = state.models;
  const kept = info?.component_models?.[component];
  if (kept) return kept;
  const summary = state.components.find((c) => c.name === component);
  if (summary?.model) return summary.model;
  return info?.model ?? null;
}

/** The model the next request for `component` goes to, and whether the person picked it. */
export function modelFor(state: PanelState, component: string): { model: string | null; picked: boolean } {
  const picked = state.picks[component];
  return picked ? { model: picked, picked: true } : { model: ownModel(state, component), picked: false };
}

/** What the picker offers for `component`: the server's choices, the component's own and the pick. */
export function modelChoices(state: PanelState, component: string): ModelChoice[] {
  const info = state.models;
  const own = ownModel(state, component);
  const names = [...(info?.choices ?? []), own, state.picks[component]].filter((m): m is string => !!m);
  const statuses = new Map((info?.models ?? []).map((status) => [status.model, status]));
  return [...new Set(names)].map((model) => {
    const status = statuses.get(model);
    return {
      model,
      ready: status ? status.ready : null,
      problem: status && !status.ready ? status.problem || null : null,
      variables: status?.variables ?? [],
      own: model === own,
      roles: status?.roles ?? [],
      components: status?.components ?? [],
    };
  });
}

/** A short reason a model cannot run, for the picker's list ("needs OPENAI_API_KEY"). */
export function notReadyText(choice: ModelChoice): string {
  if (choice.ready !== false) return "";
  if (choice.variables.length) return `needs ${choice.variables.join(" or ")}`;
  return choice.problem ?? "cannot run here";
}

// --- the reducer ----------------------------------------------------------------------------------------

function newGeneration(
  id: string,
  component: string,
  init: { model?: string; queued?: boolean; at: number },
): GenerationState {
  return {
    id,
    component,
    instruction: "",
    sending: false,
    following: startFollowing(id, {
      phase: init.queued ? "queued" : "connecting",
      model: init.model ?? "",
      now: init.at,
    }),
  };
}

function withGeneration(state: PanelState, generation: GenerationState): PanelState {
  return { ...state, generations: { ...state.generations, [generation.id]: generation } };
}

/** A generation that ended while the page was away: the follower is told it finished. */
function finishedWhileAway(generation: GenerationState, at: number): GenerationState {
  const ended: GenerationEvent = {
    type: "status",
    generation: generation.id,
    seq: generation.following.lastSeq,
    phase: "done",
    message: "Finished while this page was away.",
  };
  return { ...generation, following: follow(generation.following, ended, at) };
}

function serverMessage(state: PanelState, message: NotebookMessage, at: number): PanelState {
  switch (message.type) {
    case "generation_started": {
      const existing = state.generations[message.generation];
      if (!existing) {
        const created = newGeneration(message.generation, message.component, {
          model: message.model,
          queued: message.state === "queued",
          at,
        });
        return withGeneration(state, { ...created, instruction: message.instruction });
      }
      const following = existing.following.model
        ? existing.following
        : { ...existing.following, model: message.model };
      return withGeneration(state, {
        ...existing,
        instruction: message.instruction || existing.instruction,
        following,
      });
    }
    case "event": {
      const event = message.event;
      const existing =
        state.generations[event.generation] ?? newGeneration(event.generation, message.component, { at });
      return withGeneration(state, { ...existing, following: follow(existing.following, event, at) });
    }
    case "component_updated":
    case "version_saved": {
      const components = state.components.map((c) =>
        c.name === message.component
          ? {
              ...c,
              current: message.version,
              versions: message.type === "version_saved" ? Math.max(c.versions, message.version) : c.versions,
              has_version: true,
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
    case "components_changed":
      return state; // the controller reloads the list
    case "synced": {
      // Generations that ended while the page was away: what they did comes from the next reload.
      const active = new Set(message.active.map((a) => a.generation));
      const generations = { ...state.generations };
      for (const [id, generation] of Object.entries(generations)) {
        if (!generation.sending && isActive(generation) && !active.has(id)) {
          generations[id] = finishedWhileAway(generation, at);
        }
      }
      return { ...state, generations };
    }
  }
}

/** Picks that the server now keeps as the component's own model are no longer picks. */
function settledPicks(picks: Record<string, string>, info: ModelsInfo): Record<string, string> {
  const kept = info.component_models ?? {};
  const entries = Object.entries(picks).filter(([component, model]) => kept[component] !== model);
  return entries.length === Object.keys(picks).length ? picks : Object.fromEntries(entries);
}

export function reduce(state: PanelState, action: Action): PanelState {
  switch (action.type) {
    case "notebook":
      if (action.notebook === state.notebook) return state;
      return { ...initialState, connection: state.connection, notebook: action.notebook };
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
            : // Open on a component that has something to show, if there is one.
              (action.list.components.find(hasVersion)?.name ?? action.list.components[0]?.name ?? null);
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
      if (action.notebook !== state.notebook) return state;
      return { ...state, models: action.info, picks: settledPicks(state.picks, action.info) };
    case "choose_model": {
      const picks = { ...state.picks };
      const model = action.model.trim();
      if (!model || model === ownModel(state, action.component)) delete picks[action.component];
      else picks[action.component] = model;
      return { ...state, picks };
    }
    case "sending": {
      const generation = newGeneration(action.id, action.component, {
        model: action.model,
        queued: true,
        at: action.at,
      });
      return withGeneration(
        { ...state, notice: null },
        { ...generation, instruction: action.instruction, sending: true },
      );
    }
    case "accepted": {
      const local = state.generations[action.id];
      if (!local) return state;
      const generations = { ...state.generations };
      delete generations[action.id];
      const known = generations[action.generation];
      generations[action.generation] = known
        ? {
            ...known,
            instruction: known.instruction || local.instruction,
            following: known.following.model
              ? known.following
              : { ...known.following, model: local.following.model },
          }
        : {
            ...newGeneration(action.generation, local.component, {
              model: local.following.model,
              queued: true,
              at: local.following.startedAt,
            }),
            instruction: local.instruction,
          };
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
