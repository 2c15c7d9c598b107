import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { NotebookMessage } from "../src/panel/connection";
import {
  generationOf,
  initialState,
  isActive,
  reduce,
  type Action,
  type PanelState,
} from "../src/panel/state";

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
    assert.equal(generationOf(state, "sales")?.phase, "sending");

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
    assert.equal(generation.code, "export default");
    assert.equal(generation.explanation, "Green bars and a total row.");
    assert.deepEqual(generation.usage, { input_tokens: 10, output_tokens: 3 });
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
    assert.equal(finished.outcome, "done");
    assert.equal(finished.version, 2);
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
    assert.equal(generation.phase, "queued");
    assert.match(generation.message, /Queued/);

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

  it("starts over for another notebook but keeps the chosen model", () => {
    const state = run([
      { type: "notebook", notebook: NB },
      { type: "models", info: { model: "a", edit_model: null, fallback_models: ["b"], choices: ["a", "b"] } },
      { type: "choose_model", model: "b" },
      listed,
      { type: "notebook", notebook: "other.ipynb" },
    ]);
    assert.equal(state.model, "b");
    assert.deepEqual(state.components, []);
    assert.equal(state.selected, null);
  });
});
