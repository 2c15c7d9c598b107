// expect: Weekly sign-ups
// expect: Peak: 412 in W6
// libs: recharts
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

interface Point {
  week: string;
  signups: number;
}

interface Props {
  data?: Point[];
  title?: string;
  emit?: (name: string, payload: unknown) => void;
}

const DEFAULT_DATA: Point[] = [
  { week: "W1", signups: 180 },
  { week: "W2", signups: 220 },
  { week: "W3", signups: 205 },
  { week: "W4", signups: 290 },
  { week: "W5", signups: 340 },
  { week: "W6", signups: 412 },
  { week: "W7", signups: 380 },
  { week: "W8", signups: 395 },
];

export default function SignupsArea({ data = DEFAULT_DATA, title = "Weekly sign-ups", emit }: Props) {
  const peak = data.reduce((best, p) => (p.signups > best.signups ? p : best), data[0]);

  return (
    <div className="rounded-xl border border-slate-200 bg-white p-5">
      <div className="mb-4 flex items-baseline justify-between">
        <h3 className="font-semibold text-slate-800">{title}</h3>
        <button
          className="text-xs text-indigo-600 hover:underline"
          onClick={() => emit?.("peak", peak)}
        >
          Peak: {peak.signups} in {peak.week}
        </button>
      </div>
      <div className="h-64">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} margin={{ left: -10, right: 10 }}>
            <defs>
              <linearGradient id="signupFill" x1="0" y1="0" x2="0" y2="1">
                <stop offset="5%" stopColor="#6366f1" stopOpacity={0.5} />
                <stop offset="95%" stopColor="#6366f1" stopOpacity={0} />
              </linearGradient>
            </defs>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="week" tickLine={false} axisLine={false} />
            <YAxis tickLine={false} axisLine={false} />
            <Tooltip contentStyle={{ borderRadius: 8 }} />
            <Area
              type="monotone"
              dataKey="signups"
              stroke="#6366f1"
              strokeWidth={2}
              fill="url(#signupFill)"
              activeDot={{ r: 5 }}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
