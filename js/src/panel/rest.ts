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

export interface ModelsInfo {
  model: string;
  edit_model: string | null;
  fallback_models: string[];
  choices: string[];
}

/** The client's side of the REST API; every method rejects with an Error whose message says what to do. */
export interface ComponentsApi {
  models(): Promise<ModelsInfo>;
  components(notebook: string): Promise<ComponentsList>;
  versions(notebook: string, component: string): Promise<VersionsList>;
  saveCode(notebook: string, component: string, code: string, parent: number | null): Promise<VersionInfo>;
  rollback(notebook: string, component: string, version: number): Promise<VersionInfo>;
}

const API = "componentgen/api";

export class RestClient implements ComponentsApi {
  constructor(private readonly settings: ServerConnection.ISettings = ServerConnection.makeSettings()) {}

  models(): Promise<ModelsInfo> {
    return this.call<ModelsInfo>("models");
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
