/** @jsxRuntime classic */
/**
 * The notebook's components: name, current version, last change, model; a running one says so, and one
 * with no version yet says why (its first generation failed or was cancelled).
 */
import * as React from "react";
import { componentSubtitle, whenText } from "./format";
import type { ComponentSummary } from "./rest";
import { hasVersion } from "./state";

export interface ComponentsListProps {
  components: ComponentSummary[];
  selected: string | null;
  /** Components with a generation under way, and its phase. */
  running: Record<string, string>;
  onSelect: (name: string) => void;
}

export function ComponentsList(props: ComponentsListProps): React.ReactElement {
  const { components, selected, running, onSelect } = props;
  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>): void => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const index = components.findIndex((c) => c.name === selected);
    const next =
      components[Math.max(0, Math.min(components.length - 1, index + (event.key === "ArrowDown" ? 1 : -1)))];
    if (next) onSelect(next.name);
  };
  return (
    <ul
      className="cg-panel-components"
      role="listbox"
      aria-label="Components"
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      {components.map((component) => {
        const phase = running[component.name];
        const made = hasVersion(component);
        const subtitle = componentSubtitle(component, made);
        return (
          <li
            key={component.name}
            role="option"
            aria-selected={component.name === selected}
            className="cg-panel-component"
            data-testid="cg-panel-component"
            data-name={component.name}
            data-has-version={made}
            onClick={() => onSelect(component.name)}
          >
            <div className="cg-panel-component-head">
              <span className="cg-panel-component-name">{component.name}</span>
              {made && component.current !== null ? (
                <span className="cg-panel-badge" data-testid="cg-panel-component-version">
                  v{component.current}
                </span>
              ) : null}
              {phase ? (
                <span className="cg-panel-running" data-phase={phase}>
                  {phase === "queued" ? "queued" : "generating…"}
                </span>
              ) : null}
            </div>
            <div
              className="cg-panel-component-sub"
              data-testid="cg-panel-component-sub"
              data-state={made ? "made" : "none"}
              title={subtitle}
            >
              {made ? `${subtitle} · ${whenText(component.updated_at * 1000)}` : subtitle}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
