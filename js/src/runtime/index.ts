/**
 * The iframe runtime's entry: wires the parent's messages to the renderer and reports errors, sizes and
 * emits back. Loaded by the srcdoc bootstrap as one inline script.
 */
import "./lockdown-first";
import "@tailwindcss/browser";
import { isToFrameMessage, type FromFrameMessage } from "../schema/frame";
import { createEmit } from "./emit";
import { isLoadingComponent } from "./evaluate";
import { Renderer } from "./renderer";
import { Reporter } from "./report";
import { Stage } from "./stage";
import { installStorage } from "./storage";
import { installTheme } from "./theme";
import { installFormSubmit } from "./forms";
import { installHeightReporter } from "./viewport";

// What a component written for a whole page expects of its window: storage that stays in memory, the
// theme tokens its classes name, forms that submit to their handlers (the sandbox has no allow-forms).
installStorage();
installTheme();
installFormSubmit();

const parentWindow = window.parent;
const post = (message: FromFrameMessage): void => parentWindow.postMessage(message, "*");
const report = new Reporter(post);

const root = document.createElement("div");
root.id = "componentgen-root";
root.style.display = "flow-root";
document.body.appendChild(root);

const stage = new Stage(root, (error, info, mounted) => {
  // Streaming previews fail all the time; only a final component's errors are news.
  if (!mounted.partial) report.runtimeError(error, mounted.renderId, info);
});

const emit = createEmit((name, payload) => {
  if (stage.mounted?.partial) {
    console.info(`emit("${name}") ignored: the component is still streaming.`);
    return;
  }
  post({ type: "emit", name, payload });
});
(window as unknown as { emit: typeof emit }).emit = emit;

const renderer = new Renderer(stage, report, emit);

function reportUncaught(error: unknown): void {
  const mounted = stage.mounted;
  if (mounted?.partial) return;
  report.runtimeError(error, mounted?.renderId);
}

window.addEventListener("message", (event: MessageEvent) => {
  if (event.source !== parentWindow || !isToFrameMessage(event.data)) return;
  const message = event.data;
  if (message.type === "render") {
    renderer.render(message);
    // Tailwind marks the timeline on every build; keep it from growing over a long session.
    performance.clearMarks();
    performance.clearMeasures();
  } else if (message.type === "props") {
    renderer.updateProps(message.props);
  }
});
window.addEventListener("error", (event) => {
  if (!isLoadingComponent()) reportUncaught(event.error ?? new Error(event.message));
});
window.addEventListener("unhandledrejection", (event) => reportUncaught(event.reason));

installHeightReporter(root, post);

post({ type: "ready", stage: "runtime" });
