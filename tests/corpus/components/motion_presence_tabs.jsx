// expect: Overview
// expect: Revenue grew 18% quarter over quarter
// libs: framer-motion
import { useState } from "react";
import { AnimatePresence, motion } from "framer-motion";

const TABS = [
  {
    id: "overview",
    label: "Overview",
    content: "Revenue grew 18% quarter over quarter, driven by the new annual plans.",
  },
  {
    id: "customers",
    label: "Customers",
    content: "412 new accounts this quarter; churn fell to 1.9% per month.",
  },
  {
    id: "product",
    label: "Product",
    content: "Shipped 23 features, including offline mode and the new editor.",
  },
];

export default function AnimatedTabs() {
  const [active, setActive] = useState(TABS[0].id);
  const current = TABS.find((t) => t.id === active);

  return (
    <div className="mx-auto max-w-xl p-6">
      <div className="relative flex gap-1 rounded-full bg-zinc-100 p-1">
        {TABS.map((tab) => (
          <button
            key={tab.id}
            onClick={() => setActive(tab.id)}
            className="relative z-10 flex-1 rounded-full px-4 py-2 text-sm font-medium"
          >
            {active === tab.id && (
              <motion.span
                layoutId="pill"
                className="absolute inset-0 -z-10 rounded-full bg-white shadow"
                transition={{ type: "spring", bounce: 0.2, duration: 0.5 }}
              />
            )}
            <span className={active === tab.id ? "text-zinc-900" : "text-zinc-500"}>{tab.label}</span>
          </button>
        ))}
      </div>
      <div className="relative mt-6 min-h-[120px] overflow-hidden rounded-xl border p-6">
        <AnimatePresence mode="wait">
          <motion.div
            key={current.id}
            initial={{ opacity: 0, x: 20 }}
            animate={{ opacity: 1, x: 0 }}
            exit={{ opacity: 0, x: -20 }}
            transition={{ duration: 0.25 }}
          >
            <h3 className="text-lg font-semibold">{current.label}</h3>
            <p className="mt-2 text-zinc-600">{current.content}</p>
          </motion.div>
        </AnimatePresence>
      </div>
      <p className="mt-3 text-right text-xs text-zinc-400">Q2 business review</p>
    </div>
  );
}
