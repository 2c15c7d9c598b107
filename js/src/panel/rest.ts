/**
 * The server extension's REST routes (componentgen/api/...), through ServerConnection.makeRequest so
 * every call carries the page's authentication and XSRF token. Bodies follow schema/rest.schema.json
 * (types generated in schema/generated/rest.ts).
 */
import { URLExt } from "@jupyterlab/coreutils";
import { ServerConnection } from "@jupyterlab/services";
import type * as rest from "../schema/generated/rest";
import type { StoredVersion, StoredVersionUsage } from "../schema/generated/version";

/** One stored version (schema/version.schema.json). */
export type VersionInfo = StoredVersion;
export type VersionUsage = StoredVersionUsage;
/** `T` with the fields `K` optional: fields older servers did not send, which the panel reads defensively. */
type WithOptional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export type ComponentSummary = WithOptional<rest.RestComponentSummary, "has_version" | "last_failure">;
/** A failed or cancelled generation newer than every version, as the components list shows it. */
export type FailureInfo = rest.RestFailure;
export type ComponentsList = Omit<rest.RestComponentsReply, "components"> & {
  components: ComponentSummary[];
};
export type VersionsList = rest.RestVersionsReply;
/** Whether a model can run with the keys in the server's environment (no request is made to find out). */
export type ModelStatus = rest.RestModelStatus;
export type ModelsInfo = WithOptional<rest.RestModelsReply, "models" | "component_models" | "any_model">;

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
    return this.call<VersionInfo>(`components/${encodeURIComponent(component)}/versions`, { notebook }, {
      code,
      parent,
    } satisfies rest.RestSaveCodeRequest);
  }

  rollback(notebook: string, component: string, version: number): Promise<VersionInfo> {
    return this.call<VersionInfo>(`components/${encodeURIComponent(component)}/rollback`, { notebook }, {
      version,
    } satisfies rest.RestRollbackRequest);
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
