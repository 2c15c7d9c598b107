// expect: Repositories
// expect: jupyter-componentgen
// expect: Sorted by stars
// libs: lucide
import { useMemo, useState, type ReactNode } from "react";
import { GitFork, Star } from "lucide-react";

interface Identified {
  id: string;
}

interface Column<T> {
  key: keyof T;
  label: string;
  render?: (row: T) => ReactNode;
}

interface DataListProps<T extends Identified> {
  rows: readonly T[];
  columns: Column<T>[];
  initialSort: keyof T;
  onSelect?: (row: T) => void;
}

function compare<T>(a: T, b: T, key: keyof T): number {
  const x = a[key];
  const y = b[key];
  if (typeof x === "number" && typeof y === "number") return y - x;
  return String(x).localeCompare(String(y));
}

function DataList<T extends Identified>({ rows, columns, initialSort, onSelect }: DataListProps<T>) {
  const [sortKey, setSortKey] = useState<keyof T>(initialSort);
  const sorted = useMemo(() => [...rows].sort((a, b) => compare(a, b, sortKey)), [rows, sortKey]);
  const label = columns.find((c) => c.key === sortKey)?.label.toLowerCase();

  return (
    <div>
      <p className="mb-2 text-xs text-gray-500">Sorted by {label}</p>
      <div className="divide-y rounded-lg border">
        <div className="grid grid-cols-3 bg-gray-50 px-4 py-2 text-xs font-medium uppercase text-gray-500">
          {columns.map((c) => (
            <button key={String(c.key)} onClick={() => setSortKey(c.key)} className="text-left">
              {c.label}
            </button>
          ))}
        </div>
        {sorted.map((row) => (
          <div key={row.id} onClick={() => onSelect?.(row)} className="grid cursor-pointer grid-cols-3 px-4 py-2 text-sm hover:bg-gray-50">
            {columns.map((c) => (
              <span key={String(c.key)}>{c.render ? c.render(row) : String(row[c.key])}</span>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

type Repo = Identified & { name: string; stars: number; forks: number };

const REPOS = [
  { id: "1", name: "jupyter-componentgen", stars: 1280, forks: 96 },
  { id: "2", name: "notebook-themes", stars: 430, forks: 51 },
  { id: "3", name: "kernel-gateway-lite", stars: 2210, forks: 188 },
  { id: "4", name: "cell-diff", stars: 77, forks: 9 },
] as const satisfies readonly Repo[];

export default function RepoList() {
  const [picked, setPicked] = useState<Repo | null>(null);
  return (
    <div className="mx-auto max-w-lg p-6">
      <h2 className="text-xl font-semibold">Repositories</h2>
      <DataList<Repo>
        rows={REPOS}
        initialSort="stars"
        onSelect={setPicked}
        columns={[
          { key: "name", label: "Name" },
          { key: "stars", label: "Stars", render: (r) => <span className="flex items-center gap-1"><Star className="h-3 w-3" />{r.stars}</span> },
          { key: "forks", label: "Forks", render: (r) => <span className="flex items-center gap-1"><GitFork className="h-3 w-3" />{r.forks}</span> },
        ]}
      />
      {picked && <p className="mt-3 text-sm">Picked {picked.name}</p>}
    </div>
  );
}
