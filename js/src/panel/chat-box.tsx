/** @jsxRuntime classic */
/** The chat box: Enter sends, Shift+Enter adds a line, Escape cancels; the model for the next request. */
import * as React from "react";
import { ModelPicker } from "./model-picker";
import type { ModelChoice } from "./state";

export interface ChatBoxProps {
  component: string;
  /** Whether the component has a version (else the request makes its first). */
  hasVersion: boolean;
  running: boolean;
  /** Whether Cancel applies to the running generation. */
  cancellable: boolean;
  offline: boolean;
  choices: ModelChoice[];
  model: string | null;
  picked: boolean;
  anyModel: boolean;
  pickerOpen: boolean;
  onPickerOpen: (open: boolean) => void;
  onModel: (model: string) => void;
  onSend: (text: string) => Promise<void>;
  onCancel: () => void;
}

export function ChatBox(props: ChatBoxProps): React.ReactElement {
  const { component, hasVersion, running, cancellable, offline, onSend, onCancel } = props;
  const [text, setText] = React.useState("");
  const send = (): void => {
    if (!text.trim() || running || offline) return;
    const sent = text;
    setText("");
    void onSend(sent);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    } else if (event.key === "Escape" && running) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };
  const ask = hasVersion ? `Ask for a change to ${component}` : `Describe ${component} to generate it`;
  return (
    <div className="cg-panel-chat">
      <ModelPicker
        choices={props.choices}
        model={props.model}
        picked={props.picked}
        anyModel={props.anyModel}
        open={props.pickerOpen}
        onOpenChange={props.onPickerOpen}
        onChoose={props.onModel}
      />
      <textarea
        className="cg-panel-input jp-mod-styled"
        data-testid="cg-panel-input"
        aria-label={ask}
        placeholder={offline ? "Reconnecting to the server…" : `${ask}…`}
        rows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="cg-panel-chat-bar">
        <span className="cg-panel-chat-hint">Shift+Enter: new line</span>
        {running ? (
          <button
            type="button"
            className="jp-Button jp-mod-styled jp-mod-warn"
            data-testid="cg-panel-cancel"
            title="Cancel the generation (Escape); the current version stays"
            disabled={!cancellable}
            onClick={onCancel}
          >
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="jp-Button jp-mod-styled jp-mod-accept"
            data-testid="cg-panel-send"
            title="Send (Enter); Shift+Enter for a new line"
            disabled={offline || !text.trim()}
            onClick={send}
          >
            Send
          </button>
        )}
      </div>
    </div>
  );
}
