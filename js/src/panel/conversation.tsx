/** @jsxRuntime classic */
/**
 * A component's conversation: one exchange per version (the request, the model's explanation, what it
 * cost), then the generation under way with its explanation and code streaming in.
 */
import * as React from "react";
import { formatCount, phaseText } from "../stream/format";
import { Findings } from "./fix-bar";
import { authorText, failureText, usageText, versionTime, whenText } from "./format";
import type { FailureInfo, VersionInfo } from "./rest";
import { isActive, routeText, type GenerationState } from "./state";

/** The model's prose around its code block, without the blank lines the block left behind. */
function prose(text: string | undefined): string {
  return (text ?? "").trim().replace(/\n{3,}/g, "\n\n");
}

function VersionExchange({ version, route }: { version: VersionInfo; route: string }): React.ReactElement {
  const meta = [
    `v${version.number}`,
    authorText(version),
    route,
    whenText(versionTime(version)),
    usageText(version.usage),
  ];
  return (
    <li className="cg-panel-exchange" data-testid="cg-panel-exchange" data-version={version.number}>
      <div className="cg-panel-bubble cg-panel-request" data-testid="cg-panel-request">
        {version.prompt}
      </div>
      <div className="cg-panel-bubble cg-panel-reply">
        {prose(version.explanation) ? (
          <div className="cg-panel-explanation">{prose(version.explanation)}</div>
        ) : null}
        <div className="cg-panel-meta">{meta.filter(Boolean).join(" · ")}</div>
      </div>
    </li>
  );
}

/**
 * The status line's words: the phase, and what the server added to it. An error's status repeats the
 * error's message (shown in full below it), so only what follows it is kept ("Version 2 is still current.").
 */
function statusWords(generation: GenerationState): { phase: string; detail: string } {
  const { following } = generation;
  if (generation.sending) return { phase: "Sending…", detail: "" };
  const phase = phaseText({ phase: following.phase });
  let detail = following.message.trim();
  const error = following.error?.message.trim();
  if (error && detail.startsWith(error)) detail = detail.slice(error.length).trim();
  const shown = ["queued", "retrying", "error", "cancelled"].includes(following.phase);
  return { phase, detail: shown ? detail : "" };
}

/** Why a generation failed, with what to do about a model that cannot run here. */
function FailureBox(props: { generation: GenerationState; onChooseModel?: () => void }): React.ReactElement {
  const { generation, onChooseModel } = props;
  const error = generation.following.error!;
  const keyMissing = error.code === "no_api_key";
  return (
    <div className="cg-panel-error" role="alert" data-testid="cg-panel-error" data-code={error.code}>
      <div className="cg-panel-error-text">{error.message}</div>
      {keyMissing && onChooseModel ? (
        <button
          type="button"
          className="jp-Button jp-mod-styled cg-panel-small-button"
          data-testid="cg-panel-choose-model"
          onClick={onChooseModel}
        >
          Choose another model
        </button>
      ) : null}
    </div>
  );
}

function LiveExchange(props: {
  generation: GenerationState;
  onChooseModel?: () => void;
}): React.ReactElement {
  const { generation, onChooseModel } = props;
  const { following } = generation;
  const active = isActive(generation);
  const words = statusWords(generation);
  const route = routeText(following.route);
  const codeRef = React.useRef<HTMLPreElement>(null);
  React.useEffect(() => {
    const node = codeRef.current;
    if (node) node.scrollTop = node.scrollHeight;
  }, [following.code]);
  const progress =
    following.block === "file" && following.code
      ? `${formatCount(following.code.length)} characters of code`
      : following.editChars
        ? `${formatCount(following.editChars)} characters of edits`
        : "";
  const phase = generation.sending ? "sending" : following.phase;
  const findings = following.error?.findings ?? [];
  return (
    <li className="cg-panel-exchange" data-testid="cg-panel-live" data-phase={phase}>
      {generation.instruction ? (
        <div className="cg-panel-bubble cg-panel-request" data-testid="cg-panel-request">
          {generation.instruction}
        </div>
      ) : null}
      <div className="cg-panel-bubble cg-panel-reply">
        {prose(following.explanation) ? (
          <div className="cg-panel-explanation" data-testid="cg-panel-explanation">
            {prose(following.explanation)}
          </div>
        ) : null}
        {active && following.block === "file" && following.code ? (
          <pre className="cg-panel-code-tail" ref={codeRef} data-testid="cg-panel-code">
            {following.code}
          </pre>
        ) : null}
        <div className="cg-panel-status" data-testid="cg-panel-status" data-phase={phase} role="status">
          <span className="cg-panel-phase">{words.phase}</span>
          {words.detail ? <span className="cg-panel-status-detail">{words.detail}</span> : null}
          {progress && active ? <span>{progress}</span> : null}
          {usageText(following.usage) ? (
            <span data-testid="cg-panel-usage">{usageText(following.usage)}</span>
          ) : null}
          {following.model ? <span data-testid="cg-panel-live-model">{following.model}</span> : null}
          {route ? <span data-testid="cg-panel-route">{route}</span> : null}
        </div>
        {following.error && !active && !findings.length ? (
          <FailureBox generation={generation} onChooseModel={onChooseModel} />
        ) : null}
        {findings.length && !active ? <Findings findings={findings} /> : null}
      </div>
    </li>
  );
}

export interface ConversationProps {
  versions: VersionInfo[];
  /** The component's latest generation from this session, if it is not one of `versions` yet. */
  generation: GenerationState | null;
  /** Which model wrote a version and why, for versions this page saw generated. */
  routes?: Record<number, string>;
  /** Why a component with no version has none (its last generation failed or was cancelled). */
  failure?: FailureInfo | null;
  /** Whether the component has a version at all. */
  hasVersion?: boolean;
  /** Open the model picker (offered when a model cannot run for lack of a key). */
  onChooseModel?: () => void;
}

export function Conversation(props: ConversationProps): React.ReactElement {
  const { versions, generation, routes = {}, failure = null, hasVersion = true, onChooseModel } = props;
  const scroller = React.useRef<HTMLDivElement>(null);
  const version = generation?.following.version;
  const saved = version != null && versions.some((v) => v.number === version);
  const live = generation && !saved ? generation : null;
  const following = live?.following;
  React.useEffect(() => {
    // Scroll only the conversation (scrollIntoView would also move the panel and the page around it).
    const node = scroller.current;
    if (node) node.scrollTop = node.scrollHeight;
  }, [versions.length, following?.explanation, following?.phase, following?.code.length, following?.error]);
  return (
    <div className="cg-panel-conversation" data-testid="cg-panel-conversation" ref={scroller}>
      {versions.length === 0 && !live ? (
        <p className="cg-panel-empty" data-testid="cg-panel-no-version">
          {hasVersion
            ? "No versions yet."
            : `No version yet${failure ? ` — ${failureText(failure)}` : ""}. Describe the component below to generate it.`}
        </p>
      ) : (
        <ol className="cg-panel-exchanges">
          {versions.map((version) => (
            <VersionExchange key={version.number} version={version} route={routes[version.number] ?? ""} />
          ))}
          {live ? <LiveExchange generation={live} onChooseModel={onChooseModel} /> : null}
        </ol>
      )}
    </div>
  );
}
