/** @jsxRuntime classic */
/**
 * The model for the selected component's next request: a button naming it, and a list of what the server
 * offers (configured models first, then those the notebook's components use), each marked when its key is
 * missing in the server's environment, plus a field for any litellm model string when the server takes one.
 * Built in the page rather than as a native <select>: a native list cannot say why a model cannot run, nor
 * take a typed model, and it opens outside the panel.
 */
import * as React from "react";
import { notReadyText, type ModelChoice } from "./state";

export interface ModelPickerProps {
  choices: ModelChoice[];
  /** The model the next request goes to. */
  model: string | null;
  /** Whether the person picked it (else it is the component's own). */
  picked: boolean;
  /** Whether the server accepts any litellm model string. */
  anyModel: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onChoose: (model: string) => void;
}

/** A model string that, when it must wrap, wraps after its provider ("anthropic/" then the name). */
function ModelName({ model }: { model: string }): React.ReactElement {
  const slash = model.indexOf("/");
  if (slash < 0) return <span className="cg-panel-model-part">{model}</span>;
  return (
    <>
      <span className="cg-panel-model-part">{model.slice(0, slash + 1)}</span>
      <span className="cg-panel-model-part">{model.slice(slash + 1)}</span>
    </>
  );
}

function tags(choice: ModelChoice): string {
  const parts: string[] = [];
  if (choice.own) parts.push("this component's model");
  if (choice.roles.includes("model")) parts.push("default");
  if (choice.roles.includes("edit_model")) parts.push("small edits");
  if (choice.roles.includes("fallback")) parts.push("fallback");
  const others = choice.components.length;
  if (others && !choice.own) parts.push(`used by ${choice.components.join(", ")}`);
  return parts.join(" · ");
}

/** What may be typed: a litellm model string, not an address (the server refuses those as well). */
function typedModelProblem(text: string): string | null {
  const model = text.trim();
  if (!model) return null;
  if (/\s/.test(model)) return "A model string has no spaces.";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(model) || model.includes("://")) {
    return "Give a model name (e.g. openai/gpt-4.1), not an address.";
  }
  return null;
}

function OtherModel({ onChoose }: { onChoose: (model: string) => void }): React.ReactElement {
  const [text, setText] = React.useState("");
  const problem = typedModelProblem(text);
  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    if (text.trim() && !problem) onChoose(text.trim());
  };
  return (
    <form className="cg-panel-model-other" onSubmit={submit}>
      <label className="cg-panel-model-other-label" htmlFor="cg-panel-model-other-input">
        Another model (any litellm model string)
      </label>
      <div className="cg-panel-model-other-row">
        <input
          id="cg-panel-model-other-input"
          className="jp-mod-styled cg-panel-model-other-input"
          data-testid="cg-panel-model-input"
          placeholder="e.g. openai/gpt-4.1"
          spellCheck={false}
          autoComplete="off"
          value={text}
          aria-invalid={problem !== null}
          onChange={(event) => setText(event.target.value)}
        />
        <button
          type="submit"
          className="jp-Button jp-mod-styled cg-panel-small-button"
          data-testid="cg-panel-model-use"
          disabled={!text.trim() || problem !== null}
        >
          Use
        </button>
      </div>
      {problem ? <div className="cg-panel-model-other-problem">{problem}</div> : null}
    </form>
  );
}

export function ModelPicker(props: ModelPickerProps): React.ReactElement {
  const { choices, model, picked, anyModel, open, onOpenChange, onChoose } = props;
  const root = React.useRef<HTMLDivElement>(null);
  const button = React.useRef<HTMLButtonElement>(null);
  const list = React.useRef<HTMLUListElement>(null);
  const selectedIndex = Math.max(
    0,
    choices.findIndex((c) => c.model === model),
  );
  const [active, setActive] = React.useState(selectedIndex);
  const current = choices.find((c) => c.model === model) ?? null;
  const warning = current ? notReadyText(current) : "";

  React.useEffect(() => {
    if (!open) return undefined;
    setActive(selectedIndex);
    list.current?.focus();
    // A click anywhere else closes the list.
    const onDown = (event: MouseEvent): void => {
      if (root.current && !root.current.contains(event.target as Node)) onOpenChange(false);
    };
    document.addEventListener("mousedown", onDown, true);
    return () => document.removeEventListener("mousedown", onDown, true);
    // Only on opening: moving through the list must not reset the active entry.
  }, [open]);

  React.useEffect(() => {
    if (!open) return;
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [open, active]);

  const close = (): void => {
    onOpenChange(false);
    button.current?.focus();
  };
  const choose = (value: string): void => {
    onChoose(value);
    close();
  };
  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.target === list.current && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => Math.max(0, Math.min(choices.length - 1, index + step)));
    } else if (event.target === list.current && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      const choice = choices[active];
      if (choice) choose(choice.model);
    }
  };

  return (
    <div className="cg-panel-picker" ref={root} onKeyDown={open ? onKeyDown : undefined}>
      <button
        type="button"
        ref={button}
        className="cg-panel-model"
        data-testid="cg-panel-model"
        data-model={model ?? ""}
        data-picked={picked}
        aria-haspopup="listbox"
        aria-expanded={open}
        title={
          picked
            ? "Model picked for this component's next requests"
            : "This component's own model (pick another for its next requests)"
        }
        onClick={() => onOpenChange(!open)}
      >
        <span className="cg-panel-model-label">Model</span>
        <span className="cg-panel-model-name">{model ? <ModelName model={model} /> : "loading…"}</span>
        <span className="cg-panel-model-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {warning ? (
        <div
          className="cg-panel-model-problem"
          data-testid="cg-panel-model-problem"
          role="note"
          title={current?.problem ?? undefined}
        >
          {current?.variables.length
            ? `Cannot run here: ${warning} in the Jupyter server's environment.`
            : (current?.problem ?? "Cannot run here.")}
        </div>
      ) : null}
      {open ? (
        <div className="cg-panel-picker-popup" data-testid="cg-panel-model-list">
          <div className="cg-panel-picker-title" id="cg-panel-picker-title">
            Model for this component's next requests
          </div>
          <ul
            className="cg-panel-model-options"
            role="listbox"
            tabIndex={0}
            ref={list}
            aria-labelledby="cg-panel-picker-title"
            aria-activedescendant={`cg-panel-model-option-${active}`}
          >
            {choices.length === 0 ? (
              <li className="cg-panel-model-loading" role="presentation">
                Asking the server which models it offers…
              </li>
            ) : null}
            {choices.map((choice, index) => {
              const reason = notReadyText(choice);
              return (
                <li
                  key={choice.model}
                  id={`cg-panel-model-option-${index}`}
                  role="option"
                  aria-selected={choice.model === model}
                  className="cg-panel-model-option"
                  data-testid="cg-panel-model-option"
                  data-model={choice.model}
                  data-ready={choice.ready === null ? "unknown" : String(choice.ready)}
                  data-active={index === active}
                  data-index={index}
                  title={choice.problem ?? choice.model}
                  onMouseEnter={() => setActive(index)}
                  onClick={() => choose(choice.model)}
                >
                  <span className="cg-panel-model-option-name">
                    <ModelName model={choice.model} />
                  </span>
                  {tags(choice) ? <span className="cg-panel-model-option-tags">{tags(choice)}</span> : null}
                  {reason ? (
                    <span className="cg-panel-model-option-problem" data-testid="cg-panel-model-not-ready">
                      Cannot run: {reason}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {anyModel ? <OtherModel onChoose={choose} /> : null}
        </div>
      ) : null}
    </div>
  );
}
