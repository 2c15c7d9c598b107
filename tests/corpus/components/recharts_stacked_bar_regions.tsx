// expect: Sales by region
// expect: EMEA
// expect: Q4
// libs: recharts
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

interface QuarterRow {
  quarter: string;
  Americas: number;
  EMEA: number;
  APAC: number;
}

const rows: QuarterRow[] = [
  { quarter: "Q1", Americas: 120, EMEA: 90, APAC: 45 },
  { quarter: "Q2", Americas: 135, EMEA: 96, APAC: 60 },
  { quarter: "Q3", Americas: 128, EMEA: 110, APAC: 72 },
  { quarter: "Q4", Americas: 160, EMEA: 121, APAC: 88 },
];

const REGIONS = [
  { key: "Americas", color: "#0ea5e9" },
  { key: "EMEA", color: "#8b5cf6" },
  { key: "APAC", color: "#f97316" },
] as const;

type Mode = "stacked" | "grouped";

export default function RegionSales() {
  const [mode, setMode] = useState<Mode>("stacked");

  const totals = rows.map((r) => r.Americas + r.EMEA + r.APAC);
  const best = rows[totals.indexOf(Math.max(...totals))].quarter;

  return (
    <div className="rounded-lg border p-5">
      <div className="mb-3 flex items-center justify-between">
        <div>
          <h3 className="text-lg font-semibold">Sales by region</h3>
          <p className="text-xs text-gray-500">Units in thousands · best quarter {best}</p>
        </div>
        <div className="flex rounded-md border text-sm">
          {(["stacked", "grouped"] as Mode[]).map((m) => (
            <button
              key={m}
              onClick={() => setMode(m)}
              className={`px-3 py-1 capitalize ${mode === m ? "bg-gray-900 text-white" : "text-gray-600"}`}
            >
              {m}
            </button>
          ))}
        </div>
      </div>
      <div style={{ width: "100%", height: 300 }}>
        <ResponsiveContainer>
          <BarChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="quarter" />
            <YAxis />
            <Tooltip />
            <Legend />
            {REGIONS.map((r) => (
              <Bar
                key={r.key}
                dataKey={r.key}
                fill={r.color}
                stackId={mode === "stacked" ? "a" : undefined}
                radius={mode === "grouped" ? [4, 4, 0, 0] : undefined}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
