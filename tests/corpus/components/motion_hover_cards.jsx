// expect: Choose a template
// expect: Sales pipeline
// expect: Selected: Sales pipeline
// libs: framer-motion, lucide
import { useState } from "react";
import { motion } from "framer-motion";
import { BarChart2, Briefcase, CalendarCheck, HeartPulse, ShoppingBag, Target } from "lucide-react";

const templates = [
  { id: "sales", title: "Sales pipeline", icon: Briefcase, accent: "from-blue-500 to-cyan-400" },
  { id: "okr", title: "OKR tracker", icon: Target, accent: "from-rose-500 to-orange-400" },
  { id: "retail", title: "Retail KPIs", icon: ShoppingBag, accent: "from-emerald-500 to-lime-400" },
  { id: "health", title: "Patient intake", icon: HeartPulse, accent: "from-pink-500 to-fuchsia-400" },
  { id: "events", title: "Event planner", icon: CalendarCheck, accent: "from-violet-500 to-indigo-400" },
  { id: "growth", title: "Growth metrics", icon: BarChart2, accent: "from-amber-500 to-yellow-400" },
];

const cardMotion = {
  rest: { y: 0, boxShadow: "0 1px 2px rgba(0,0,0,0.06)" },
  hover: { y: -6, boxShadow: "0 12px 24px rgba(0,0,0,0.12)" },
};

const iconMotion = {
  rest: { rotate: 0, scale: 1 },
  hover: { rotate: -8, scale: 1.15 },
};

export default function TemplatePicker() {
  const [selected, setSelected] = useState("sales");
  const chosen = templates.find((t) => t.id === selected);

  return (
    <div className="mx-auto max-w-4xl p-6">
      <h2 className="text-2xl font-bold text-gray-900">Choose a template</h2>
      <p className="mb-6 text-gray-500">Start from a layout and customise it later.</p>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3">
        {templates.map(({ id, title, icon: Icon, accent }) => (
          <motion.button
            key={id}
            initial="rest"
            whileHover="hover"
            whileTap={{ scale: 0.98 }}
            animate="rest"
            variants={cardMotion}
            onClick={() => setSelected(id)}
            className={`rounded-2xl border bg-white p-5 text-left ${selected === id ? "ring-2 ring-indigo-500" : ""}`}
          >
            <motion.div
              variants={iconMotion}
              className={`mb-4 inline-flex rounded-xl bg-gradient-to-br p-3 text-white ${accent}`}
            >
              <Icon className="h-6 w-6" />
            </motion.div>
            <div className="font-semibold text-gray-900">{title}</div>
            <div className="text-xs text-gray-500">6 widgets · 2 data sources</div>
          </motion.button>
        ))}
      </div>
      <p className="mt-6 text-sm text-gray-700">Selected: {chosen.title}</p>
    </div>
  );
}
