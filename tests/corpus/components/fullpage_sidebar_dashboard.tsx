// expect: Dashboard
// expect: Total revenue
// expect: Revenue over time
// libs: shadcn, recharts, lucide
// layout: full-page
import { useState } from "react";
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { BarChart3, Home, Package, Settings, ShoppingCart, Users } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

const NAV = [
  { label: "Home", icon: Home },
  { label: "Orders", icon: ShoppingCart },
  { label: "Products", icon: Package },
  { label: "Customers", icon: Users },
  { label: "Analytics", icon: BarChart3 },
  { label: "Settings", icon: Settings },
];

const KPIS = [
  { label: "Total revenue", value: "$48,290", delta: "+12.5%" },
  { label: "Orders", value: "1,429", delta: "+4.1%" },
  { label: "Customers", value: "892", delta: "+8.7%" },
  { label: "Refunds", value: "23", delta: "-2.0%" },
];

const series = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"].map((month, i) => ({
  month,
  revenue: 3200 + i * 540 + (i % 3) * 410,
}));

export default function AdminDashboard() {
  const [active, setActive] = useState("Home");

  return (
    <div className="flex h-screen bg-gray-50">
      <aside className="flex w-60 flex-col border-r bg-white">
        <div className="flex h-16 items-center px-6 text-lg font-bold">Storefront</div>
        <nav className="flex-1 space-y-1 px-3">
          {NAV.map(({ label, icon: Icon }) => (
            <button
              key={label}
              onClick={() => setActive(label)}
              className={`flex w-full items-center gap-3 rounded-md px-3 py-2 text-sm ${
                active === label ? "bg-gray-100 font-medium text-gray-900" : "text-gray-600 hover:bg-gray-50"
              }`}
            >
              <Icon className="h-4 w-4" />
              {label}
            </button>
          ))}
        </nav>
        <div className="p-4 text-xs text-gray-400">v3.2.1</div>
      </aside>
      <main className="flex-1 overflow-y-auto p-8">
        <div className="mb-6 flex items-center justify-between">
          <h1 className="text-2xl font-bold">Dashboard</h1>
          <Button size="sm">Download report</Button>
        </div>
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          {KPIS.map((kpi) => (
            <Card key={kpi.label}>
              <CardHeader className="pb-2">
                <CardTitle className="text-sm font-medium text-gray-500">{kpi.label}</CardTitle>
              </CardHeader>
              <CardContent>
                <div className="text-2xl font-bold">{kpi.value}</div>
                <p className={`text-xs ${kpi.delta.startsWith("-") ? "text-red-600" : "text-emerald-600"}`}>
                  {kpi.delta} vs last month
                </p>
              </CardContent>
            </Card>
          ))}
        </div>
        <Card className="mt-6">
          <CardHeader>
            <CardTitle>Revenue over time</CardTitle>
          </CardHeader>
          <CardContent className="h-72">
            <ResponsiveContainer width="100%" height="100%">
              <AreaChart data={series}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" />
                <YAxis />
                <Tooltip />
                <Area type="monotone" dataKey="revenue" stroke="#6366f1" fill="#6366f1" fillOpacity={0.15} />
              </AreaChart>
            </ResponsiveContainer>
          </CardContent>
        </Card>
      </main>
    </div>
  );
}
