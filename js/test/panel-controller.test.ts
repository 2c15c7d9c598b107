import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ComponentsList } from "../src/panel/components-list";
import type { ConnectionState, GenerationRequest, NotebookListener } from "../src/panel/connection";
import { PanelController } from "../src/panel/controller";
import { Conversation } from "../src/panel/conversation";
import type {
  ComponentSummary,
  ComponentsApi,
  ComponentsList as ListPayload,
  ModelsInfo,
  VersionsList,
} from "../src/panel/rest";
import { generationOf, initialState, reduce, type Action, type PanelState } from "../src/panel/state";

const NB = "report.ipynb";
const OWN = "openai/gpt-4.1-mini";
const DEFAULT = "anthropic/claude-sonnet-5-5";

const KPI: ComponentSummary = {
  name: "kpi",
  current: 1,
  versions: 1,
  updated_at: 0,
  model: OWN,
  has_version: true,
  last_failure: null,
};
const BROKEN: ComponentSummary = {
  name: "broken",
  current: null,
  versions: 0,
  updated_at: 0,
  model: null,
  has_version: false,
  last_failure: {
    code: "cancelled",
    message: "Cancelled before the model finished; nothing was saved.",
    at: 0,
  },
};

class FakeConnection {
  state: ConnectionState = "open";
  requests: GenerationRequest[] = [];
  listeners: NotebookListener[] = [];
  watch(_notebook: string, listener: NotebookListener): () => void {
    this.listeners.push(listener);
    return () => undefined;
  }
  request(message: GenerationRequest): Promise<string> {
    this.requests.push(message);
    return Promise.resolve(`g${this.requests.length}`);
  }
  cancel(): void {}
  onStateChange(): () => void {
    return () => undefined;
  }
  onError(): () => void {
    return () => undefined;
  }
}

class FakeApi implements ComponentsApi {
  listed: ComponentSummary[] = [KPI, BROKEN];
  calls: string[] = [];
  models(notebook?: string): Promise<ModelsInfo> {
    this.calls.push(`models ${notebook ?? ""}`);
    return Promise.resolve({
      model: DEFAULT,
      edit_model: null,
      fallback_models: [],
      choices: [DEFAULT, OWN],
      component_models: { kpi: OWN },
      any_model: true,
    });
  }
  components(notebook: string): Promise<ListPayload> {
    this.calls.push(`components ${notebook}`);
    return Promise.resolve({ notebook, components: this.listed, active: [] });
  }
  versions(_notebook: string, component: string): Promise<VersionsList> {
    this.calls.push(`versions ${component}`);
    if (!this.listed.some((c) => c.name === component && c.has_version !== false)) {
      return Promise.reject(new Error(`No component named '${component}'`));
    }
    return Promise.resolve({ component, current: 1, versions: [] });
  }
  saveCode(): never {
    throw new Error("not used");
  }
  rollback(): never {
    throw new Error("not used");
  }
}

const settle = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function opened(): Promise<{ controller: PanelController; connection: FakeConnection; api: FakeApi }> {
  const connection = new FakeConnection();
  const api = new FakeApi();
  const controller = new PanelController(connection, api);
  controller.setNotebook(NB);
  await settle(10);
  return { controller, connection, api };
}

describe("the panel controller", () => {
  it("asks for this notebook's models and sends a model only when the person picked one", async () => {
    const { controller, connection, api } = await opened();
    assert.ok(api.calls.includes(`models ${NB}`), api.calls.join(", "));
    controller.select("kpi");
    await controller.send("make it green");
    assert.deepEqual(connection.requests.at(-1), {
      type: "edit",
      notebook: NB,
      component: "kpi",
      instruction: "make it green",
    });
    const sent = Object.values(controller.getState().generations).at(-1);
    assert.equal(sent?.following.model, OWN, "the panel shows the component's own model answering");

    // The earlier generation must end before the next request.
    for (const listener of connection.listeners) {
      listener({
        type: "event",
        notebook: NB,
        component: "kpi",
        event: { type: "status", generation: "g1", seq: 1, phase: "done", message: "Version 2." },
      });
    }
    controller.chooseModel(DEFAULT);
    await controller.send("and bigger");
    assert.equal(connection.requests.at(-1)?.type, "edit");
    assert.equal((connection.requests.at(-1) as { model?: string }).model, DEFAULT);
    controller.dispose();
  });

  it("asks a component with no version to be generated, and does not ask for its versions", async () => {
    const { controller, connection, api } = await opened();
    controller.select("broken");
    await settle(10);
    assert.ok(!api.calls.includes("versions broken"), api.calls.join(", "));
    assert.equal(controller.getState().notice, null, "no 'not found' notice");
    await controller.send("a KPI card");
    assert.equal(connection.requests.at(-1)?.type, "generate");
    controller.dispose();
  });

  it("reloads the list when the server announces a version of a component it does not have", async () => {
    const { controller, connection, api } = await opened();
    api.listed = [...api.listed, { ...KPI, name: "hello", model: null }];
    for (const listener of connection.listeners) {
      listener({ type: "version_saved", notebook: NB, component: "hello", version: 1, generation: null });
    }
    await settle(250);
    assert.ok(
      controller.getState().components.some((c) => c.name === "hello"),
      "the component made elsewhere is listed",
    );
    controller.dispose();
  });

  it("reloads the list when the server says a component was made elsewhere with no version", async () => {
    const { controller, connection, api } = await opened();
    api.listed = [...api.listed, { ...KPI, name: "draft_only", current: null, model: null }];
    for (const listener of connection.listeners) listener({ type: "components_changed", notebook: NB });
    await settle(250);
    assert.ok(controller.getState().components.some((c) => c.name === "draft_only"));
    controller.dispose();
  });
});

describe("the panel's list and conversation (rendered)", () => {
  it("says a component with no version has none, and why, never 'written by hand'", () => {
    const html = renderToStaticMarkup(
      createElement(ComponentsList, {
        components: [KPI, BROKEN, { ...KPI, name: "hand", model: null }],
        selected: "broken",
        running: {},
        onSelect: () => undefined,
      }),
    );
    assert.ok(html.includes("no version yet — cancelled"), html);
    const rows = html.split("<li").slice(1);
    const row = (name: string): string => rows.find((r) => r.includes(`data-name="${name}"`)) ?? "";
    assert.ok(!row("broken").includes("written by hand"));
    assert.ok(row("hand").includes("written by hand"), "only the component whose code a person wrote");
    assert.ok(html.includes('data-has-version="false"'));
  });

  it("shows a failed panel edit's reason once, with a way to pick another model when a key is missing", () => {
    const message =
      "No API key for Anthropic: set ANTHROPIC_API_KEY in the environment of the Jupyter server and " +
      "restart it, or pick another model in the panel's model list.";
    const actions: Action[] = [
      { type: "notebook", notebook: NB },
      { type: "sending", id: "local:1", component: "kpi", instruction: "red", model: DEFAULT, at: 1 },
      { type: "accepted", id: "local:1", generation: "g1" },
      ...[
        { type: "error", code: "no_api_key", message, retryable: false },
        { type: "status", phase: "error", message: `${message} Version 1 is still current.` },
      ].map(
        (body, index): Action => ({
          type: "server",
          at: 2,
          message: {
            type: "event",
            notebook: NB,
            component: "kpi",
            event: { generation: "g1", seq: index + 1, ...body } as never,
          },
        }),
      ),
    ];
    const state: PanelState = actions.reduce(reduce, initialState);
    const html = renderToStaticMarkup(
      createElement(Conversation, {
        versions: [],
        generation: generationOf(state, "kpi"),
        onChooseModel: () => undefined,
      }),
    );
    assert.equal(html.split("No API key for Anthropic").length - 1, 1, "said once");
    assert.ok(html.includes("Version 1 is still current."));
    assert.ok(html.includes('data-testid="cg-panel-choose-model"'));
    assert.ok(!html.includes("--model"));
  });
});
