// expect: Habit tracker
// expect: Read 20 pages
// expect: Longest streak: 4 days
// libs: lucide
import { useState } from "react";
import { Flame, Plus } from "lucide-react";

interface Habit {
  id: number;
  name: string;
  days: boolean[];
}

const WEEK = ["M", "T", "W", "T", "F", "S", "S"];

const HabitRow: React.FC<{ habit: Habit; onToggle: (id: number, day: number) => void }> = ({ habit, onToggle }) => (
  <tr className="border-t">
    <td className="py-2 pr-4 text-sm font-medium">{habit.name}</td>
    {habit.days.map((done, i) => (
      <td key={i} className="p-1 text-center">
        <button
          onClick={() => onToggle(habit.id, i)}
          className={`h-7 w-7 rounded-md border ${done ? "border-emerald-500 bg-emerald-500" : "bg-white"}`}
          aria-label={`${habit.name} day ${i + 1}`}
        />
      </td>
    ))}
  </tr>
);

function streak(days: boolean[]): number {
  let best = 0;
  let run = 0;
  for (const d of days) {
    run = d ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

export default function HabitTracker() {
  const [habits, setHabits] = useState<Habit[]>([
    { id: 1, name: "Read 20 pages", days: [true, true, true, true, false, false, false] },
    { id: 2, name: "Run 5 km", days: [true, false, true, false, true, false, false] },
    { id: 3, name: "No sugar", days: [false, true, true, false, false, false, false] },
  ]);
  const [draft, setDraft] = useState("");
  const inputRef = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const toggle = (id: number, day: number) =>
    setHabits((hs) => hs.map((h) => (h.id === id ? { ...h, days: h.days.map((d, i) => (i === day ? !d : d)) } : h)));

  const add = () => {
    if (!draft.trim()) return;
    setHabits((hs) => [...hs, { id: Date.now(), name: draft.trim(), days: Array(7).fill(false) }]);
    setDraft("");
  };

  const best = Math.max(...habits.map((h) => streak(h.days)));

  return (
    <div className="mx-auto max-w-xl rounded-xl border p-5">
      <div className="mb-4 flex items-center justify-between">
        <h2 className="text-xl font-bold">Habit tracker</h2>
        <span className="flex items-center gap-1 text-sm text-orange-600">
          <Flame className="h-4 w-4" /> Longest streak: {best} days
        </span>
      </div>
      <table className="w-full">
        <thead>
          <tr>
            <th />
            {WEEK.map((d, i) => (
              <th key={i} className="text-xs font-normal text-gray-500">{d}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {habits.map((h) => (
            <HabitRow key={h.id} habit={h} onToggle={toggle} />
          ))}
        </tbody>
      </table>
      <div className="mt-4 flex gap-2">
        <input
          ref={inputRef}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && add()}
          placeholder="New habit"
          className="flex-1 rounded-md border px-3 py-2 text-sm"
        />
        <button onClick={add} className="flex items-center gap-1 rounded-md bg-gray-900 px-3 text-sm text-white">
          <Plus className="h-4 w-4" /> Add
        </button>
      </div>
    </div>
  );
}
