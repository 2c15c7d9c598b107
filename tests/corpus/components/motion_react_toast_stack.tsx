// expect: Activity
// expect: Deploy finished
// expect: Add event
// libs: motion, lucide
import { useState } from "react";
import { AnimatePresence, motion } from "motion/react";
import { CheckCircle2, Info, TriangleAlert, X } from "lucide-react";

type Kind = "success" | "info" | "warning";

interface Toast {
  id: number;
  kind: Kind;
  title: string;
}

const SAMPLES: Omit<Toast, "id">[] = [
  { kind: "info", title: "New comment on “Q3 plan”" },
  { kind: "warning", title: "API quota at 80%" },
  { kind: "success", title: "Backup completed" },
];

const ICON: Record<Kind, typeof Info> = { success: CheckCircle2, info: Info, warning: TriangleAlert };
const TINT: Record<Kind, string> = {
  success: "border-emerald-200 bg-emerald-50 text-emerald-800",
  info: "border-sky-200 bg-sky-50 text-sky-800",
  warning: "border-amber-200 bg-amber-50 text-amber-800",
};

export default function ActivityFeed() {
  const [toasts, setToasts] = useState<Toast[]>([
    { id: 1, kind: "success", title: "Deploy finished" },
    { id: 2, kind: "info", title: "Maria joined the project" },
  ]);
  const [next, setNext] = useState(3);

  const add = () => {
    const sample = SAMPLES[next % SAMPLES.length];
    setToasts((list) => [{ id: next, ...sample }, ...list].slice(0, 5));
    setNext((n) => n + 1);
  };

  const dismiss = (id: number) => setToasts((list) => list.filter((t) => t.id !== id));

  return (
    <div className="mx-auto max-w-sm p-6">
      <div className="mb-4 flex items-center justify-between">
        <h2 className="text-lg font-semibold">Activity</h2>
        <button onClick={add} className="rounded-md bg-neutral-900 px-3 py-1.5 text-sm text-white">
          Add event
        </button>
      </div>
      <ul className="space-y-2">
        <AnimatePresence initial={false}>
          {toasts.map((toast) => {
            const Icon = ICON[toast.kind];
            return (
              <motion.li
                key={toast.id}
                layout
                initial={{ opacity: 0, y: -12, scale: 0.96 }}
                animate={{ opacity: 1, y: 0, scale: 1 }}
                exit={{ opacity: 0, x: 40 }}
                className={`flex items-center gap-3 rounded-lg border p-3 text-sm ${TINT[toast.kind]}`}
              >
                <Icon className="h-4 w-4 shrink-0" />
                <span className="flex-1">{toast.title}</span>
                <button onClick={() => dismiss(toast.id)} aria-label="Dismiss">
                  <X className="h-4 w-4 opacity-60" />
                </button>
              </motion.li>
            );
          })}
        </AnimatePresence>
      </ul>
    </div>
  );
}
