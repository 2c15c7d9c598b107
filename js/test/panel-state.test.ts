import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { NotebookMessage } from "../src/panel/connection";
import { follow, startFollowing, TERMINAL_PHASES } from "../src/stream/follower";
import {
  generationOf,
  initialState,
  isActive,
  isCancellable,
  reduce,
  type Action,
  type PanelState,
} from "../src/panel/state";
import type { ModelsInfo } from "../src/panel/rest";

const NB = "sales.ipynb";

function run(actions: Action[], state: PanelState = initialState): PanelState {
  return actions.reduce(reduce, state);
}

function server(message: NotebookMessage, at = 1): Action {
  return { type: "server", message, at };
}

function event(generation: string, seq: number, body: Record<string, unknown>): NotebookMessage {
  return {
    type: "event",
    notebook: NB,
    component: "sales",
    event: { generation, seq, ...body } as never,
  };
}

const MODELS: ModelsInfo = {
  model: "a",
  edit_model: null,
  fallback_models: ["b"],
  choices: ["a", "b", "m"],
  models: [
    {
      model: "a",
      roles: ["model"],
      components: [],
      ready: true,
      variables: ["ANTHROPIC_API_KEY"],
      problem: null,
    },
    {
      model: "b",
      roles: ["fallback"],
      components: [],
      ready: false,
      variables: ["OPENAI_API_KEY"],
      problem: "No API key for OpenAI: set OPENAI_API_KEY in the environment of the Jupyter server.",
    },
    { model: "m", roles: [], components: ["sales"], ready: true, variables: [], problem: null },
  ],
  component_models: { sales: "m" },
  any_model: true,
};

const listed: Action = {
  type: "components",
  notebook: NB,
  list: {
    notebook: NB,
    components: [{ name: "sales", current: 1, versions: 1, updated_at: 0, model: "m" }],
    active: [],
  },
};

describe("panel state", () => {
  it("follows a request from sending to accepted to a streamed, saved version", () => {
    const state = run([
      { type: "notebook", notebook: NB },
      listed,
      { type: "sending", id: "local:1", component: "sales", instruction: "make it green", model: "m", at: 5 },
    ]);
    assert.equal(state.selected, "sales");
    assert.equal(generationOf(state, "sales")?.sending, true);

    const streaming = run(
      [
        { type: "accepted", id: "local:1", generation: "g1" },
        server({
          type: "generation_started",
          generation: "g1",
          notebook: NB,
          component: "sales",
          model: "m",
          instruction: "make it green",
          state: "running",
        }),
        server(
          event("g1", 1, {
            type: "status",
            phase: "streaming",
            message: "…",
            usage: { input_tokens: 10, output_tokens: 3 },
          }),
        ),
        server(event("g1", 2, { type: "text_delta", text: "Green bars " })),
        server(
          event("g1", 3, { type: "content_block_start", component: "Sales", kind: "file", position: 0 }),
        ),
        server(event("g1", 4, { type: "content_block_delta", component: "Sales", text: "export " })),
        server(event("g1", 5, { type: "content_block_delta", component: "Sales", text: "default" })),
        server(event("g1", 6, { type: "text_delta", text: "and a total row." })),
      ],
      state,
    );
    const generation = generationOf(streaming, "sales")!;
    assert.equal(generation.id, "g1");
    assert.equal(generation.instruction, "make it green");
    assert.equal(generation.following.code, "export default");
    assert.equal(generation.following.explanation, "Green bars and a total row.");
    assert.deepEqual(generation.following.usage, { input_tokens: 10, output_tokens: 3 });
    assert.ok(isActive(generation));
    assert.equal(Object.keys(streaming.generations).length, 1, "the local entry became the server's");

    const done = run(
      [
        server(
          event("g1", 7, {
            type: "message_stop",
            version: 2,
            usage: { input_tokens: 10, output_tokens: 30 },
            stop_reason: "end_turn",
          }),
        ),
        server(event("g1", 8, { type: "status", phase: "done", message: "Version 2." })),
        server({
          type: "component_updated",
          notebook: NB,
          component: "sales",
          version: 2,
          code: "x",
          reason: "generated",
        }),
      ],
      streaming,
    );
    const finished = generationOf(done, "sales")!;
    assert.equal(finished.following.outcome, "done");
    assert.equal(finished.following.version, 2);
    assert.ok(!isActive(finished));
    assert.equal(done.components[0]?.current, 2);
  });

  it("shows a queued generation, and a refused request as a notice", () => {
    const queued = run([
      { type: "notebook", notebook: NB },
      listed,
      server({
        type: "generation_started",
        generation: "g2",
        notebook: NB,
        component: "sales",
        model: "m",
        instruction: "x",
        state: "queued",
      }),
      server(
        event("g2", 1, {
          type: "status",
          phase: "queued",
          message: "Queued: 1 of your generations are running.",
        }),
      ),
    ]);
    const generation = generationOf(queued, "sales")!;
    assert.equal(generation.following.phase, "queued");
    assert.match(generation.following.message, /Queued/);

    const refused = run(
      [
        { type: "sending", id: "local:9", component: "other", instruction: "y", model: "m", at: 1 },
        { type: "refused", id: "local:9", message: "Wait for one to finish." },
      ],
      queued,
    );
    assert.equal(refused.notice, "Wait for one to finish.");
    assert.equal(generationOf(refused, "other"), null);
  });

  it("marks generations that ended while the page was away as finished", () => {
    const state = run([
      { type: "notebook", notebook: NB },
      server({
        type: "generation_started",
        generation: "g3",
        notebook: NB,
        component: "sales",
        model: "m",
        instruction: "x",
        state: "running",
      }),
      server({ type: "synced", notebook: NB, active: [] }),
    ]);
    assert.ok(!isActive(generationOf(state, "sales")!));
  });

  it("keeps each generation's stream state as the shared follower makes it", () => {
    const events = [
      { type: "status", phase: "connecting", message: "", model: "m", elapsed_ms: 0 },
      { type: "text_delta", text: "Bigger " },
      { type: "content_block_start", component: "Sales", kind: "file", position: 0 },
      { type: "content_block_delta", component: "Sales", text: "export default 1" },
      { type: "content_block_stop", component: "Sales" },
      { type: "status", phase: "saving", message: "Saving." },
      { type: "message_stop", version: 2, usage: { input_tokens: 1, output_tokens: 2 }, stop_reason: "end" },
      { type: "status", phase: "done", message: "Version 2." },
    ].map((body, index) => ({ generation: "g7", seq: index + 1, ...body }) as never);
    let expected = startFollowing("g7", { phase: "connecting", model: "m", now: 3 });
    let state = run([
      { type: "notebook", notebook: NB },
      listed,
      server(
        {
          type: "generation_started",
          generation: "g7",
          notebook: NB,
          component: "sales",
          model: "m",
          instruction: "bigger",
          state: "running",
        },
        3,
      ),
    ]);
    for (const body of events) {
      expected = follow(expected, body, 3);
      state = reduce(state, server({ type: "event", notebook: NB, component: "sales", event: body }, 3));
      const generation = generationOf(state, "sales")!;
      assert.deepEqual(generation.following, expected);
      assert.equal(isActive(generation), !TERMINAL_PHASES.has(expected.phase));
      assert.equal(isCancellable(generation), ["connecting", "streaming"].includes(expected.phase));
    }
    assert.equal(generationOf(state, "sales")?.instruction, "bigger");
  });

  it("ends a cancelled generation, and cannot cancel one the server has not accepted yet", () => {
    const sending = run([
      { type: "notebook", notebook: NB },
      listed,
      { type: "sending", id: "local:3", component: "sales", instruction: "x", model: "m", at: 1 },
    ]);
    const local = generationOf(sending, "sales")!;
    assert.ok(isActive(local) && !isCancellable(local));
    const cancelled = run(
      [
        { type: "accepted", id: "local:3", generation: "g3" },
        server(event("g3", 1, { type: "status", phase: "streaming", message: "" })),
        server(
          event("g3", 2, { type: "status", phase: "cancelled", message: "Version 1 is still current." }),
        ),
      ],
      sending,
    );
    const generation = generationOf(cancelled, "sales")!;
    assert.equal(generation.following.outcome, "cancelled");
    assert.ok(!isActive(generation));
  });

  it("starts over for another notebook, forgetting the models picked for this one's components", () => {
    const state = run([
      { type: "notebook", notebook: NB },
      listed,
      { type: "models", notebook: NB, info: MODELS },
      { type: "choose_model", component: "sales", model: "b" },
      { type: "notebook", notebook: "other.ipynb" },
    ]);
    assert.deepEqual(state.picks, {});
    assert.equal(state.models, null, "the next notebook's models are loaded for it");
    assert.deepEqual(state.components, []);
    assert.equal(state.selected, null);
  });
});
