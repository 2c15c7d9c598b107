// The anywidget `_esm` of every component widget. It stays tiny because it is stored in each widget's
// state: the real view comes from the shared runtime model, imported once per runtime model.
type Model = { get(name: string): unknown; widget_manager: { get_model(id: string): Promise<Model> } };
type View = { render(context: { model: Model; el: HTMLElement; runtime: Model }): () => void };

const key = Symbol.for("jupyter-componentgen.views");
const store = globalThis as unknown as Record<symbol, WeakMap<Model, Promise<View>>>;
const views = (store[key] ??= new WeakMap());

async function runtimeModel(model: Model): Promise<Model> {
  const id = String(model.get("runtime")).replace(/^IPY_MODEL_/, "");
  // The runtime model's comm may open just after this widget's: wait for it a little.
  for (let attempt = 0; ; attempt++) {
    try {
      return await model.widget_manager.get_model(id);
    } catch (error) {
      if (attempt > 40) throw error;
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

function loadView(runtime: Model): Promise<View> {
  let view = views.get(runtime);
  if (!view) {
    const url = URL.createObjectURL(new Blob([String(runtime.get("view_js"))], { type: "text/javascript" }));
    view = import(/* @vite-ignore */ url).finally(() => URL.revokeObjectURL(url));
    view.catch(() => views.delete(runtime));
    views.set(runtime, view);
  }
  return view;
}

export default {
  async render({ model, el }: { model: Model; el: HTMLElement }): Promise<() => void> {
    try {
      const runtime = await runtimeModel(model);
      return (await loadView(runtime)).render({ model, el, runtime });
    } catch (error) {
      el.textContent = `The component view could not load: ${String(error)}`;
      return () => undefined;
    }
  },
};
