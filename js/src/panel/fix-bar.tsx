/** @jsxRuntime classic */
/**
 * What blocked or broke the selected component, and the Fix button that asks the model once to repair it:
 * a draft the static checks blocked (its findings), or the error the current version hit in a cell.
 */
import * as React from "react";
import type { Finding } from "./messages";
import type { FixOffer } from "./state";

// A frame error's text is the component's (its frame can post anything): quoted as such, and capped.
const MAX_REPORTED_CHARS = 300;

const PHASE_TITLES: Record<string, string> = {
  compile: "Compile error",
  import: "Import not allowed",
  runtime: "Runtime error",
};

/** Each finding: its rule, where (line:column, both 1-based), why, and the offending code. */
export function Findings({ findings }: { findings: Finding[] }): React.ReactElement {
  return (
    <ul className="cg-panel-findings" data-testid="cg-panel-findings" aria-label="Security findings">
      {findings.map((finding, index) => (
        <li key={index} className="cg-panel-finding" data-rule={finding.rule}>
          <div className="cg-panel-finding-head">
            <span className="cg-panel-finding-rule">{finding.rule}</span>
            <span className="cg-panel-finding-where">
              {finding.line}:{finding.column + 1}
            </span>
            <span className="cg-panel-finding-message">{finding.message}</span>
          </div>
          {finding.snippet ? <code className="cg-panel-finding-snippet">{finding.snippet}</code> : null}
        </li>
      ))}
    </ul>
  );
}

function describe(offer: FixOffer): { title: string; detail: string; reported: boolean } {
  if (offer.kind === "draft") {
    const count = offer.findings.length;
    return {
      title: "Blocked by the security checks",
      detail: `${count} finding${count === 1 ? "" : "s"}; the code was not run or saved.`,
      reported: false,
    };
  }
  const { error } = offer;
  const where = error.line !== undefined ? ` · line ${error.line}` : "";
  const line = error.message.split("\n")[0] ?? "";
  return {
    title: `${PHASE_TITLES[error.phase] ?? "Error"} in v${offer.version}${where}`,
    detail: line.length <= MAX_REPORTED_CHARS ? line : `${line.slice(0, MAX_REPORTED_CHARS - 1)}…`,
    reported: true,
  };
}

export interface FixBarProps {
  offer: FixOffer;
  offline: boolean;
  onFix: () => void;
}

export function FixBar({ offer, offline, onFix }: FixBarProps): React.ReactElement {
  const { title, detail, reported } = describe(offer);
  return (
    <div className="cg-panel-fix-bar" role="alert" data-testid="cg-panel-fix-bar" data-kind={offer.kind}>
      <div className="cg-panel-fix-text">
        <div className="cg-panel-fix-title">{title}</div>
        {reported ? (
          <div className="cg-panel-fix-detail cg-panel-reported" data-testid="cg-panel-reported">
            <span className="cg-panel-reported-label">The component reported: </span>
            <span className="cg-panel-reported-text">{detail}</span>
          </div>
        ) : (
          <div className="cg-panel-fix-detail">{detail}</div>
        )}
      </div>
      <button
        type="button"
        className="jp-Button jp-mod-styled jp-mod-accept"
        data-testid="cg-panel-fix"
        title="Send the code and what went wrong to the model, once, and save its fix as a new version"
        disabled={offline}
        onClick={onFix}
      >
        Fix
      </button>
    </div>
  );
}
