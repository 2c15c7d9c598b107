// expect: Calculator
// expect: sqrt(16) + 2^3
// expect: = 12
// libs: mathjs
import { useMemo, useState } from "react";
import { evaluate, format } from "mathjs";

const KEYS = [
  ["7", "8", "9", "/", "sqrt("],
  ["4", "5", "6", "*", "^"],
  ["1", "2", "3", "-", "("],
  ["0", ".", "pi", "+", ")"],
];

export default function Calculator() {
  const [expr, setExpr] = useState("sqrt(16) + 2^3");
  const [history, setHistory] = useState([]);

  const result = useMemo(() => {
    if (!expr.trim()) return "";
    try {
      return format(evaluate(expr), { precision: 10 });
    } catch {
      return "…";
    }
  }, [expr]);

  const commit = () => {
    if (result && result !== "…") {
      setHistory((h) => [{ expr, result }, ...h].slice(0, 5));
      setExpr(String(result));
    }
  };

  return (
    <div className="mx-auto w-80 rounded-2xl bg-neutral-900 p-5 text-white shadow-2xl">
      <h2 className="mb-3 text-sm uppercase tracking-widest text-neutral-400">Calculator</h2>
      <div className="mb-4 rounded-lg bg-neutral-800 p-3 text-right">
        <div className="min-h-[1.5rem] break-all font-mono text-sm text-neutral-300">{expr}</div>
        <div className="font-mono text-3xl">= {result}</div>
      </div>
      <div className="grid grid-cols-5 gap-2">
        {KEYS.flat().map((key) => (
          <button
            key={key}
            onClick={() => setExpr((e) => e + key)}
            className="rounded-lg bg-neutral-700 py-2 text-sm hover:bg-neutral-600"
          >
            {key.replace("(", "")}
          </button>
        ))}
        <button onClick={() => setExpr("")} className="col-span-2 rounded-lg bg-red-500/80 py-2 text-sm">
          AC
        </button>
        <button onClick={() => setExpr((e) => e.slice(0, -1))} className="rounded-lg bg-neutral-600 py-2 text-sm">
          ⌫
        </button>
        <button onClick={commit} className="col-span-2 rounded-lg bg-orange-500 py-2 text-sm font-semibold">
          =
        </button>
      </div>
      {history.length > 0 && (
        <ul className="mt-4 space-y-1 border-t border-neutral-700 pt-3 text-xs text-neutral-400">
          {history.map((h, i) => (
            <li key={i} className="flex justify-between font-mono">
              <span>{h.expr}</span>
              <span>{h.result}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
