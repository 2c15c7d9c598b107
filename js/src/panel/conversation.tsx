/** @jsxRuntime classic */
/**
 * A component's conversation: one exchange per version (the request, the model's explanation, what it
 * cost), then the generation under way with its explanation and code streaming in.
 */
import * as React from "react";
import { formatCount, phaseText } from "../widget/format";
import { Findings } from "./fix-bar";
import { authorText, usageText, versionTime, whenText } from "./format";
import type { VersionInfo } from "./rest";
import { isActive, type GenerationState } from "./state";

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
      <div className="cg-panel-bubble cg-panel-request">{version.prompt}</div>
      <div className="cg-panel-bubble cg-panel-reply">
        {prose(version.explanation) ? (
          <div className="cg-panel-explanation">{prose(version.explanation)}</div>
        ) : null}
        <div className="cg-panel-meta">{meta.filter(Boolean).join(" · ")}</div>
      </div>
    </li>
  );
}

function LiveExchange({ generation }: { generation: GenerationState }): React.ReactElement {
  const active = isActive(generation);
  const phase = generation.phase === "sending" ? "Sending…" : phaseText(generation);
  const codeRef = React.useRef<HTMLPreElement>(null);
  React.useEffect(() => {
    const node = codeRef.current;
    if (node) node.scrollTop = node.scrollHeight;
  }, [generation.code]);
  const progress =
    generation.block === "file" && generation.code
      ? `${formatCount(generation.code.length)} characters of code`
      : generation.editChars
        ? `${formatCount(generation.editChars)} characters of edits`
        : "";
  return (
    <li className="cg-panel-exchange" data-testid="cg-panel-live" data-phase={generation.phase}>
      {generation.instruction ? (
        <div className="cg-panel-bubble cg-panel-request">{generation.instruction}</div>
      ) : null}
      <div className="cg-panel-bubble cg-panel-reply">
        {prose(generation.explanation) ? (
          <div className="cg-panel-explanation" data-testid="cg-panel-explanation">
            {prose(generation.explanation)}
          </div>
        ) : null}
        {active && generation.block === "file" && generation.code ? (
          <pre className="cg-panel-code-tail" ref={codeRef} data-testid="cg-panel-code">
            {generation.code}
          </pre>
        ) : null}
        <div
          className="cg-panel-status"
          data-testid="cg-panel-status"
          data-phase={generation.phase}
          role="status"
        >
          <span className="cg-panel-phase">{phase}</span>
          {generation.phase === "queued" && generation.message ? (
            <span className="cg-panel-queued">{generation.message}</span>
          ) : null}
          {progress && active ? <span>{progress}</span> : null}
          {usageText(generation.usage) ? (
            <span data-testid="cg-panel-usage">{usageText(generation.usage)}</span>
          ) : null}
          {generation.model ? <span>{generation.model}</span> : null}
          {generation.route ? <span data-testid="cg-panel-route">{generation.route}</span> : null}
        </div>
        {generation.error && !active && !generation.findings.length ? (
          <div className="cg-panel-error">{generation.error}</div>
        ) : null}
        {generation.findings.length && !active ? <Findings findings={generation.findings} /> : null}
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
}

export function Conversation({ versions, generation, routes = {} }: ConversationProps): React.ReactElement {
  const endRef = React.useRef<HTMLDivElement>(null);
  const saved = generation?.version != null && versions.some((v) => v.number === generation.version);
  const live = generation && !saved ? generation : null;
  React.useEffect(() => {
    endRef.current?.scrollIntoView({ block: "end" });
  }, [versions.length, live?.explanation, live?.phase, live?.code.length]);
  return (
    <div className="cg-panel-conversation" data-testid="cg-panel-conversation">
      {versions.length === 0 && !live ? (
        <p className="cg-panel-empty">No versions yet.</p>
      ) : (
        <ol className="cg-panel-exchanges">
          {versions.map((version) => (
            <VersionExchange key={version.number} version={version} route={routes[version.number] ?? ""} />
          ))}
          {live ? <LiveExchange generation={live} /> : null}
        </ol>
      )}
      <div ref={endRef} />
    </div>
  );
}
