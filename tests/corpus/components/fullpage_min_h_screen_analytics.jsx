// expect: Traffic overview
// expect: Page views
// expect: Top pages
// libs: recharts, lucide
// layout: full-page
import React from "react";
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis } from "recharts";
import { Eye, MousePointerClick, Timer, TrendingUp } from "lucide-react";

const daily = [
  { day: "Mon", views: 4200 },
  { day: "Tue", views: 5100 },
  { day: "Wed", views: 4800 },
  { day: "Thu", views: 6100 },
  { day: "Fri", views: 5900 },
  { day: "Sat", views: 3100 },
  { day: "Sun", views: 2800 },
];

const pages = [
  { path: "/pricing", views: 8120 },
  { path: "/docs/getting-started", views: 6210 },
  { path: "/blog/launch", views: 4330 },
  { path: "/", views: 3980 },
];

function Stat({ icon: Icon, label, value, tint }) {
  return (
    <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-100">
      <div className={`mb-3 inline-flex rounded-lg p-2 ${tint}`}>
        <Icon className="h-5 w-5" />
      </div>
      <p className="text-sm text-gray-500">{label}</p>
      <p className="text-2xl font-semibold text-gray-900">{value}</p>
    </div>
  );
}

export default function TrafficOverview() {
  const total = daily.reduce((s, d) => s + d.views, 0);
  return (
    <div className="min-h-screen bg-gray-50 p-8">
      <header className="mb-8">
        <h1 className="text-3xl font-bold text-gray-900">Traffic overview</h1>
        <p className="text-gray-500">Last 7 days</p>
      </header>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat icon={Eye} label="Page views" value={total.toLocaleString("en-US")} tint="bg-indigo-50 text-indigo-600" />
        <Stat icon={MousePointerClick} label="Click-through" value="3.8%" tint="bg-emerald-50 text-emerald-600" />
        <Stat icon={Timer} label="Avg. time" value="2m 41s" tint="bg-amber-50 text-amber-600" />
        <Stat icon={TrendingUp} label="Growth" value="+14%" tint="bg-rose-50 text-rose-600" />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-100 lg:col-span-2">
          <h2 className="mb-4 font-semibold">Views per day</h2>
          <div className="h-56">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={daily}>
                <XAxis dataKey="day" axisLine={false} tickLine={false} />
                <Tooltip />
                <Bar dataKey="views" fill="#4f46e5" radius={[6, 6, 0, 0]} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </div>
        <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-100">
          <h2 className="mb-4 font-semibold">Top pages</h2>
          <ol className="space-y-3 text-sm">
            {pages.map((p) => (
              <li key={p.path} className="flex justify-between">
                <span className="truncate font-mono text-gray-700">{p.path}</span>
                <span className="text-gray-500">{p.views.toLocaleString("en-US")}</span>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </div>
  );
}
