/**
 * The standalone page host (static/standalone.js): reads the page's JSON config (name, code, props,
 * runtime, and the library modules the component imports) and mounts the same sandboxed preview as the
 * notebook widget, with a small header and errors.
 */
import { Preview, type Props } from "../host/preview";
import type { FrameErrorMessage } from "../schema/frame";

interface StandaloneConfig {
  name: string;
  code: string;
  props: Props;
  runtime: string;
  /** Library module sources by module id: the ones the component's imports need, embedded in the page. */
  modules: Record<string, string>;
}

const CONFIG_ID = "componentgen-config";

const CSS = `
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;background:#f6f8fa}
.cg-page{max-width:1100px;margin:0 auto;padding:16px 20px 32px}
.cg-page header{display:flex;align-items:baseline;gap:12px;margin-bottom:12px}
.cg-page h1{font-size:18px;margin:0}
.cg-page header span{color:#57606a;font-size:12px}
.cg-preview{background:#fff;border:1px solid #d0d7de;border-radius:6px;overflow:hidden}
.cg-error{white-space:pre-wrap;margin-bottom:12px;padding:8px 12px;border-left:3px solid #d32f2f;background:#fdecea;font:12px/1.5 ui-monospace,monospace}
.cg-error[hidden]{display:none}
.cg-error strong{color:#b71c1c}
`;

function readConfig(): StandaloneConfig {
  const element = document.getElementById(CONFIG_ID);
  if (!element?.textContent) throw new Error(`This page has no #${CONFIG_ID} element: export it again.`);
  const raw: unknown = JSON.parse(element.textContent);
  const config = raw as Partial<StandaloneConfig>;
  if (typeof config.code !== "string" || typeof config.runtime !== "string" || !config.runtime) {
    throw new Error("The page's component config is incomplete (code or runtime missing): export it again.");
  }
  const props =
    typeof config.props === "object" && config.props !== null && !Array.isArray(config.props)
      ? config.props
      : {};
  const modules: Record<string, string> = {};
  if (typeof config.modules === "object" && config.modules !== null) {
    for (const [id, source] of Object.entries(config.modules))
      if (typeof source === "string") modules[id] = source;
  }
  return {
    name: typeof config.name === "string" ? config.name : "component",
    code: config.code,
    props,
    runtime: config.runtime,
    modules,
  };
}

function describe(error: FrameErrorMessage): string {
  const where =
    error.line !== undefined
      ? ` (line ${error.line}${error.column !== undefined ? `, column ${error.column + 1}` : ""})`
      : "";
  return `${error.phase} error${where}: ${error.message}`;
}

function main(): void {
  const style = document.createElement("style");
  style.textContent = CSS;
  document.head.appendChild(style);

  const page = document.createElement("main");
  page.className = "cg-page";
  const header = document.createElement("header");
  const title = document.createElement("h1");
  const note = document.createElement("span");
  note.textContent = "rendered offline in a sandbox";
  header.append(title, note);
  const errorBox = document.createElement("div");
  errorBox.className = "cg-error";
  errorBox.dataset.testid = "cg-error";
  errorBox.setAttribute("role", "alert");
  errorBox.hidden = true;
  const container = document.createElement("div");
  container.className = "cg-preview";
  container.dataset.testid = "cg-preview";
  page.append(header, errorBox, container);
  document.body.appendChild(page);

  const showError = (text: string): void => {
    const label = document.createElement("strong");
    label.textContent = "The component failed. ";
    errorBox.replaceChildren(label, text);
    errorBox.hidden = false;
    document.body.dataset.componentgenState = "error";
  };

  let config: StandaloneConfig;
  try {
    config = readConfig();
  } catch (error) {
    title.textContent = "Component";
    showError((error as Error).message);
    return;
  }
  title.textContent = config.name;
  document.body.dataset.componentgenState = "loading";
  const preview = new Preview(container, {
    runtimeSource: config.runtime,
    props: config.props,
    title: config.name,
    minHeight: 80,
    // No viewport height: a component written for a whole page gets the notebook's (640 px), so the page
    // shows what a cell shows, whatever the window's size.
    loadModule: (id) =>
      Object.prototype.hasOwnProperty.call(config.modules, id)
        ? Promise.resolve(config.modules[id])
        : Promise.reject(new Error(`the library "${id}" is not in this page (export it again)`)),
    onRendered: (message) => {
      if (message.partial) return;
      errorBox.hidden = true;
      document.body.dataset.componentgenState = "rendered";
    },
    onError: (message, final) => {
      if (final) showError(describe(message));
    },
    onEmit: (name, payload) => console.info(`emit("${name}")`, payload),
  });
  preview.render(config.code, false);
}

main();
