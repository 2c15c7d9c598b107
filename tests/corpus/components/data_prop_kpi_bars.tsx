// expect: Revenue by quarter
// expect: Q3
// expect: Total $1.46M
// libs: recharts
import { useMemo, useState } from "react";
import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

interface Row {
  region: string;
  quarter: string;
  revenue: number;
}

interface Props {
  data?: Row[];
  columns?: { name: string; dtype: string }[];
  emit?: (name: string, payload: unknown) => void;
}

const FALLBACK: Row[] = [
  { region: "North", quarter: "Q1", revenue: 180000 },
  { region: "South", quarter: "Q1", revenue: 150000 },
  { region: "North", quarter: "Q2", revenue: 210000 },
  { region: "South", quarter: "Q2", revenue: 160000 },
  { region: "North", quarter: "Q3", revenue: 240000 },
  { region: "South", quarter: "Q3", revenue: 175000 },
  { region: "North", quarter: "Q4", revenue: 190000 },
  { region: "South", quarter: "Q4", revenue: 155000 },
];

export default function QuarterlyRevenue({ data = FALLBACK, emit }: Props) {
  const [region, setRegion] = useState<string>("All");
  const regions = useMemo(() => ["All", ...Array.from(new Set(data.map((r) => r.region)))], [data]);

  const byQuarter = useMemo(() => {
    const totals = new Map<string, number>();
    for (const row of data) {
      if (region !== "All" && row.region !== region) continue;
      totals.set(row.quarter, (totals.get(row.quarter) ?? 0) + row.revenue);
    }
    return Array.from(totals, ([quarter, revenue]) => ({ quarter, revenue }));
  }, [data, region]);

  const total = byQuarter.reduce((sum, q) => sum + q.revenue, 0);
  const best = byQuarter.reduce((a, b) => (b.revenue > a.revenue ? b : a), byQuarter[0]);

  return (
    <div className="rounded-xl border p-5">
      <div className="mb-4 flex items-center justify-between">
        <div>
          <h2 className="text-lg font-semibold">Revenue by quarter</h2>
          <p className="text-sm text-gray-500">Total ${(total / 1e6).toFixed(2)}M · best {best?.quarter}</p>
        </div>
        <select
          value={region}
          onChange={(e) => {
            setRegion(e.target.value);
            emit?.("region", e.target.value);
          }}
          className="rounded-md border px-2 py-1 text-sm"
        >
          {regions.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </div>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={byQuarter}>
          <XAxis dataKey="quarter" />
          <YAxis tickFormatter={(v: number) => `${v / 1000}k`} />
          <Tooltip formatter={(v: number) => `$${v.toLocaleString("en-US")}`} />
          <Bar dataKey="revenue" radius={[6, 6, 0, 0]} onClick={(d: { quarter?: string }) => emit?.("quarter", d.quarter)}>
            {byQuarter.map((q) => (
              <Cell key={q.quarter} fill={q.quarter === best?.quarter ? "#16a34a" : "#94a3b8"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
