// expect: Sparkline
// libs: recharts, lucide
// adversarial: error
import { ResponsiveContainer, Sparkline } from "recharts";
import { ArrowDownRight, ArrowUpRight } from "lucide-react";

const TICKERS = [
  { symbol: "ACME", price: 182.4, change: 2.1, history: [170, 172, 171, 175, 178, 177, 182] },
  { symbol: "GLBX", price: 64.9, change: -1.4, history: [70, 69, 68, 67, 66, 66, 65] },
  { symbol: "INIT", price: 23.1, change: 0.6, history: [22, 22.4, 22.1, 22.8, 23, 22.9, 23.1] },
  { symbol: "UMBR", price: 310.0, change: 4.8, history: [290, 295, 299, 301, 305, 308, 310] },
];

function TickerCard({ ticker }) {
  const up = ticker.change >= 0;
  return (
    <div className="rounded-xl border bg-white p-4">
      <div className="flex items-center justify-between">
        <span className="font-mono text-sm font-semibold">{ticker.symbol}</span>
        <span className={`flex items-center text-xs ${up ? "text-emerald-600" : "text-red-600"}`}>
          {up ? <ArrowUpRight className="h-3 w-3" /> : <ArrowDownRight className="h-3 w-3" />}
          {ticker.change}%
        </span>
      </div>
      <div className="mt-1 text-2xl font-bold">${ticker.price.toFixed(2)}</div>
      <div className="mt-2 h-12">
        <ResponsiveContainer width="100%" height="100%">
          <Sparkline
            data={ticker.history.map((v, i) => ({ i, v }))}
            dataKey="v"
            stroke={up ? "#059669" : "#dc2626"}
          />
        </ResponsiveContainer>
      </div>
    </div>
  );
}

export default function Watchlist() {
  return (
    <div className="p-6">
      <h2 className="mb-4 text-lg font-semibold">Watchlist</h2>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {TICKERS.map((t) => (
          <TickerCard key={t.symbol} ticker={t} />
        ))}
      </div>
      <p className="mt-3 text-xs text-gray-400">Prices delayed by 15 minutes.</p>
    </div>
  );
}
