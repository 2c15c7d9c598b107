// expect: Build dashboards in minutes
// expect: Start free trial
// expect: No credit card required
// libs: framer-motion, lucide
import { motion } from "framer-motion";
import { ArrowRight, BarChart3, Zap, Lock } from "lucide-react";

const fadeUp = {
  hidden: { opacity: 0, y: 24 },
  visible: (i = 0) => ({ opacity: 1, y: 0, transition: { delay: i * 0.12, duration: 0.5, ease: "easeOut" } }),
};

const FEATURES = [
  { icon: Zap, title: "Fast", text: "Queries return in milliseconds." },
  { icon: BarChart3, title: "Visual", text: "Thirty chart types out of the box." },
  { icon: Lock, title: "Secure", text: "Row-level permissions everywhere." },
];

export default function Hero() {
  return (
    <section className="relative overflow-hidden bg-slate-950 px-6 py-16 text-white">
      <div className="pointer-events-none absolute -top-24 left-1/2 h-72 w-72 -translate-x-1/2 rounded-full bg-indigo-600/40 blur-3xl" />
      <div className="relative mx-auto max-w-3xl text-center">
        <motion.span
          initial="hidden"
          animate="visible"
          variants={fadeUp}
          className="inline-block rounded-full border border-white/20 px-3 py-1 text-xs text-indigo-200"
        >
          New · Live collaboration
        </motion.span>
        <motion.h1
          initial="hidden"
          animate="visible"
          custom={1}
          variants={fadeUp}
          className="mt-6 text-5xl font-extrabold tracking-tight"
        >
          Build dashboards in minutes
        </motion.h1>
        <motion.p initial="hidden" animate="visible" custom={2} variants={fadeUp} className="mt-4 text-lg text-slate-300">
          Connect your data, describe what you want, and share it with your team.
        </motion.p>
        <motion.div initial="hidden" animate="visible" custom={3} variants={fadeUp} className="mt-8 flex justify-center gap-3">
          <motion.button
            whileHover={{ scale: 1.04 }}
            whileTap={{ scale: 0.97 }}
            className="flex items-center gap-2 rounded-lg bg-indigo-500 px-5 py-3 font-medium"
          >
            Start free trial <ArrowRight className="h-4 w-4" />
          </motion.button>
          <button className="rounded-lg border border-white/20 px-5 py-3">Book a demo</button>
        </motion.div>
        <motion.p initial="hidden" animate="visible" custom={4} variants={fadeUp} className="mt-3 text-xs text-slate-400">
          No credit card required
        </motion.p>
      </div>
      <div className="relative mx-auto mt-12 grid max-w-4xl gap-4 sm:grid-cols-3">
        {FEATURES.map(({ icon: Icon, title, text }, i) => (
          <motion.div
            key={title}
            initial="hidden"
            animate="visible"
            custom={5 + i}
            variants={fadeUp}
            className="rounded-xl border border-white/10 bg-white/5 p-5"
          >
            <Icon className="h-5 w-5 text-indigo-300" />
            <h3 className="mt-3 font-semibold">{title}</h3>
            <p className="text-sm text-slate-400">{text}</p>
          </motion.div>
        ))}
      </div>
    </section>
  );
}
