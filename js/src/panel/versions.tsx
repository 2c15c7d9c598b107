/** @jsxRuntime classic */
/**
 * A component's versions: when, by whom, with which model, tokens and cost; restore any of them; compare
 * any two side by side; edit the current code by hand and save it as a new version.
 */
import type { Extension } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import * as React from "react";
import { authorText, usageText, versionTime, whenText } from "./format";
import { createDiff, createEditor } from "./editors";
import type { VersionInfo } from "./rest";

function DiffView(props: {
  left: VersionInfo;
  right: VersionInfo;
  language: Extension | null;
}): React.ReactElement {
  const { left, right, language } = props;
  const host = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (!host.current) return undefined;
    const view = createDiff(host.current, left.code, right.code, language);
    return () => view.destroy();
  }, [left.code, right.code, language]);
  return (
    <div className="cg-panel-diff" data-testid="cg-panel-diff">
      <div className="cg-panel-diff-heads">
        <span>v{left.number}</span>
        <span>v{right.number}</span>
      </div>
      <div ref={host} />
    </div>
  );
}

function CodeEditor(props: {
  code: string;
  language: Extension | null;
  onSave: (code: string) => Promise<boolean>;
  onClose: () => void;
}): React.ReactElement {
  const { code, language, onSave, onClose } = props;
  const host = React.useRef<HTMLDivElement>(null);
  const view = React.useRef<EditorView | null>(null);
  const [saving, setSaving] = React.useState(false);
  React.useEffect(() => {
    if (!host.current) return undefined;
    const editor = createEditor(host.current, code, language);
    view.current = editor;
    editor.focus();
    return () => {
      view.current = null;
      editor.destroy();
    };
  }, [code, language]);
  const save = async (): Promise<void> => {
    const edited = view.current?.state.doc.toString() ?? code;
    if (edited === code) return onClose();
    setSaving(true);
    const saved = await onSave(edited);
    setSaving(false);
    if (saved) onClose();
  };
  return (
    <div className="cg-panel-editor" data-testid="cg-panel-editor">
      <div ref={host} className="cg-panel-editor-host" />
      <div className="cg-panel-row-actions">
        <button type="button" className="jp-Button jp-mod-styled jp-mod-reject" onClick={onClose}>
          Discard
        </button>
        <button
          type="button"
          className="jp-Button jp-mod-styled jp-mod-accept"
          data-testid="cg-panel-save-code"
          disabled={saving}
          onClick={() => void save()}
        >
          Save as new version
        </button>
      </div>
    </div>
  );
}

export interface VersionsProps {
  versions: VersionInfo[];
  /** Open a diff in the main area, where there is room for two columns. */
  onOpenDiff: (left: VersionInfo, right: VersionInfo) => void;
  current: number | null;
  busy: boolean;
  language: Extension | null;
  onRollback: (version: number) => Promise<void>;
  onSave: (code: string, parent: number | null) => Promise<boolean>;
}

export function Versions(props: VersionsProps): React.ReactElement {
  const { versions, current, busy, language, onRollback, onSave, onOpenDiff } = props;
  const [editing, setEditing] = React.useState(false);
  const [compare, setCompare] = React.useState<[number, number] | null>(null);
  const byNumber = new Map(versions.map((v) => [v.number, v]));
  const currentVersion = current !== null ? byNumber.get(current) : undefined;
  const pair = compare && byNumber.get(compare[0]) && byNumber.get(compare[1]) ? compare : null;
  const openDiff = (number: number): void => {
    const other = number === current ? versions.find((v) => v.number < number)?.number : current;
    const sorted = [number, other ?? number].sort((a, b) => a - b) as [number, number];
    setCompare(sorted);
  };
  const select = (index: 0 | 1, value: number): void => {
    const next: [number, number] = pair ? [...pair] : [value, value];
    next[index] = value;
    setCompare(next);
  };
  return (
    <div className="cg-panel-versions" data-testid="cg-panel-versions">
      <ol className="cg-panel-version-list">
        {[...versions].reverse().map((version) => (
          <li
            key={version.number}
            className="cg-panel-version"
            data-testid="cg-panel-version"
            data-version={version.number}
            data-author={version.author}
            data-current={version.number === current}
          >
            <div className="cg-panel-version-head">
              <span className="cg-panel-badge">v{version.number}</span>
              <span className="cg-panel-version-author">{authorText(version)}</span>
              {version.number === current ? <span className="cg-panel-current">current</span> : null}
              <span className="cg-panel-version-when">{whenText(versionTime(version))}</span>
            </div>
            <div className="cg-panel-version-prompt" title={version.prompt}>
              {version.prompt}
            </div>
            <div className="cg-panel-meta">{usageText(version.usage) || "no model call"}</div>
            <div className="cg-panel-row-actions">
              <button
                type="button"
                className="jp-Button jp-mod-styled"
                data-testid="cg-panel-compare"
                disabled={versions.length < 2}
                onClick={() => openDiff(version.number)}
              >
                Compare
              </button>
              {version.number !== current ? (
                <button
                  type="button"
                  className="jp-Button jp-mod-styled"
                  data-testid="cg-panel-rollback"
                  disabled={busy}
                  title={`Make version ${version.number} current again; the cell follows`}
                  onClick={() => void onRollback(version.number)}
                >
                  Restore
                </button>
              ) : (
                <button
                  type="button"
                  className="jp-Button jp-mod-styled"
                  data-testid="cg-panel-edit-code"
                  disabled={busy || editing}
                  onClick={() => setEditing(true)}
                >
                  Edit code
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      {editing && currentVersion ? (
        <CodeEditor
          code={currentVersion.code}
          language={language}
          onSave={(code) => onSave(code, currentVersion.number)}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {pair ? (
        <div className="cg-panel-compare">
          <div className="cg-panel-compare-bar">
            Compare
            {([0, 1] as const).map((index) => (
              <select
                key={index}
                className="jp-mod-styled"
                aria-label={index === 0 ? "Left version" : "Right version"}
                value={pair[index]}
                onChange={(event) => select(index, Number(event.target.value))}
              >
                {versions.map((v) => (
                  <option key={v.number} value={v.number}>
                    v{v.number}
                  </option>
                ))}
              </select>
            ))}
            <button
              type="button"
              className="jp-Button jp-mod-styled"
              data-testid="cg-panel-diff-wide"
              title="Open this comparison in the main area"
              onClick={() => onOpenDiff(byNumber.get(pair[0])!, byNumber.get(pair[1])!)}
            >
              Open wide
            </button>
            <button type="button" className="jp-Button jp-mod-styled" onClick={() => setCompare(null)}>
              Close
            </button>
          </div>
          <DiffView left={byNumber.get(pair[0])!} right={byNumber.get(pair[1])!} language={language} />
        </div>
      ) : null}
    </div>
  );
}
