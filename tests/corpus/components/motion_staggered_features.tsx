// expect: Why teams switch
// expect: Real-time sync
// expect: Audit log
// libs: framer-motion, lucide
import { motion, type Variants } from "framer-motion";
import { Cloud, FileClock, GitMerge, Globe2, RefreshCw, Users } from "lucide-react";

const container: Variants = {
  hidden: {},
  show: { transition: { staggerChildren: 0.08, delayChildren: 0.1 } },
};

const item: Variants = {
  hidden: { opacity: 0, scale: 0.95, y: 10 },
  show: { opacity: 1, scale: 1, y: 0, transition: { type: "spring", stiffness: 260, damping: 20 } },
};

interface Feature {
  icon: React.ComponentType<{ className?: string }>;
  title: string;
  body: string;
}

const features: Feature[] = [
  { icon: RefreshCw, title: "Real-time sync", body: "Edits appear for everyone instantly." },
  { icon: Users, title: "Shared workspaces", body: "Invite guests with fine-grained roles." },
  { icon: GitMerge, title: "Branching", body: "Try changes without breaking the main view." },
  { icon: FileClock, title: "Audit log", body: "Every change recorded with who and when." },
  { icon: Cloud, title: "Any cloud", body: "Runs on AWS, GCP or your own racks." },
  { icon: Globe2, title: "Localised", body: "Twelve languages and right-to-left support." },
];

export default function FeatureGrid() {
  return (
    <section className="mx-auto max-w-5xl px-6 py-12">
      <motion.h2
        initial={{ opacity: 0, y: -8 }}
        animate={{ opacity: 1, y: 0 }}
        className="text-center text-3xl font-bold text-gray-900"
      >
        Why teams switch
      </motion.h2>
      <motion.ul
        variants={container}
        initial="hidden"
        animate="show"
        className="mt-10 grid gap-5 sm:grid-cols-2 lg:grid-cols-3"
      >
        {features.map(({ icon: Icon, title, body }) => (
          <motion.li
            key={title}
            variants={item}
            whileHover={{ y: -4 }}
            className="rounded-2xl border border-gray-200 bg-white p-6 shadow-sm"
          >
            <div className="inline-flex rounded-lg bg-emerald-50 p-2">
              <Icon className="h-5 w-5 text-emerald-600" />
            </div>
            <h3 className="mt-4 font-semibold text-gray-900">{title}</h3>
            <p className="mt-1 text-sm text-gray-600">{body}</p>
          </motion.li>
        ))}
      </motion.ul>
    </section>
  );
}
