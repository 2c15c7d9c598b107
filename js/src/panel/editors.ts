/**
 * CodeMirror 6 views for the panel, on JupyterLab's own (shared) CodeMirror: a side-by-side diff of two
 * versions and an editor for changing the code by hand, both in JupyterLab's editor theme.
 */
import type { IEditorLanguageRegistry } from "@jupyterlab/codemirror";
import { jupyterTheme } from "@jupyterlab/codemirror";
import { MergeView } from "@codemirror/merge";
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, keymap, lineNumbers } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";

/** The TSX/JSX language from JupyterLab's registry (null when it has none). */
export async function componentLanguage(
  languages: IEditorLanguageRegistry | null,
): Promise<Extension | null> {
  if (!languages) return null;
  const found =
    languages.findByExtension("tsx") ?? languages.findByExtension("jsx") ?? languages.findBest("javascript");
  if (!found) return null;
  try {
    const language = await languages.getLanguage(found);
    return language?.support ?? null;
  } catch {
    return null;
  }
}

function base(language: Extension | null): Extension[] {
  return [jupyterTheme, lineNumbers(), ...(language ? [language] : [])];
}

/** A read-only side-by-side diff: `a` on the left, `b` on the right. */
export function createDiff(
  parent: HTMLElement,
  a: string,
  b: string,
  language: Extension | null,
): { destroy(): void } {
  const readOnly = [EditorState.readOnly.of(true), EditorView.editable.of(false)];
  return new MergeView({
    a: { doc: a, extensions: [...base(language), ...readOnly] },
    b: { doc: b, extensions: [...base(language), ...readOnly] },
    parent,
    highlightChanges: true,
    gutter: true,
    collapseUnchanged: { margin: 3, minSize: 6 },
  });
}

/** An editor holding `code`; read it back with `view.state.doc.toString()`. */
export function createEditor(parent: HTMLElement, code: string, language: Extension | null): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: code,
      extensions: [
        ...base(language),
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
      ],
    }),
  });
}
