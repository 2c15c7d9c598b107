/**
 * The server extension's REST routes (componentgen/api/...), through ServerConnection.makeRequest so
 * every call carries the page's authentication and XSRF token.
 */
import { URLExt } from "@jupyterlab/coreutils";
import { ServerConnection } from "@jupyterlab/services";

export interface VersionUsage {
  input_tokens: number;
  output_tokens: number;
  cached_tokens: number;
  cost: number | null;
}

/** One stored version (schema/version.schema.json). */
export interface VersionInfo {
  component: string;
  number: number;
  code: string;
  prompt: string;
  parent: number | null;
  model: string | null;
  author: "llm" | "user";
  status: "ok";
  usage: VersionUsage;
  latency_ms: number | null;
  created_at: string;
  explanation?: string;
  current?: boolean;
}

export interface ComponentSummary {
  name: string;
  current: number | null;
  versions: number;
  /** Seconds since the epoch. */
  updated_at: number;
  model: string | null;
  /** False while the component has no version (its first generation failed or was cancelled). */
  has_version?: boolean;
  /** The latest failed or cancelled generation, when it is newer than every version. */
  last_failure?: FailureInfo | null;
}

export interface FailureInfo {
  /** The error's code: "cancelled", "no_api_key", "blocked", … */
  code: string;
  message: string;
  /** Seconds since the epoch. */
  at: number;
}

export interface ComponentsList {
  notebook: string;
  components: ComponentSummary[];
  active: { generation: string; component: string; state: "queued" | "running"; last_seq: number }[];
}

export interface VersionsList {
  component: string;
  current: number;
  versions: VersionInfo[];
}

/** Whether a model can run with the keys in the server's environment (no request is made to find out). */
export interface ModelStatus {
  model: string;
  /** The settings that name it: "model", "edit_model", "fallback". */
  roles: string[];
  /** The notebook's components that use it. */
  components: string[];
  ready: boolean;
  /** The environment variables its key is read from. */
  variables: string[];
  /** Why it cannot run, worded for the panel; null when it can. */
  problem: string | null;
}

export interface ModelsInfo {
  model: string;
  edit_model: string | null;
  fallback_models: string[];
  /** The configured models first, then those the notebook's components use. */
  choices: string[];
  models?: ModelStatus[];
  /** The model an edit or fix of each component uses when the request names none. */
  component_models?: Record<string, string>;
  /** Whether the server accepts any litellm model string (else only `choices`). */
  any_model?: boolean;
}

/** The client's side of the REST API; every method rejects with an Error whose message says what to do. */
export interface ComponentsApi {
  /** The models to offer; with `notebook`, also those its components use, and which each one uses. */
  models(notebook?: string): Promise<ModelsInfo>;
  components(notebook: string): Promise<ComponentsList>;
  versions(notebook: string, component: string): Promise<VersionsList>;
  saveCode(notebook: string, component: string, code: string, parent: number | null): Promise<VersionInfo>;
  rollback(notebook: string, component: string, version: number): Promise<VersionInfo>;
}

const API = "componentgen/api";

export class RestClient implements ComponentsApi {
  constructor(private readonly settings: ServerConnection.ISettings = ServerConnection.makeSettings()) {}

  models(notebook?: string): Promise<ModelsInfo> {
    return this.call<ModelsInfo>("models", notebook ? { notebook } : {});
  }

  components(notebook: string): Promise<ComponentsList> {
    return this.call<ComponentsList>("components", { notebook });
  }

  versions(notebook: string, component: string): Promise<VersionsList> {
    return this.call<VersionsList>(`components/${encodeURIComponent(component)}/versions`, { notebook });
  }

  saveCode(notebook: string, component: string, code: string, parent: number | null): Promise<VersionInfo> {
    return this.call<VersionInfo>(
      `components/${encodeURIComponent(component)}/versions`,
      { notebook },
      { code, parent },
    );
  }

  rollback(notebook: string, component: string, version: number): Promise<VersionInfo> {
    return this.call<VersionInfo>(
      `components/${encodeURIComponent(component)}/rollback`,
      { notebook },
      { version },
    );
  }

  private async call<T>(path: string, query: Record<string, string> = {}, body?: unknown): Promise<T> {
    const url = URLExt.join(this.settings.baseUrl, API, path) + URLExt.objectToQueryString(query);
    const init: RequestInit =
      body === undefined
        ? { method: "GET" }
        : { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } };
    let response: Response;
    try {
      response = await ServerConnection.makeRequest(url, init, this.settings);
    } catch (error) {
      throw new Error(`The server could not be reached (${String(error)}); check that it is running.`);
    }
    const text = await response.text();
    let payload: unknown = null;
    try {
      payload = text ? JSON.parse(text) : null;
    } catch {
      payload = null;
    }
    if (!response.ok) throw new Error(errorMessage(response.status, payload));
    return payload as T;
  }
}

/** jupyter-server answers errors as {"message": ..., "reason": ...}. */
function errorMessage(status: number, payload: unknown): string {
  const record = typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>) : {};
  const message = typeof record.message === "string" && record.message ? record.message : null;
  if (message) return message;
  if (status === 404)
    return "The componentgen server extension did not answer; is jupyter-componentgen installed on the server?";
  if (status === 403) return "The server refused this action: you may not have access to components.";
  return `The server answered ${status}; see its log for details.`;
}
