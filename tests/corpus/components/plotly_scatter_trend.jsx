// expect: Ad spend vs. revenue
// expect: r = 0.99
// libs: plotly
import React, { useMemo } from "react";
import Plot from "react-plotly.js";

const POINTS = [
  [12, 48], [15, 60], [18, 66], [22, 80], [25, 91], [28, 97], [31, 110],
  [35, 118], [38, 131], [41, 126], [45, 149], [48, 160], [52, 158], [55, 181],
];

function linearFit(points) {
  const n = points.length;
  const sx = points.reduce((s, [x]) => s + x, 0);
  const sy = points.reduce((s, [, y]) => s + y, 0);
  const sxy = points.reduce((s, [x, y]) => s + x * y, 0);
  const sxx = points.reduce((s, [x]) => s + x * x, 0);
  const syy = points.reduce((s, [, y]) => s + y * y, 0);
  const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  const intercept = (sy - slope * sx) / n;
  const r = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
  return { slope, intercept, r };
}

export default function SpendScatter() {
  const fit = useMemo(() => linearFit(POINTS), []);
  const xs = POINTS.map((p) => p[0]);
  const ys = POINTS.map((p) => p[1]);
  const lineX = [Math.min(...xs), Math.max(...xs)];

  return (
    <div className="rounded-xl border bg-white p-4">
      <h2 className="text-lg font-semibold">Ad spend vs. revenue</h2>
      <p className="text-sm text-gray-500">
        Weekly, in $k · r = {fit.r.toFixed(2)} · slope {fit.slope.toFixed(2)}
      </p>
      <Plot
        data={[
          {
            x: xs,
            y: ys,
            type: "scatter",
            mode: "markers",
            name: "Weeks",
            marker: { color: "#6366f1", size: 10, opacity: 0.8 },
          },
          {
            x: lineX,
            y: lineX.map((x) => fit.intercept + fit.slope * x),
            type: "scatter",
            mode: "lines",
            name: "Trend",
            line: { color: "#ef4444", dash: "dash" },
          },
        ]}
        layout={{
          autosize: true,
          height: 360,
          margin: { l: 50, r: 20, t: 20, b: 50 },
          xaxis: { title: { text: "Spend ($k)" } },
          yaxis: { title: { text: "Revenue ($k)" } },
          legend: { orientation: "h", y: -0.2 },
        }}
        config={{ displayModeBar: false, responsive: true }}
        useResizeHandler
        style={{ width: "100%" }}
      />
    </div>
  );
}
