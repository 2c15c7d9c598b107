/** @jsxRuntime classic */
/**
 * A component's versions: when, by whom, with which model, tokens and cost; restore any of them; compare
 * any two side by side (in the panel when it is wide enough for two columns, else in a main-area tab);
 * edit the current code by hand and save it as a new version.
 */
import type { Extension } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import * as React from "react";
import { authorText, usageText, versionTime, whenText } from "./format";
import { createDiff, createEditor } from "./editors";
import type { VersionInfo } from "./rest";

/** Narrower than this, two columns of code are unreadable: a comparison opens in the main area. */
export const SIDE_BY_SIDE_MIN_PX = 520;

/** The content width of an element, following its resizes (0 until measured). */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = React.useState(0);
  React.useEffect(() => {
    const node = ref.current;
    if (!node) return undefined;
    setWidth(node.clientWidth);
    if (typeof ResizeObserver === "undefined") return undefined;
    const observer = new ResizeObserver(() => setWidth(node.clientWidth));
    observer.observe(node);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Scroll `container` (only it) so that `element` is in view, its top first when it is taller. */
function reveal(container: HTMLElement, element: HTMLElement): void {
  const box = container.getBoundingClientRect();
  const target = element.getBoundingClientRect();
  if (target.top < box.top || target.height > box.height) {
    container.scrollTop += target.top - box.top - 4;
  } else if (target.bottom > box.bottom) {
    container.scrollTop += target.bottom - box.bottom + 4;
  }
}

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
  /** The version it starts from, and the number its save will get. */
  from: number;
  next: number;
  code: string;
  language: Extension | null;
  /** The scrolling list it opens in: it is scrolled so the editor is in view. */
  scroller: React.RefObject<HTMLElement | null>;
  onSave: (code: string) => Promise<boolean>;
  onClose: () => void;
}): React.ReactElement {
  const { from, next, code, language, scroller, onSave, onClose } = props;
  const root = React.useRef<HTMLDivElement>(null);
  const host = React.useRef<HTMLDivElement>(null);
  const view = React.useRef<EditorView | null>(null);
  const [saving, setSaving] = React.useState(false);
  React.useEffect(() => {
    if (!host.current) return undefined;
    const editor = createEditor(host.current, code, language);
    view.current = editor;
    editor.focus();
    if (scroller.current && root.current) reveal(scroller.current, root.current);
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
  // The buttons come first and stay in view while the code scrolls under them.
  return (
    <div className="cg-panel-editor" data-testid="cg-panel-editor" ref={root}>
      <div className="cg-panel-row-actions cg-panel-editor-bar">
        <span className="cg-panel-editor-title">Editing v{from} by hand</span>
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
          Save as v{next}
        </button>
      </div>
      <div ref={host} className="cg-panel-editor-host" />
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

function VersionCard(props: {
  version: VersionInfo;
  current: boolean;
  canCompare: boolean;
  busy: boolean;
  editing: boolean;
  onCompare: () => void;
  onRollback: () => void;
  onEdit: () => void;
  children?: React.ReactNode;
}): React.ReactElement {
  const { version, current, canCompare, busy, editing } = props;
  return (
    <li
      className="cg-panel-version"
      data-testid="cg-panel-version"
      data-version={version.number}
      data-author={version.author}
      data-current={current}
    >
      <div className="cg-panel-version-head">
        <span className="cg-panel-badge">v{version.number}</span>
        {current ? <span className="cg-panel-current">current</span> : null}
        <span className="cg-panel-version-when">{whenText(versionTime(version))}</span>
      </div>
      <div className="cg-panel-version-author">{authorText(version)}</div>
      <div className="cg-panel-version-prompt" title={version.prompt}>
        {version.prompt}
      </div>
      <div className="cg-panel-meta">{usageText(version.usage) || "no model call"}</div>
      <div className="cg-panel-row-actions">
        <button
          type="button"
          className="jp-Button jp-mod-styled"
          data-testid="cg-panel-compare"
          disabled={!canCompare}
          onClick={props.onCompare}
        >
          Compare
        </button>
        {!current ? (
          <button
            type="button"
            className="jp-Button jp-mod-styled"
            data-testid="cg-panel-rollback"
            disabled={busy}
            title={`Make version ${version.number} current again; the cell follows`}
            onClick={props.onRollback}
          >
            Restore
          </button>
        ) : (
          <button
            type="button"
            className="jp-Button jp-mod-styled"
            data-testid="cg-panel-edit-code"
            disabled={busy || editing}
            onClick={props.onEdit}
          >
            Edit code
          </button>
        )}
      </div>
      {props.children}
    </li>
  );
}

export function Versions(props: VersionsProps): React.ReactElement {
  const { versions, current, busy, language, onRollback, onSave, onOpenDiff } = props;
  const scroller = React.useRef<HTMLDivElement>(null);
  const width = useWidth(scroller);
  const wide = width >= SIDE_BY_SIDE_MIN_PX;
  const [editing, setEditing] = React.useState(false);
  const [compare, setCompare] = React.useState<[number, number] | null>(null);
  const [openedWide, setOpenedWide] = React.useState<[number, number] | null>(null);
  const compareRef = React.useRef<HTMLDivElement>(null);
  const byNumber = new Map(versions.map((v) => [v.number, v]));
  const currentVersion = current !== null ? byNumber.get(current) : undefined;
  const pair = compare && byNumber.get(compare[0]) && byNumber.get(compare[1]) ? compare : null;
  /** The version a comparison of `number` starts from: the current one, or for the current its parent. */
  const before = (number: number): number | undefined => {
    const parent = byNumber.get(number)?.parent;
    if (parent != null && byNumber.has(parent)) return parent;
    const older = versions.filter((v) => v.number < number).map((v) => v.number);
    return older.length ? Math.max(...older) : undefined;
  };
  const openDiff = (number: number): void => {
    const other = number === current ? before(number) : current;
    const sorted = [number, other ?? number].sort((a, b) => a - b) as [number, number];
    const left = byNumber.get(sorted[0]);
    const right = byNumber.get(sorted[1]);
    if (!wide && left && right) {
      // Too narrow for two columns of code: compare in the main area.
      setCompare(null);
      setOpenedWide(sorted);
      onOpenDiff(left, right);
      return;
    }
    setOpenedWide(null);
    setCompare(sorted);
  };
  React.useEffect(() => {
    if (pair && scroller.current && compareRef.current) reveal(scroller.current, compareRef.current);
  }, [pair?.[0], pair?.[1]]);
  const select = (index: 0 | 1, value: number): void => {
    const next: [number, number] = pair ? [...pair] : [value, value];
    next[index] = value;
    setCompare(next);
  };
  return (
    <div className="cg-panel-versions" data-testid="cg-panel-versions" data-wide={wide} ref={scroller}>
      {openedWide ? (
        <div className="cg-panel-opened-wide" data-testid="cg-panel-diff-opened" role="status">
          <span>
            v{openedWide[0]} and v{openedWide[1]} are compared in a tab of the main area: the panel is too
            narrow for two columns.
          </span>
          <button
            type="button"
            className="jp-Button jp-mod-styled cg-panel-small-button"
            aria-label="Dismiss"
            onClick={() => setOpenedWide(null)}
          >
            OK
          </button>
        </div>
      ) : null}
      <ol className="cg-panel-version-list">
        {[...versions].reverse().map((version) => (
          <VersionCard
            key={version.number}
            version={version}
            current={version.number === current}
            canCompare={versions.length >= 2}
            busy={busy}
            editing={editing}
            onCompare={() => openDiff(version.number)}
            onRollback={() => void onRollback(version.number)}
            onEdit={() => setEditing(true)}
          >
            {editing && currentVersion && version.number === current ? (
              <CodeEditor
                from={currentVersion.number}
                next={Math.max(...versions.map((v) => v.number)) + 1}
                code={currentVersion.code}
                language={language}
                scroller={scroller}
                onSave={(code) => onSave(code, currentVersion.number)}
                onClose={() => setEditing(false)}
              />
            ) : null}
          </VersionCard>
        ))}
      </ol>
      {pair ? (
        <div className="cg-panel-compare" ref={compareRef}>
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
          {wide ? (
            <DiffView left={byNumber.get(pair[0])!} right={byNumber.get(pair[1])!} language={language} />
          ) : (
            <p className="cg-panel-empty">
              The panel is too narrow for two columns: open the comparison wide.
            </p>
          )}
        </div>
      ) : null}
    </div>
  );
}
