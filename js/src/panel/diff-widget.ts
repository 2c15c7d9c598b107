/** A diff of two versions as a main-area tab, for when the side panel is too narrow to compare. */
import type { Extension } from "@codemirror/state";
import { Widget } from "@lumino/widgets";
import { createDiff } from "./editors";
import type { VersionInfo } from "./rest";

export class DiffWidget extends Widget {
  private readonly view: { destroy(): void };

  constructor(left: VersionInfo, right: VersionInfo, language: Extension | null) {
    super();
    this.addClass("cg-panel-diff-widget");
    this.title.label = `${left.component}: v${left.number} ↔ v${right.number}`;
    this.title.closable = true;
    const heads = document.createElement("div");
    heads.className = "cg-panel-diff-heads";
    for (const version of [left, right]) {
      const head = document.createElement("span");
      head.textContent = `v${version.number} · ${version.prompt}`;
      heads.append(head);
    }
    const host = document.createElement("div");
    this.node.append(heads, host);
    this.view = createDiff(host, left.code, right.code, language);
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.view.destroy();
    super.dispose();
  }
}
