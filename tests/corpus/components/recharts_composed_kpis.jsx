// expect: Marketing performance
// expect: Spend
// expect: ROAS 3.4x
// libs: recharts, lucide
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DollarSign, MousePointer, Percent, ShoppingCart } from "lucide-react";

const weeks = [
  { week: "Wk 1", spend: 1200, conversions: 84, cpa: 14.3 },
  { week: "Wk 2", spend: 1350, conversions: 97, cpa: 13.9 },
  { week: "Wk 3", spend: 1100, conversions: 88, cpa: 12.5 },
  { week: "Wk 4", spend: 1600, conversions: 121, cpa: 13.2 },
  { week: "Wk 5", spend: 1750, conversions: 140, cpa: 12.5 },
  { week: "Wk 6", spend: 1500, conversions: 131, cpa: 11.5 },
];

const cards = [
  { label: "Spend", value: "$8,500", icon: DollarSign },
  { label: "Clicks", value: "21,904", icon: MousePointer },
  { label: "Conversions", value: "661", icon: ShoppingCart },
  { label: "CVR", value: "3.0%", icon: Percent },
];

export default function MarketingPerformance() {
  return (
    <div className="space-y-5 p-6">
      <div className="flex items-center justify-between">
        <h2 className="text-2xl font-semibold tracking-tight">Marketing performance</h2>
        <span className="rounded-full bg-emerald-100 px-3 py-1 text-sm font-medium text-emerald-700">ROAS 3.4x</span>
      </div>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {cards.map(({ label, value, icon: Icon }) => (
          <div key={label} className="flex items-center gap-3 rounded-lg border bg-white p-4">
            <div className="rounded-md bg-slate-100 p-2">
              <Icon className="h-5 w-5 text-slate-700" />
            </div>
            <div>
              <p className="text-xs uppercase text-slate-500">{label}</p>
              <p className="text-lg font-semibold">{value}</p>
            </div>
          </div>
        ))}
      </div>
      <div className="rounded-lg border bg-white p-4">
        <ResponsiveContainer width="100%" height={300}>
          <ComposedChart data={weeks}>
            <CartesianGrid stroke="#f1f5f9" />
            <XAxis dataKey="week" />
            <YAxis yAxisId="left" />
            <YAxis yAxisId="right" orientation="right" />
            <Tooltip />
            <Legend />
            <Bar yAxisId="left" dataKey="spend" name="Spend ($)" barSize={28} fill="#94a3b8" />
            <Line yAxisId="right" type="monotone" dataKey="conversions" name="Conversions" stroke="#16a34a" strokeWidth={2} />
            <Line yAxisId="right" type="monotone" dataKey="cpa" name="CPA ($)" stroke="#dc2626" dot={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
