/**
 * JupyterLab plugins: an "Insert component cell" command (palette, notebook toolbar and cell context menu)
 * that adds a `%%component` cell below the active cell, and the Components side panel (panel-plugin).
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { ICommandPalette, ToolbarButton } from "@jupyterlab/apputils";
import type { DocumentRegistry } from "@jupyterlab/docregistry";
import {
  INotebookTracker,
  NotebookActions,
  type INotebookModel,
  type NotebookPanel,
} from "@jupyterlab/notebook";
import { DisposableDelegate, type IDisposable } from "@lumino/disposable";
import { componentIcon } from "./icon";
import { panelPlugin } from "./panel-plugin";

const PLUGIN_ID = "jupyter-componentgen:plugin";
const COMMAND_INSERT = "componentgen:insert-cell";

export const CELL_TEMPLATE =
  "%%component my_component\n" +
  "A card with a title, the number of rows, and a bar chart of the first numeric column.";

/** Insert a component cell below the active cell of the current notebook and start editing it. */
function insertComponentCell(tracker: INotebookTracker): void {
  const panel = tracker.currentWidget;
  if (!panel) return;
  const notebook = panel.content;
  NotebookActions.insertBelow(notebook);
  if (notebook.activeCell?.model.type !== "code") NotebookActions.changeCellType(notebook, "code");
  const cell = notebook.activeCell;
  if (!cell) return;
  cell.model.sharedModel.setSource(CELL_TEMPLATE);
  notebook.mode = "edit";
  cell.editor?.focus();
}

/** Adds the command's button to every notebook's toolbar. */
class ToolbarExtension implements DocumentRegistry.IWidgetExtension<NotebookPanel, INotebookModel> {
  constructor(private readonly app: JupyterFrontEnd) {}

  createNew(panel: NotebookPanel): IDisposable {
    const button = new ToolbarButton({
      icon: componentIcon,
      tooltip: "Insert component cell",
      onClick: () => void this.app.commands.execute(COMMAND_INSERT),
    });
    button.addClass("cg-insert-toolbar-button");
    panel.toolbar.insertAfter("cellType", "componentgen-insert", button);
    return new DisposableDelegate(() => button.dispose());
  }
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description: "Insert %%component cells that generate React components.",
  autoStart: true,
  requires: [INotebookTracker],
  optional: [ICommandPalette],
  activate: (app: JupyterFrontEnd, tracker: INotebookTracker, palette: ICommandPalette | null) => {
    app.commands.addCommand(COMMAND_INSERT, {
      label: "Insert component cell",
      caption: "Insert a %%component cell below the active cell",
      icon: componentIcon,
      isEnabled: () => tracker.currentWidget !== null,
      execute: () => insertComponentCell(tracker),
    });
    palette?.addItem({ command: COMMAND_INSERT, category: "Components" });
    app.contextMenu.addItem({ command: COMMAND_INSERT, selector: ".jp-Notebook .jp-Cell", rank: 20 });
    app.docRegistry.addWidgetExtension("Notebook", new ToolbarExtension(app));
  },
};

export default [plugin, panelPlugin];
