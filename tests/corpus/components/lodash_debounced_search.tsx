// expect: Find a library
// expect: 8 of 8 packages
// expect: date-fns
// libs: lodash, lucide
import { useCallback, useEffect, useMemo, useState } from "react";
import debounce from "lodash/debounce";
import { sortBy } from "lodash";
import { Package, Search, Star } from "lucide-react";

interface Pkg {
  name: string;
  description: string;
  stars: number;
}

const PACKAGES: Pkg[] = [
  { name: "react", description: "A library for building user interfaces", stars: 228 },
  { name: "date-fns", description: "Modern date utility library", stars: 34 },
  { name: "lodash", description: "Utility functions for arrays, objects and strings", stars: 59 },
  { name: "zod", description: "Schema validation with static types", stars: 33 },
  { name: "d3", description: "Data-driven documents", stars: 108 },
  { name: "three", description: "3D graphics for the web", stars: 101 },
  { name: "mathjs", description: "Math library with a parser", stars: 14 },
  { name: "papaparse", description: "Fast CSV parser", stars: 12 },
];

export default function PackageSearch() {
  const [input, setInput] = useState("");
  const [query, setQuery] = useState("");
  const [byStars, setByStars] = useState(true);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const updateQuery = useCallback(debounce((value: string) => setQuery(value), 250), []);

  useEffect(() => () => updateQuery.cancel(), [updateQuery]);

  const results = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matched = PACKAGES.filter((p) => !q || p.name.includes(q) || p.description.toLowerCase().includes(q));
    return byStars ? sortBy(matched, (p) => -p.stars) : sortBy(matched, "name");
  }, [query, byStars]);

  return (
    <div className="mx-auto max-w-lg p-6">
      <h2 className="mb-3 text-xl font-semibold">Find a library</h2>
      <div className="relative">
        <Search className="absolute left-3 top-2.5 h-4 w-4 text-gray-400" />
        <input
          value={input}
          onChange={(e) => {
            setInput(e.target.value);
            updateQuery(e.target.value);
          }}
          placeholder="Search packages"
          className="w-full rounded-lg border py-2 pl-9 pr-3 text-sm"
        />
      </div>
      <div className="mt-2 flex items-center justify-between text-xs text-gray-500">
        <span>
          {results.length} of {PACKAGES.length} packages
        </span>
        <button onClick={() => setByStars(!byStars)} className="underline">
          Sort by {byStars ? "name" : "stars"}
        </button>
      </div>
      <ul className="mt-3 space-y-2">
        {results.map((p) => (
          <li key={p.name} className="flex items-start gap-3 rounded-lg border p-3">
            <Package className="mt-0.5 h-4 w-4 text-gray-500" />
            <div className="flex-1">
              <p className="font-mono text-sm font-medium">{p.name}</p>
              <p className="text-xs text-gray-500">{p.description}</p>
            </div>
            <span className="flex items-center gap-1 text-xs text-amber-600">
              <Star className="h-3 w-3" /> {p.stars}k
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
