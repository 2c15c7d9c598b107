/**
 * The widget view bundle (static/widget.js), imported once per runtime model by bootstrap.js.
 */
import type { AnyModel } from "@anywidget/types";
import { ComponentView, type RuntimeState, type WidgetState } from "./view";

export function render({
  model,
  el,
  runtime,
}: {
  model: AnyModel<WidgetState>;
  el: HTMLElement;
  runtime: AnyModel<RuntimeState>;
}): () => void {
  const view = new ComponentView(model, el, runtime);
  return () => view.dispose();
}
