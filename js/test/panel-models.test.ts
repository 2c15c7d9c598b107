import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ModelPicker } from "../src/panel/model-picker";
import type { ModelsInfo } from "../src/panel/rest";
import {
  initialState,
  modelChoices,
  modelFor,
  notReadyText,
  reduce,
  type Action,
  type PanelState,
} from "../src/panel/state";

const NB = "sales.ipynb";
const DEFAULT = "anthropic/claude-sonnet-5-5";
const MINI = "openai/gpt-4.1-mini";
const NO_KEY =
  "No API key for Anthropic: set ANTHROPIC_API_KEY in the environment of the Jupyter server and restart it, " +
  "or pick another model in the panel's model list.";

const INFO: ModelsInfo = {
  model: DEFAULT,
  edit_model: null,
  fallback_models: [],
  choices: [DEFAULT, MINI],
  models: [
    {
      model: DEFAULT,
      roles: ["model"],
      components: ["kpi"],
      ready: false,
      variables: ["ANTHROPIC_API_KEY"],
      problem: NO_KEY,
    },
    {
      model: MINI,
      roles: [],
      components: ["sales_card"],
      ready: true,
      variables: ["OPENAI_API_KEY"],
      problem: null,
    },
  ],
  component_models: { kpi: DEFAULT, sales_card: MINI },
  any_model: true,
};

function run(actions: Action[], state: PanelState = initialState): PanelState {
  return actions.reduce(reduce, state);
}

const loaded = run([
  { type: "notebook", notebook: NB },
  {
    type: "components",
    notebook: NB,
    list: {
      notebook: NB,
      components: [
        { name: "kpi", current: 1, versions: 1, updated_at: 0, model: DEFAULT },
        { name: "sales_card", current: 2, versions: 2, updated_at: 0, model: MINI },
      ],
      active: [],
    },
  },
  { type: "models", notebook: NB, info: INFO },
]);

describe("the panel's list (state)", () => {
  it("opens on the first component that has a version", () => {
    const state = run([
      { type: "notebook", notebook: NB },
      {
        type: "components",
        notebook: NB,
        list: {
          notebook: NB,
          components: [
            { name: "a_draft", current: null, versions: 0, updated_at: 0, model: null, has_version: false },
            { name: "kpi", current: 1, versions: 1, updated_at: 0, model: DEFAULT, has_version: true },
          ],
          active: [],
        },
      },
    ]);
    assert.equal(state.selected, "kpi");
  });
});

describe("the panel's model picker (state)", () => {
  it("offers the configured models first, then the notebook's, and marks those that cannot run", () => {
    const choices = modelChoices(loaded, "sales_card");
    assert.deepEqual(
      choices.map((c) => [c.model, c.ready, c.own]),
      [
        [DEFAULT, false, false],
        [MINI, true, true],
      ],
    );
    assert.equal(choices[0]?.problem, NO_KEY);
    assert.equal(notReadyText(choices[0]!), "needs ANTHROPIC_API_KEY");
    assert.equal(notReadyText(choices[1]!), "");
  });

  it("pre-selects each component's own model, and nothing counts as picked until the person picks", () => {
    assert.deepEqual(modelFor(loaded, "sales_card"), { model: MINI, picked: false });
    assert.deepEqual(modelFor(loaded, "kpi"), { model: DEFAULT, picked: false });
    // A component the server does not list yet: the configured model.
    assert.deepEqual(modelFor(loaded, "new_one"), { model: DEFAULT, picked: false });
  });

  it("keeps a pick per component, accepts a typed model, and picking the component's own clears it", () => {
    const picked = reduce(loaded, { type: "choose_model", component: "kpi", model: MINI });
    assert.deepEqual(modelFor(picked, "kpi"), { model: MINI, picked: true });
    assert.deepEqual(modelFor(picked, "sales_card"), { model: MINI, picked: false });

    const typed = reduce(picked, { type: "choose_model", component: "kpi", model: " ollama/qwen2.5-coder " });
    assert.deepEqual(modelFor(typed, "kpi"), { model: "ollama/qwen2.5-coder", picked: true });
    const offered = modelChoices(typed, "kpi");
    assert.deepEqual(
      offered.map((c) => [c.model, c.ready]),
      [
        [DEFAULT, false],
        [MINI, true],
        ["ollama/qwen2.5-coder", null],
      ],
      "a typed model is listed, its readiness unknown",
    );

    const back = reduce(typed, { type: "choose_model", component: "kpi", model: DEFAULT });
    assert.deepEqual(back.picks, {});
  });

  it("drops a pick once the server keeps it as the component's own model", () => {
    const picked = reduce(loaded, { type: "choose_model", component: "kpi", model: MINI });
    const kept = reduce(picked, {
      type: "models",
      notebook: NB,
      info: { ...INFO, component_models: { kpi: MINI, sales_card: MINI } },
    });
    assert.deepEqual(kept.picks, {});
    assert.deepEqual(modelFor(kept, "kpi"), { model: MINI, picked: false });
    const otherNotebook = reduce(picked, { type: "models", notebook: "other.ipynb", info: INFO });
    assert.equal(otherNotebook, picked, "models of another notebook are ignored");
  });
});

describe("the panel's model picker (rendered)", () => {
  function render(open: boolean, model: string, anyModel = true): string {
    return renderToStaticMarkup(
      createElement(ModelPicker, {
        choices: modelChoices(loaded, "kpi"),
        model,
        picked: false,
        anyModel,
        open,
        onOpenChange: () => undefined,
        onChoose: () => undefined,
      }),
    );
  }

  it("names the model and says, before sending, why the selected one cannot run", () => {
    const closed = render(false, DEFAULT);
    assert.match(closed, /data-testid="cg-panel-model"/);
    assert.ok(closed.includes(DEFAULT));
    assert.ok(
      closed.includes("Cannot run here: needs ANTHROPIC_API_KEY in the Jupyter server"),
      "the reason is shown under the picker",
    );
    assert.ok(!closed.includes("--model"));
    assert.ok(!closed.includes("cg-panel-model-list"), "closed: no list");
    assert.ok(!render(false, MINI).includes("cg-panel-model-problem"), "a ready model needs no warning");
  });

  it("lists every choice with its tags and marks, and a field for any model when the server takes one", () => {
    const open = render(true, DEFAULT);
    assert.equal(open.match(/data-testid="cg-panel-model-option"/g)?.length, 2);
    assert.ok(open.includes("Cannot run: needs ANTHROPIC_API_KEY"));
    assert.ok(open.includes("this component&#x27;s model · default"));
    assert.ok(open.includes("used by sales_card"));
    assert.ok(open.includes('data-testid="cg-panel-model-input"'));
    assert.ok(!render(true, DEFAULT, false).includes("cg-panel-model-input"), "no free text when refused");
  });
});
