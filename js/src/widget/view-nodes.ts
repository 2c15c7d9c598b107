/**
 * The widget's model state as the view reads it, and the view's DOM: status line, error box, the code,
 * the preview's container and the model's explanation, in that order.
 */
import type { WidgetError } from "../schema/widget";
import type { Props } from "../host/preview";
import type { Status } from "../stream/format";
import { h } from "./dom";

export interface WidgetState {
  name: string;
  code: string;
  version: number;
  status: Status;
  data: Props | null;
  error: WidgetError | null;
  explanation: string;
  runtime: string;
  [key: string]: unknown;
}

export interface RuntimeState {
  runtime_js: string;
  view_js: string;
  modules?: Record<string, string>;
  [key: string]: unknown;
}

export type ViewNodes = ReturnType<typeof createNodes>;

function createNodes() {
  return {
    codePanel: h("details", { class: "cg-code-panel" }),
    code: h("pre", { class: "cg-code", "data-testid": "cg-code" }),
    preview: h("div", { class: "cg-preview", "data-testid": "cg-preview" }),
    explanation: h("details", { class: "cg-explanation", hidden: true }),
    explanationText: h("div", { class: "cg-explanation-text" }),
  };
}

/** The view's nodes, laid out in `el` under the status line and the error box. */
export function layOutView(el: HTMLElement, statusLine: HTMLElement, errorBox: HTMLElement): ViewNodes {
  const nodes = createNodes();
  nodes.codePanel.append(h("summary", {}, "Code"), nodes.code);
  nodes.explanation.append(h("summary", {}, "Explanation"), nodes.explanationText);
  el.replaceChildren(
    h("div", { class: "cg-root" }, statusLine, errorBox, nodes.codePanel, nodes.preview, nodes.explanation),
  );
  return nodes;
}
