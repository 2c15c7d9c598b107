// expect: Conversion funnel
// expect: Visited pricing
// expect: 12.4% overall
import React, { memo, useMemo } from "react";

const STEPS = [
  { name: "Landed on site", users: 18420 },
  { name: "Visited pricing", users: 7311 },
  { name: "Started trial", users: 3902 },
  { name: "Activated", users: 2954 },
  { name: "Paid", users: 2284 },
];

const nf = new Intl.NumberFormat("en-US");

function FunnelBar({ step, max, previous }) {
  const width = (step.users / max) * 100;
  const drop = previous ? 100 - (step.users / previous.users) * 100 : 0;
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm">
        <span className="font-medium text-slate-700">{step.name}</span>
        <span className="tabular-nums text-slate-500">{nf.format(step.users)}</span>
      </div>
      <div className="h-7 rounded bg-slate-100">
        <div
          className="flex h-7 items-center justify-end rounded bg-gradient-to-r from-indigo-500 to-violet-500 pr-2 text-xs text-white"
          style={{ width: `${width}%` }}
        >
          {previous ? `-${drop.toFixed(0)}%` : ""}
        </div>
      </div>
    </div>
  );
}

const MemoBar = memo(FunnelBar);

function ConversionFunnel() {
  const max = STEPS[0].users;
  const overall = useMemo(() => (STEPS[STEPS.length - 1].users / STEPS[0].users) * 100, []);

  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-xl border p-6">
      <div className="flex items-baseline justify-between">
        <h2 className="text-lg font-semibold">Conversion funnel</h2>
        <span className="text-sm text-emerald-600">{overall.toFixed(1)}% overall</span>
      </div>
      {STEPS.map((step, i) => (
        <MemoBar key={step.name} step={step} max={max} previous={STEPS[i - 1]} />
      ))}
      <p className="text-xs text-slate-400">Last 30 days · all channels</p>
    </div>
  );
}

export default React.memo(ConversionFunnel);
