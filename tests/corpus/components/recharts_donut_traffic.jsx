// expect: Traffic sources
// expect: Organic search
// expect: 24,600 visits
// libs: recharts
import { useState } from "react";
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";

const SOURCES = [
  { name: "Organic search", value: 9800, color: "#10b981" },
  { name: "Direct", value: 6200, color: "#3b82f6" },
  { name: "Social", value: 4100, color: "#f59e0b" },
  { name: "Referral", value: 2900, color: "#ef4444" },
  { name: "Email", value: 1600, color: "#8b5cf6" },
];

export default function TrafficDonut() {
  const [activeIndex, setActiveIndex] = useState(null);
  const total = SOURCES.reduce((acc, s) => acc + s.value, 0);
  const focus = activeIndex === null ? null : SOURCES[activeIndex];

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 rounded-2xl border bg-white p-6 md:flex-row md:items-center">
      <div className="relative h-64 w-full md:w-1/2">
        <ResponsiveContainer width="100%" height="100%">
          <PieChart>
            <Pie
              data={SOURCES}
              dataKey="value"
              nameKey="name"
              innerRadius={70}
              outerRadius={100}
              paddingAngle={2}
              onMouseEnter={(_, index) => setActiveIndex(index)}
              onMouseLeave={() => setActiveIndex(null)}
            >
              {SOURCES.map((entry, index) => (
                <Cell key={entry.name} fill={entry.color} opacity={activeIndex === null || activeIndex === index ? 1 : 0.4} />
              ))}
            </Pie>
            <Tooltip />
          </PieChart>
        </ResponsiveContainer>
        <div className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center">
          <span className="text-2xl font-bold">{(focus ? focus.value : total).toLocaleString("en-US")}</span>
          <span className="text-xs text-gray-500">{focus ? focus.name : "visits"}</span>
        </div>
      </div>
      <div className="flex-1">
        <h2 className="text-lg font-semibold">Traffic sources</h2>
        <p className="mb-4 text-sm text-gray-500">{total.toLocaleString("en-US")} visits this month</p>
        <ul className="space-y-2">
          {SOURCES.map((s) => (
            <li key={s.name} className="flex items-center justify-between text-sm">
              <span className="flex items-center gap-2">
                <span className="h-3 w-3 rounded-sm" style={{ background: s.color }} />
                {s.name}
              </span>
              <span className="tabular-nums text-gray-600">{((s.value / total) * 100).toFixed(1)}%</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
