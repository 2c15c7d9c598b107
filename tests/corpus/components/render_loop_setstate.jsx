// expect: Too many re-renders
// libs: lucide
// adversarial: error
import { useState } from "react";
import { Filter, ListChecks } from "lucide-react";

const ISSUES = [
  { id: 101, title: "Export fails for empty sheets", state: "open", label: "bug" },
  { id: 102, title: "Add dark mode to settings", state: "open", label: "feature" },
  { id: 103, title: "Typo on pricing page", state: "closed", label: "docs" },
  { id: 104, title: "Slow search on large workspaces", state: "open", label: "performance" },
  { id: 105, title: "Broken link in footer", state: "closed", label: "bug" },
];

export default function IssueList() {
  const [filter, setFilter] = useState("all");

  const shown = ISSUES.filter((i) => filter === "all" || i.state === filter);

  return (
    <div className="mx-auto max-w-xl p-6">
      <div className="mb-4 flex items-center justify-between">
        <h2 className="flex items-center gap-2 text-lg font-semibold">
          <ListChecks className="h-5 w-5" /> Issues
        </h2>
        <div className="flex items-center gap-1 text-sm">
          <Filter className="h-4 w-4 text-gray-400" />
          {/* The handler is called while rendering instead of being passed: each call sets state again. */}
          <button onClick={setFilter("all")} className="rounded px-2 py-1 hover:bg-gray-100">All</button>
          <button onClick={setFilter("open")} className="rounded px-2 py-1 hover:bg-gray-100">Open</button>
          <button onClick={setFilter("closed")} className="rounded px-2 py-1 hover:bg-gray-100">Closed</button>
        </div>
      </div>
      <ul className="divide-y rounded-lg border">
        {shown.map((issue) => (
          <li key={issue.id} className="flex items-center justify-between p-3 text-sm">
            <span>
              <span className="mr-2 text-gray-400">#{issue.id}</span>
              {issue.title}
            </span>
            <span className="rounded-full bg-gray-100 px-2 py-0.5 text-xs">{issue.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
