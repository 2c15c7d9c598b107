// expect: Commits per hour
// expect: Wed
// expect: Busiest slot: Tue 14:00
// libs: d3
import { useEffect, useMemo, useRef } from "react";
import * as d3 from "d3";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const HOURS = d3.range(8, 20);

type Cell = { day: string; hour: number; commits: number };

function buildCells(): Cell[] {
  return DAYS.flatMap((day, d) =>
    HOURS.map((hour) => ({
      day,
      hour,
      commits: d >= 5 ? (hour % 5) : Math.round(10 + 8 * Math.sin((hour - 8) / 3) + (d === 1 && hour === 14 ? 12 : 0)),
    }))
  );
}

export default function CommitHeatmap() {
  const axisRef = useRef<SVGGElement>(null);
  const cells = useMemo(buildCells, []);
  const cell = 34;
  const left = 44;
  const top = 24;

  const x = d3.scaleBand<number>().domain(HOURS).range([left, left + HOURS.length * cell]).padding(0.06);
  const y = d3.scaleBand<string>().domain(DAYS).range([top, top + DAYS.length * cell]).padding(0.06);
  const max = d3.max(cells, (c) => c.commits) ?? 1;
  const color = d3.scaleSequential(d3.interpolateYlGnBu).domain([0, max]);
  const busiest = cells.reduce((a, b) => (b.commits > a.commits ? b : a));

  useEffect(() => {
    if (!axisRef.current) return;
    const g = d3.select(axisRef.current);
    g.selectAll("*").remove();
    g.append("g").attr("transform", `translate(0,${top - 4})`).call(d3.axisTop(x).tickFormat((h) => `${h}h`).tickSize(0)).select(".domain").remove();
    g.append("g").attr("transform", `translate(${left - 4},0)`).call(d3.axisLeft(y).tickSize(0)).select(".domain").remove();
  }, [x, y]);

  return (
    <div className="p-4">
      <h2 className="text-lg font-semibold">Commits per hour</h2>
      <p className="mb-2 text-sm text-gray-500">
        Busiest slot: {busiest.day} {busiest.hour}:00
      </p>
      <svg width={left + HOURS.length * cell + 10} height={top + DAYS.length * cell + 10}>
        {cells.map((c) => (
          <rect
            key={`${c.day}-${c.hour}`}
            x={x(c.hour)}
            y={y(c.day)}
            width={x.bandwidth()}
            height={y.bandwidth()}
            rx={4}
            fill={color(c.commits)}
          >
            <title>{`${c.day} ${c.hour}:00 — ${c.commits} commits`}</title>
          </rect>
        ))}
        <g ref={axisRef} className="text-xs text-gray-600" />
      </svg>
    </div>
  );
}
