/**
 * JupyterLab plugin: an "Insert component cell" command (palette, notebook toolbar and cell context menu)
 * that adds a `%%component` cell below the active cell.
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
import { LabIcon } from "@jupyterlab/ui-components";
import { DisposableDelegate, type IDisposable } from "@lumino/disposable";

const PLUGIN_ID = "jupyter-componentgen:plugin";
const COMMAND_INSERT = "componentgen:insert-cell";

export const CELL_TEMPLATE =
  "%%component my_component\n" +
  "A card with a title, the number of rows, and a bar chart of the first numeric column.";

const componentIcon = new LabIcon({
  name: "jupyter-componentgen:component",
  svgstr:
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24">' +
    '<g class="jp-icon3" fill="none" stroke="#616161" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">' +
    '<rect x="3" y="3" width="18" height="18" rx="2"/><path d="M9 9l-3 3 3 3M15 9l3 3-3 3"/></g></svg>',
});

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

export default plugin;
