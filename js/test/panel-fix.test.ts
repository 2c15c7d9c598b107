import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { StreamConnection, type NotebookMessage, type SocketLike } from "../src/panel/connection";
import { isClientMessage, type Finding } from "../src/panel/messages";
import {
  fixOffer,
  generationOf,
  initialState,
  reduce,
  routeText,
  type Action,
  type PanelState,
} from "../src/panel/state";

const NB = "sales.ipynb";
const FINDING: Finding = {
  rule: "banned-api",
  message: "fetch reaches the network",
  line: 9,
  column: 2,
  snippet: 'fetch("https://example.invalid")',
};

function run(actions: Action[], state: PanelState = initialState): PanelState {
  return actions.reduce(reduce, state);
}

function server(message: NotebookMessage): Action {
  return { type: "server", message, at: 1 };
}

function event(seq: number, body: Record<string, unknown>): NotebookMessage {
  return {
    type: "event",
    notebook: NB,
    component: "sales",
    event: { generation: "g1", seq, ...body } as never,
  };
}

const listed: Action = {
  type: "components",
  notebook: NB,
  list: {
    notebook: NB,
    components: [{ name: "sales", current: 2, versions: 2, updated_at: 0, model: "m" }],
    active: [],
  },
};

const blocked: Action[] = [
  { type: "notebook", notebook: NB },
  listed,
  server({
    type: "generation_started",
    generation: "g1",
    notebook: NB,
    component: "sales",
    model: "m",
    instruction: "send it home",
    state: "running",
  }),
  server(
    event(1, {
      type: "status",
      phase: "connecting",
      message: "",
      route: { kind: "edit", reason: "small edit" },
    }),
  ),
  server(
    event(2, {
      type: "error",
      code: "blocked",
      message: "Blocked",
      retryable: false,
      draft: 7,
      findings: [FINDING],
    }),
  ),
  server(event(3, { type: "status", phase: "error", message: "Blocked. Version 2 is still current." })),
];

function componentError(version: number, error: { phase: "runtime"; message: string } | null): Action {
  return server({ type: "component_error", notebook: NB, component: "sales", version, error });
}

describe("panel fixes", () => {
  it("keeps a blocked generation's findings and draft and offers to fix the draft", () => {
    const state = run(blocked);
    const generation = generationOf(state, "sales");
    assert.deepEqual(generation?.following.error?.findings, [FINDING]);
    assert.equal(generation?.following.error?.draft, 7);
    assert.equal(routeText(generation?.following.route), "edit · small edit");
    assert.deepEqual(fixOffer(state, "sales"), { kind: "draft", draft: 7, findings: [FINDING] });

    // Asking again hides the offer until that generation ends.
    const sending = reduce(state, {
      type: "sending",
      id: "local:1",
      component: "sales",
      instruction: "Fix the blocked code",
      model: "m",
      at: 9,
    });
    assert.equal(fixOffer(sending, "sales"), null);
  });

  it("offers to fix a frame error only while it is about the current version", () => {
    const error = { phase: "runtime" as const, message: "boom" };
    const state = run([{ type: "notebook", notebook: NB }, listed, componentError(2, error)]);
    assert.deepEqual(fixOffer(state, "sales"), { kind: "error", version: 2, error });
    assert.equal(
      fixOffer(run([componentError(1, error)], run([{ type: "notebook", notebook: NB }, listed])), "sales"),
      null,
    );
    const moved = reduce(
      state,
      server({
        type: "component_updated",
        notebook: NB,
        component: "sales",
        version: 3,
        code: "x",
        reason: "generated",
      }),
    );
    assert.equal(fixOffer(moved, "sales"), null, "a new version makes the error stale");
    assert.equal(
      fixOffer(reduce(state, componentError(2, null)), "sales"),
      null,
      "it rendered cleanly since",
    );
  });

  it("reads a status event's route defensively", () => {
    assert.equal(
      routeText({ kind: "fix", reason: "fix of a failing component: main model" }),
      "fix of a failing component: main model",
      "a reason that begins with its kind is not preceded by it again",
    );
    assert.equal(
      routeText({ kind: "rewrite", reason: "large change: main model" }),
      "rewrite · large change: main model",
    );
    assert.equal(routeText("new component"), "new component");
    assert.equal(routeText(undefined), "");
    assert.equal(routeText({ kind: 3 } as never), "");
  });

  it("sends a fix request and hands component errors to the notebook's watchers", async () => {
    const sent: Record<string, unknown>[] = [];
    let socket: SocketLike | null = null;
    const connection = new StreamConnection(() => {
      socket = {
        onopen: null,
        onclose: null,
        onmessage: null,
        onerror: null,
        send: (data: string) => sent.push(JSON.parse(data)),
        close: () => undefined,
      };
      return socket;
    });
    const received: NotebookMessage[] = [];
    connection.watch(NB, (message) => received.push(message));
    const open = socket as unknown as SocketLike;
    open.onopen?.({});
    const receive = (message: unknown): void => open.onmessage?.({ data: JSON.stringify(message) });

    const request = connection.request({
      type: "fix",
      notebook: NB,
      component: "sales",
      draft: 7,
      auto: false,
    });
    const fix = sent.at(-1)!;
    const id = fix.id;
    assert.ok(isClientMessage(fix), "the fix message follows the schema");
    receive({ type: "accepted", id, generation: "g2" });
    assert.equal(await request, "g2");

    connection.reportFrame({ notebook: `/${NB}`, component: "sales", version: 2, error: null });
    assert.deepEqual(sent.at(-1), {
      type: "frame_status",
      notebook: NB,
      component: "sales",
      version: 2,
      error: null,
    });
    assert.ok(isClientMessage(sent.at(-1)));

    receive({
      type: "component_error",
      notebook: NB,
      component: "sales",
      version: 2,
      error: { phase: "compile", message: "x" },
    });
    assert.equal(received.at(-1)?.type, "component_error");
    connection.dispose();
  });
});
