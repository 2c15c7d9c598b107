// expect: Budget allocation
// expect: Engineering
// expect: $1.2M total
// libs: d3
import { useMemo, useState } from "react";
import { arc, pie } from "d3-shape";
import { scaleOrdinal } from "d3-scale";
import { schemeTableau10 } from "d3-scale-chromatic";

const BUDGET = [
  { team: "Engineering", amount: 520000 },
  { team: "Marketing", amount: 230000 },
  { team: "Sales", amount: 210000 },
  { team: "Support", amount: 120000 },
  { team: "Operations", amount: 120000 },
];

const SIZE = 260;
const RADIUS = SIZE / 2;

export default function BudgetDonut() {
  const [hovered, setHovered] = useState(null);
  const total = BUDGET.reduce((s, d) => s + d.amount, 0);

  const slices = useMemo(() => pie().value((d) => d.amount).sort(null)(BUDGET), []);
  const color = useMemo(() => scaleOrdinal(schemeTableau10).domain(BUDGET.map((d) => d.team)), []);
  const makeArc = arc().innerRadius(RADIUS * 0.6).outerRadius(RADIUS - 4).cornerRadius(3).padAngle(0.01);
  const bigArc = arc().innerRadius(RADIUS * 0.6).outerRadius(RADIUS).cornerRadius(3).padAngle(0.01);

  return (
    <div className="flex flex-col items-center gap-6 p-6 sm:flex-row">
      <svg width={SIZE} height={SIZE} viewBox={`${-RADIUS} ${-RADIUS} ${SIZE} ${SIZE}`}>
        {slices.map((slice) => (
          <path
            key={slice.data.team}
            d={(hovered === slice.data.team ? bigArc : makeArc)(slice)}
            fill={color(slice.data.team)}
            onMouseEnter={() => setHovered(slice.data.team)}
            onMouseLeave={() => setHovered(null)}
          />
        ))}
        <text textAnchor="middle" dy="0.35em" className="fill-gray-800 text-lg font-semibold">
          ${(total / 1e6).toFixed(1)}M total
        </text>
      </svg>
      <div>
        <h2 className="mb-3 text-xl font-bold">Budget allocation</h2>
        <ul className="space-y-1.5 text-sm">
          {BUDGET.map((d) => (
            <li
              key={d.team}
              className={`flex items-center gap-2 ${hovered && hovered !== d.team ? "opacity-40" : ""}`}
            >
              <span className="h-3 w-3 rounded-sm" style={{ background: color(d.team) }} />
              <span className="w-28">{d.team}</span>
              <span className="tabular-nums text-gray-500">{Math.round((d.amount / total) * 100)}%</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
