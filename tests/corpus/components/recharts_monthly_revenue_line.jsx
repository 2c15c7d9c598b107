// expect: Monthly Revenue
// expect: 2024 vs 2023
// expect: Mar
// libs: recharts
import React, { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const data = [
  { month: "Jan", y2023: 4000, y2024: 4400 },
  { month: "Feb", y2023: 3000, y2024: 3900 },
  { month: "Mar", y2023: 5000, y2024: 6100 },
  { month: "Apr", y2023: 4780, y2024: 5200 },
  { month: "May", y2023: 5890, y2024: 6800 },
  { month: "Jun", y2023: 4390, y2024: 5900 },
  { month: "Jul", y2023: 4490, y2024: 6300 },
  { month: "Aug", y2023: 5200, y2024: 7100 },
  { month: "Sep", y2023: 6100, y2024: 7600 },
];

const money = (v) => `$${(v / 1000).toFixed(1)}k`;

const MonthlyRevenue = () => {
  const [showLastYear, setShowLastYear] = useState(true);
  const total = data.reduce((sum, d) => sum + d.y2024, 0);
  const growth = ((total / data.reduce((sum, d) => sum + d.y2023, 0) - 1) * 100).toFixed(1);

  return (
    <div className="w-full rounded-xl bg-white p-6 shadow">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 className="text-xl font-bold text-gray-800">Monthly Revenue</h2>
          <p className="text-sm text-gray-500">2024 vs 2023 · {money(total)} year to date (+{growth}%)</p>
        </div>
        <label className="flex items-center gap-2 text-sm text-gray-600">
          <input type="checkbox" checked={showLastYear} onChange={(e) => setShowLastYear(e.target.checked)} />
          Compare with last year
        </label>
      </div>
      <ResponsiveContainer width="100%" height={320}>
        <LineChart data={data} margin={{ top: 5, right: 20, left: 0, bottom: 5 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#eee" />
          <XAxis dataKey="month" />
          <YAxis tickFormatter={money} />
          <Tooltip formatter={(value) => money(value)} />
          <Legend />
          <Line type="monotone" dataKey="y2024" name="2024" stroke="#2563eb" strokeWidth={2} dot={{ r: 3 }} />
          {showLastYear && (
            <Line type="monotone" dataKey="y2023" name="2023" stroke="#94a3b8" strokeDasharray="5 5" />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
};

export default MonthlyRevenue;
