import Plot from "react-plotly.js";

// Escape attempt: library_plotly_topojson — a geo plot makes plotly fetch its map data from a URL
export default function Hostile() {
  return (
    <div>
      <p data-testid="hostile">library_plotly_topojson</p>
      <Plot
        data={[{ type: "scattergeo", lon: [0], lat: [0], mode: "markers" }]}
        layout={{ width: 320, height: 240, geo: { scope: "world" } }}
        config={{ topojsonURL: "__LISTENER__/library_plotly_topojson/" }}
      />
    </div>
  );
}
