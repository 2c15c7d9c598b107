/** Short texts for the panel: when, who, how many tokens, how much. */
import { costText, formatCount } from "../stream/format";
import type { Usage } from "./messages";
import type { ComponentSummary, FailureInfo, VersionInfo } from "./rest";

/** "just now", "5 min ago", "3 h ago", else the date. `at` in ms since the epoch. */
export function whenText(at: number, now = Date.now()): string {
  const seconds = Math.max(0, (now - at) / 1000);
  if (seconds < 45) return "just now";
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(at).toLocaleDateString(undefined, { month: "short", day: "numeric", year: "numeric" });
}

export function usageText(usage: Usage | null | undefined): string {
  if (!usage) return "";
  const parts: string[] = [];
  if (usage.input_tokens || usage.output_tokens) {
    parts.push(`${formatCount(usage.input_tokens)} in · ${formatCount(usage.output_tokens)} out`);
  }
  const cost = costText({ cost: usage.cost ?? null });
  if (cost && (usage.input_tokens || usage.output_tokens)) parts.push(cost);
  return parts.join(" · ");
}

/** Who made a version: the model's name, or "you" for code saved by a person. */
export function authorText(version: VersionInfo): string {
  return version.author === "user" ? "you" : (version.model ?? "model");
}

export function versionTime(version: VersionInfo): number {
  const at = Date.parse(version.created_at);
  return Number.isNaN(at) ? 0 : at;
}

/** Why a generation left no version, briefly: "cancelled", or the error's message. */
export function failureText(failure: FailureInfo): string {
  if (failure.code === "cancelled") return "cancelled";
  const message = failure.message.trim().replace(/\.$/, "");
  return message ? `failed: ${message}` : "failed";
}

/** The list's second line for a component: its model (or who wrote it), or why it has no version yet. */
export function componentSubtitle(component: ComponentSummary, hasVersion: boolean): string {
  if (!hasVersion) {
    const failure = component.last_failure;
    return failure ? `no version yet — ${failureText(failure)}` : "no version yet";
  }
  return component.model ?? "written by hand";
}
