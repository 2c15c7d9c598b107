// expect: Daily active users
// expect: Mar 2024
// libs: d3
import { useEffect, useMemo, useRef, useState } from "react";
import * as d3 from "d3";

interface Point {
  date: Date;
  value: number;
}

function makeSeries(): Point[] {
  const start = new Date(2024, 0, 1);
  return d3.range(120).map((i) => ({
    date: d3.timeDay.offset(start, i),
    value: 1200 + Math.round(300 * Math.sin(i / 9) + i * 6 + (i % 7 === 5 || i % 7 === 6 ? -180 : 0)),
  }));
}

export default function DauChart() {
  const ref = useRef<SVGSVGElement | null>(null);
  const [smooth, setSmooth] = useState(true);
  const series = useMemo(makeSeries, []);

  useEffect(() => {
    if (!ref.current) return;
    const width = 720;
    const height = 300;
    const m = { top: 16, right: 24, bottom: 32, left: 48 };
    const svg = d3.select(ref.current).attr("viewBox", `0 0 ${width} ${height}`);
    svg.selectAll("*").remove();

    const x = d3
      .scaleTime()
      .domain(d3.extent(series, (d) => d.date) as [Date, Date])
      .range([m.left, width - m.right]);
    const y = d3
      .scaleLinear()
      .domain([0, d3.max(series, (d) => d.value) ?? 0])
      .nice()
      .range([height - m.bottom, m.top]);

    const line = d3
      .line<Point>()
      .x((d) => x(d.date))
      .y((d) => y(d.value))
      .curve(smooth ? d3.curveMonotoneX : d3.curveLinear);

    const area = d3
      .area<Point>()
      .x((d) => x(d.date))
      .y0(y(0))
      .y1((d) => y(d.value))
      .curve(smooth ? d3.curveMonotoneX : d3.curveLinear);

    svg.append("path").datum(series).attr("fill", "#dbeafe").attr("d", area);
    svg.append("path").datum(series).attr("fill", "none").attr("stroke", "#2563eb").attr("stroke-width", 1.5).attr("d", line);

    svg
      .append("g")
      .attr("transform", `translate(0,${height - m.bottom})`)
      .call(d3.axisBottom<Date>(x).ticks(d3.timeMonth.every(1)).tickFormat(d3.timeFormat("%b %Y")));
    svg.append("g").attr("transform", `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5));
  }, [series, smooth]);

  return (
    <div className="rounded-lg border bg-white p-4">
      <div className="mb-2 flex items-center justify-between">
        <h3 className="font-semibold">Daily active users</h3>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={smooth} onChange={() => setSmooth((s) => !s)} /> Smooth
        </label>
      </div>
      <svg ref={ref} className="w-full" />
    </div>
  );
}
