// expect: Launch checklist
// expect: Ship to production
// expect: 2 / 4 done
// libs: lucide
// adversarial: renders
import { useState } from "react";
import { CheckCircle2, Circle, RocketLaunch, ShieldCheck, TestTube2 } from "lucide-react";

const TASKS = [
  { id: "tests", label: "All tests green", icon: TestTube2, done: true },
  { id: "security", label: "Security review signed off", icon: ShieldCheck, done: true },
  { id: "notes", label: "Release notes written", icon: Circle, done: false },
  { id: "ship", label: "Ship to production", icon: RocketLaunch, done: false },
];

export default function LaunchChecklist() {
  const [tasks, setTasks] = useState(TASKS);
  const done = tasks.filter((t) => t.done).length;

  const toggle = (id) => setTasks((list) => list.map((t) => (t.id === id ? { ...t, done: !t.done } : t)));

  return (
    <div className="mx-auto max-w-md rounded-xl border bg-white p-6 shadow-sm">
      <div className="mb-4 flex items-center justify-between">
        <h2 className="flex items-center gap-2 text-lg font-semibold">
          <RocketLaunch className="h-5 w-5 text-indigo-600" />
          Launch checklist
        </h2>
        <span className="text-sm text-gray-500">
          {done} / {tasks.length} done
        </span>
      </div>
      <div className="mb-5 h-2 overflow-hidden rounded-full bg-gray-100">
        <div className="h-full bg-indigo-600 transition-all" style={{ width: `${(done / tasks.length) * 100}%` }} />
      </div>
      <ul className="space-y-2">
        {tasks.map((task) => {
          const Icon = task.icon;
          return (
            <li key={task.id}>
              <button
                onClick={() => toggle(task.id)}
                className="flex w-full items-center gap-3 rounded-lg p-2 text-left hover:bg-gray-50"
              >
                {task.done ? (
                  <CheckCircle2 className="h-5 w-5 text-emerald-500" />
                ) : (
                  <Icon className="h-5 w-5 text-gray-400" />
                )}
                <span className={task.done ? "text-gray-400 line-through" : "text-gray-800"}>{task.label}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
