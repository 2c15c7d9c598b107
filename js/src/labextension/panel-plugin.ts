/**
 * The "Components" side panel plugin. It owns the page's one stream socket, shares it with the component
 * views in notebooks (so cells follow generations, rollbacks and hand edits made on the server), and
 * shows the active notebook's components in the left area, restored across reloads.
 */
import { ILayoutRestorer, type JupyterFrontEnd, type JupyterFrontEndPlugin } from "@jupyterlab/application";
import { Dialog, ICommandPalette, MainAreaWidget } from "@jupyterlab/apputils";
import { IEditorLanguageRegistry } from "@jupyterlab/codemirror";
import { INotebookTracker, type NotebookPanel } from "@jupyterlab/notebook";
import { ServerConnection } from "@jupyterlab/services";
import { StreamConnection } from "../panel/connection";
import { PanelController } from "../panel/controller";
import { DiffWidget } from "../panel/diff-widget";
import { ComponentsPanel, type OpenDiff } from "../panel/panel";
import { RestClient } from "../panel/rest";
import { componentIcon } from "./icon";
import { streamSocketFactory } from "./socket";
import { answerViewLinks } from "./view-links";

const PANEL_ID = "jupyter-componentgen-panel";
const COMMAND_OPEN = "componentgen:open-panel";

let nextDiff = 1;

/**
 * A comparison over the page, for shells whose main area takes no second widget (Notebook 7's holds only
 * its notebook): as wide as the window, closed with its button or Escape.
 */
function showDiffDialog(content: DiffWidget): void {
  const dialog = new Dialog({
    title: content.title.label,
    body: content,
    buttons: [Dialog.okButton({ label: "Close" })],
    hasClose: true,
  });
  dialog.addClass("cg-panel-diff-dialog");
  void dialog.launch().then(() => dialog.dispose());
}

/** Keep the controller on the tracker's current notebook, and on its path through renames. */
function followActiveNotebook(tracker: INotebookTracker, controller: PanelController): void {
  let watched: NotebookPanel | null = null;
  const update = (): void => controller.setNotebook(watched?.context.path ?? null);
  const onCurrent = (): void => {
    watched?.context.pathChanged.disconnect(update);
    watched = tracker.currentWidget;
    watched?.context.pathChanged.connect(update);
    update();
  };
  tracker.currentChanged.connect(onCurrent);
  tracker.widgetAdded.connect(() => {
    if (!watched) onCurrent();
  });
  onCurrent();
}

export const panelPlugin: JupyterFrontEndPlugin<void> = {
  id: "jupyter-componentgen:panel",
  description: "The Components side panel: chat, versions, diff and rollback; cells follow server changes.",
  autoStart: true,
  requires: [INotebookTracker],
  optional: [ILayoutRestorer, IEditorLanguageRegistry, ICommandPalette],
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    restorer: ILayoutRestorer | null,
    languages: IEditorLanguageRegistry | null,
    palette: ICommandPalette | null,
  ) => {
    const settings = ServerConnection.makeSettings();
    const connection = new StreamConnection(streamSocketFactory(settings));
    const api = new RestClient(settings);
    const controller = new PanelController(connection, api);

    const openDiff: OpenDiff = (left, right, language) => {
      const tab = new MainAreaWidget({ content: new DiffWidget(left, right, language) });
      tab.id = `jupyter-componentgen-diff-${nextDiff++}`;
      tab.title.label = tab.content.title.label;
      tab.title.icon = componentIcon;
      app.shell.add(tab, "main");
      if (tab.isAttached) {
        app.shell.activateById(tab.id);
        return;
      }
      tab.dispose();
      showDiffDialog(new DiffWidget(left, right, language));
    };
    const panel = new ComponentsPanel(controller, languages, openDiff);
    panel.id = PANEL_ID;
    panel.title.icon = componentIcon;
    panel.title.caption = "Components";
    app.shell.add(panel, "left", { rank: 650 });
    restorer?.add(panel, PANEL_ID);

    followActiveNotebook(tracker, controller);
    answerViewLinks(tracker, connection, api, (notebook) => controller.historyChanged(notebook));

    app.commands.addCommand(COMMAND_OPEN, {
      label: "Show Components panel",
      caption: "Open the side panel listing the notebook's components",
      icon: componentIcon,
      execute: () => app.shell.activateById(PANEL_ID),
    });
    palette?.addItem({ command: COMMAND_OPEN, category: "Components" });
  },
};
