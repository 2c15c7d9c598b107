// expect: is not a registered scale
// libs: chart.js
// adversarial: error
import { useState } from "react";
import { Bar } from "react-chartjs-2";

// Tree-shaken chart.js: nothing was registered, so the category scale this bar chart needs is missing.
const LABELS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const STEPS = [8200, 10400, 7600, 12100, 9800, 15300, 4300];

export default function StepsChart() {
  const [goal, setGoal] = useState(10000);
  const met = STEPS.filter((s) => s >= goal).length;

  const data = {
    labels: LABELS,
    datasets: [
      {
        label: "Steps",
        data: STEPS,
        backgroundColor: STEPS.map((s) => (s >= goal ? "#22c55e" : "#cbd5e1")),
        borderRadius: 6,
      },
    ],
  };

  const options = {
    responsive: true,
    plugins: { legend: { display: false } },
    scales: { y: { beginAtZero: true } },
  };

  return (
    <div className="mx-auto max-w-xl rounded-xl border p-5">
      <div className="mb-3 flex items-center justify-between">
        <h2 className="text-lg font-semibold">Steps this week</h2>
        <span className="text-sm text-gray-500">
          Goal met {met} of {STEPS.length} days
        </span>
      </div>
      <Bar data={data} options={options} />
      <label className="mt-4 flex items-center gap-3 text-sm">
        Daily goal
        <input
          type="range"
          min={5000}
          max={15000}
          step={500}
          value={goal}
          onChange={(e) => setGoal(Number(e.target.value))}
        />
        {goal.toLocaleString("en-US")}
      </label>
    </div>
  );
}
