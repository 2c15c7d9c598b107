/** Words of the cell's error box: which errors a Fix can act on, where a finding is, what stays on screen. */

/** Errors a Fix can act on (the kernel checks again before it asks the model). */
export const FIXABLE_ERROR_PHASES: ReadonlySet<string> = new Set(["compile", "runtime", "import", "blocked"]);

/** Where a finding is, as editors and the command line print it: `line:column`, both 1-based. */
export function findingLocation(finding: { line: number; column: number }): string {
  return `${finding.line}:${finding.column + 1}`;
}

export function countText(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** What stays on screen when a generation's code was blocked. */
export function currentVersionNote(version: number | null): string {
  return version
    ? `Nothing of it ran. Version ${version} is still current; it is the one shown below.`
    : "Nothing of it ran, and this component has no version yet.";
}
