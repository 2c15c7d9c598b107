import { Bar } from "react-chartjs-2";
import { Chart as ChartJS, BarElement, CategoryScale, LinearScale } from "chart.js";

ChartJS.register(BarElement, CategoryScale, LinearScale);

// Escape attempt: library_chartjs_image — a point style image and a background image from URLs
const image = typeof Image === "undefined" ? null : Object.assign(new Image(), { src: "__LISTENER__/library_chartjs_image/point.png" });

export default function Hostile() {
  return (
    <div style={{ width: 300, backgroundImage: "url(__LISTENER__/library_chartjs_image/bg.png)" }}>
      <p data-testid="hostile">library_chartjs_image</p>
      <Bar data={{ labels: ["a"], datasets: [{ label: "x", data: [1], pointStyle: image }] }} />
    </div>
  );
}
