// expect: Temperature trend
// expect: Berlin vs Madrid
// libs: chart.js
import React, { useMemo, useState } from "react";
import {
  Chart as ChartJS,
  CategoryScale,
  LinearScale,
  PointElement,
  LineElement,
  Title,
  Tooltip,
  Legend,
  Filler,
} from "chart.js";
import { Line } from "react-chartjs-2";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Title, Tooltip, Legend, Filler);

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const BERLIN = [1, 2, 5, 10, 14, 18, 20, 19, 15, 10, 5, 2];
const MADRID = [6, 8, 11, 13, 17, 23, 26, 26, 21, 16, 10, 7];

export default function TemperatureTrend() {
  const [fill, setFill] = useState(true);

  const data = useMemo(
    () => ({
      labels: MONTHS,
      datasets: [
        {
          label: "Berlin",
          data: BERLIN,
          borderColor: "rgb(59, 130, 246)",
          backgroundColor: "rgba(59, 130, 246, 0.2)",
          fill,
          tension: 0.35,
        },
        {
          label: "Madrid",
          data: MADRID,
          borderColor: "rgb(234, 88, 12)",
          backgroundColor: "rgba(234, 88, 12, 0.2)",
          fill,
          tension: 0.35,
        },
      ],
    }),
    [fill]
  );

  const options = {
    responsive: true,
    maintainAspectRatio: false,
    plugins: {
      legend: { position: "top" },
      title: { display: true, text: "Average monthly high (°C)" },
    },
    scales: { y: { beginAtZero: true } },
  };

  return (
    <div className="rounded-xl border bg-white p-5">
      <div className="mb-3 flex items-center justify-between">
        <div>
          <h2 className="text-lg font-semibold">Temperature trend</h2>
          <p className="text-sm text-gray-500">Berlin vs Madrid</p>
        </div>
        <button onClick={() => setFill((f) => !f)} className="rounded border px-3 py-1 text-sm">
          {fill ? "Lines only" : "Fill areas"}
        </button>
      </div>
      <div className="h-72">
        <Line data={data} options={options} />
      </div>
    </div>
  );
}
