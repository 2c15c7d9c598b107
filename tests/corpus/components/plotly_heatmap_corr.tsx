// expect: Feature correlation
// expect: Strongest pair: price & sqft
// libs: plotly
import Plot from "react-plotly.js";
import type { Data, Layout } from "plotly.js";

const FEATURES = ["price", "sqft", "bedrooms", "age", "distance"];

const MATRIX: number[][] = [
  [1.0, 0.86, 0.52, -0.31, -0.44],
  [0.86, 1.0, 0.71, -0.12, -0.2],
  [0.52, 0.71, 1.0, 0.05, -0.08],
  [-0.31, -0.12, 0.05, 1.0, 0.27],
  [-0.44, -0.2, -0.08, 0.27, 1.0],
];

function strongestPair(): [string, string, number] {
  let best: [string, string, number] = ["", "", 0];
  MATRIX.forEach((row, i) =>
    row.forEach((v, j) => {
      if (i < j && Math.abs(v) > Math.abs(best[2])) best = [FEATURES[i], FEATURES[j], v];
    })
  );
  return best;
}

export default function CorrelationHeatmap() {
  const [a, b, value] = strongestPair();

  const data: Data[] = [
    {
      z: MATRIX,
      x: FEATURES,
      y: FEATURES,
      type: "heatmap",
      colorscale: "RdBu",
      zmin: -1,
      zmax: 1,
      text: MATRIX.map((row) => row.map((v) => v.toFixed(2))) as unknown as string[],
      texttemplate: "%{text}",
      hovertemplate: "%{y} × %{x}: %{z:.2f}<extra></extra>",
    },
  ];

  const layout: Partial<Layout> = {
    width: 520,
    height: 460,
    margin: { l: 80, r: 20, t: 30, b: 80 },
    yaxis: { autorange: "reversed" },
  };

  return (
    <div className="p-4">
      <h2 className="text-xl font-bold">Feature correlation</h2>
      <p className="mb-2 text-sm text-slate-500">
        Strongest pair: {a} &amp; {b} ({value.toFixed(2)})
      </p>
      <Plot data={data} layout={layout} config={{ displayModeBar: false }} />
    </div>
  );
}
