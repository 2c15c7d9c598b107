/** @jsxRuntime classic */
/** The chat box: Enter sends, Shift+Enter adds a line, Escape cancels; the model for the next request. */
import * as React from "react";

export interface ChatBoxProps {
  component: string;
  running: boolean;
  offline: boolean;
  models: string[];
  model: string | null;
  onModel: (model: string) => void;
  onSend: (text: string) => Promise<void>;
  onCancel: () => void;
}

export function ChatBox(props: ChatBoxProps): React.ReactElement {
  const { component, running, offline, models, model, onModel, onSend, onCancel } = props;
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
  return (
    <div className="cg-panel-chat">
      <textarea
        className="cg-panel-input jp-mod-styled"
        data-testid="cg-panel-input"
        aria-label={`Ask for a change to ${component}`}
        placeholder={offline ? "Reconnecting to the server…" : `Ask for a change to ${component}…`}
        rows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="cg-panel-chat-bar">
        <select
          className="cg-panel-model jp-mod-styled"
          data-testid="cg-panel-model"
          aria-label="Model"
          title="Model for the next request"
          value={model ?? ""}
          disabled={models.length === 0}
          onChange={(event) => onModel(event.target.value)}
        >
          {models.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
        {running ? (
          <button
            type="button"
            className="jp-Button jp-mod-styled jp-mod-warn"
            data-testid="cg-panel-cancel"
            title="Cancel the generation (Escape); the current version stays"
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
