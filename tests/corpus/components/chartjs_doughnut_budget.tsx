// expect: Monthly spending
// expect: Housing
// expect: $3,450 spent
// libs: chart.js
import { ArcElement, Chart as ChartJS, Legend, Tooltip, type ChartOptions } from "chart.js";
import { Doughnut } from "react-chartjs-2";

ChartJS.register(ArcElement, Tooltip, Legend);

interface Category {
  name: string;
  amount: number;
  color: string;
}

const categories: Category[] = [
  { name: "Housing", amount: 1500, color: "#6366f1" },
  { name: "Food", amount: 620, color: "#22c55e" },
  { name: "Transport", amount: 280, color: "#f59e0b" },
  { name: "Leisure", amount: 450, color: "#ec4899" },
  { name: "Savings", amount: 600, color: "#0ea5e9" },
];

const options: ChartOptions<"doughnut"> = {
  cutout: "68%",
  plugins: {
    legend: { display: false },
    tooltip: { callbacks: { label: (ctx) => ` $${ctx.parsed}` } },
  },
};

export default function SpendingDoughnut() {
  const total = categories.reduce((s, c) => s + c.amount, 0);
  const data = {
    labels: categories.map((c) => c.name),
    datasets: [
      {
        data: categories.map((c) => c.amount),
        backgroundColor: categories.map((c) => c.color),
        borderWidth: 0,
      },
    ],
  };

  return (
    <div className="mx-auto flex max-w-xl items-center gap-8 rounded-2xl bg-white p-6 shadow">
      <div className="relative h-48 w-48">
        <Doughnut data={data} options={options} />
        <div className="absolute inset-0 flex flex-col items-center justify-center">
          <span className="text-xl font-bold">${total.toLocaleString("en-US")}</span>
          <span className="text-xs text-gray-500">spent</span>
        </div>
      </div>
      <div className="flex-1">
        <h2 className="mb-1 text-lg font-semibold">Monthly spending</h2>
        <p className="mb-3 text-sm text-gray-500">${total.toLocaleString("en-US")} spent in May</p>
        <ul className="space-y-1.5">
          {categories.map((c) => (
            <li key={c.name} className="flex items-center justify-between text-sm">
              <span className="flex items-center gap-2">
                <span className="h-2.5 w-2.5 rounded-full" style={{ backgroundColor: c.color }} />
                {c.name}
              </span>
              <span className="text-gray-600">${c.amount}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
