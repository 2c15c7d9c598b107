// expect: Support tickets
// expect: Opened vs closed per week
// libs: chart.js
import { useEffect, useRef, useState } from "react";
import Chart from "chart.js/auto";

const WEEKS = ["W18", "W19", "W20", "W21", "W22", "W23", "W24", "W25"];
const OPENED = [64, 71, 58, 90, 77, 69, 85, 62];
const CLOSED = [60, 66, 63, 74, 88, 72, 80, 70];

export default function TicketsChart() {
  const canvasRef = useRef(null);
  const chartRef = useRef(null);
  const [type, setType] = useState("bar");

  useEffect(() => {
    const ctx = canvasRef.current.getContext("2d");
    chartRef.current = new Chart(ctx, {
      type,
      data: {
        labels: WEEKS,
        datasets: [
          { label: "Opened", data: OPENED, backgroundColor: "#f87171", borderColor: "#f87171" },
          { label: "Closed", data: CLOSED, backgroundColor: "#34d399", borderColor: "#34d399" },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: "index", intersect: false },
        scales: { y: { beginAtZero: true, title: { display: true, text: "Tickets" } } },
      },
    });
    return () => {
      chartRef.current?.destroy();
      chartRef.current = null;
    };
  }, [type]);

  const backlog = OPENED.reduce((a, b) => a + b, 0) - CLOSED.reduce((a, b) => a + b, 0);

  return (
    <div className="rounded-lg border p-4">
      <div className="mb-2 flex items-center justify-between">
        <div>
          <h3 className="font-semibold">Support tickets</h3>
          <p className="text-xs text-gray-500">Opened vs closed per week · backlog {backlog >= 0 ? "+" : ""}{backlog}</p>
        </div>
        <div className="flex gap-1 text-sm">
          {["bar", "line"].map((t) => (
            <button
              key={t}
              onClick={() => setType(t)}
              className={`rounded px-2 py-1 ${type === t ? "bg-gray-800 text-white" : "bg-gray-100"}`}
            >
              {t}
            </button>
          ))}
        </div>
      </div>
      <div style={{ position: "relative", height: 280 }}>
        <canvas ref={canvasRef} />
      </div>
    </div>
  );
}
