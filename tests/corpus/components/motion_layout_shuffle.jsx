// expect: Leaderboard
// expect: Ravi
// expect: 1,280 pts
// libs: framer-motion, lucide
import { useState } from "react";
import { motion, LayoutGroup } from "framer-motion";
import { ArrowUpDown, Crown, Plus } from "lucide-react";

const START = [
  { id: "r", name: "Ravi", score: 1280, color: "bg-amber-400" },
  { id: "m", name: "Mei", score: 1175, color: "bg-sky-400" },
  { id: "j", name: "Jonas", score: 990, color: "bg-emerald-400" },
  { id: "a", name: "Amara", score: 940, color: "bg-rose-400" },
  { id: "l", name: "Luis", score: 870, color: "bg-violet-400" },
];

const fmt = (n) => n.toLocaleString("en-US");

export default function Leaderboard() {
  const [players, setPlayers] = useState(START);
  const [descending, setDescending] = useState(true);

  const sorted = [...players].sort((a, b) => (descending ? b.score - a.score : a.score - b.score));

  const bump = (id) =>
    setPlayers((ps) => ps.map((p) => (p.id === id ? { ...p, score: p.score + 150 } : p)));

  return (
    <div className="mx-auto max-w-md rounded-2xl bg-slate-900 p-6 text-white">
      <div className="mb-4 flex items-center justify-between">
        <h2 className="text-xl font-bold">Leaderboard</h2>
        <button
          onClick={() => setDescending((d) => !d)}
          className="flex items-center gap-1 rounded-md bg-white/10 px-2 py-1 text-xs"
        >
          <ArrowUpDown className="h-3 w-3" /> {descending ? "High → low" : "Low → high"}
        </button>
      </div>
      <LayoutGroup>
        <ul className="space-y-2">
          {sorted.map((p, index) => (
            <motion.li
              layout
              key={p.id}
              transition={{ type: "spring", stiffness: 500, damping: 35 }}
              className="flex items-center gap-3 rounded-xl bg-white/5 p-3"
            >
              <span className="w-5 text-sm text-slate-400">{index + 1}</span>
              <span className={`flex h-8 w-8 items-center justify-center rounded-full ${p.color} text-sm font-bold text-slate-900`}>
                {p.name[0]}
              </span>
              <span className="flex-1 font-medium">
                {p.name}
                {index === 0 && descending && <Crown className="ml-2 inline h-4 w-4 text-amber-300" />}
              </span>
              <motion.span layout="position" className="tabular-nums text-slate-300">
                {fmt(p.score)} pts
              </motion.span>
              <button onClick={() => bump(p.id)} className="rounded-md bg-white/10 p-1" aria-label={`Add points to ${p.name}`}>
                <Plus className="h-4 w-4" />
              </button>
            </motion.li>
          ))}
        </ul>
      </LayoutGroup>
    </div>
  );
}
