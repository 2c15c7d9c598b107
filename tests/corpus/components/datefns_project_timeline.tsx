// expect: Project timeline
// expect: Project kickoff
// expect: Jan 8, 2024
// expect: 21 days after kickoff
// libs: date-fns, lucide
import { differenceInCalendarDays, format, formatDistanceStrict, isBefore, parseISO } from "date-fns";
import { CheckCircle2, CircleDot, Flag } from "lucide-react";

interface Milestone {
  title: string;
  date: string;
  owner: string;
}

const MILESTONES: Milestone[] = [
  { title: "Project kickoff", date: "2024-01-08", owner: "Dana" },
  { title: "Design sign-off", date: "2024-01-29", owner: "Ivo" },
  { title: "Beta release", date: "2024-03-04", owner: "Mara" },
  { title: "Public launch", date: "2024-04-15", owner: "Dana" },
  { title: "Retrospective", date: "2024-04-22", owner: "Team" },
];

const TODAY = parseISO("2024-03-10");

export default function ProjectTimeline() {
  const kickoff = parseISO(MILESTONES[0].date);
  const end = parseISO(MILESTONES[MILESTONES.length - 1].date);
  const totalDays = differenceInCalendarDays(end, kickoff);
  const elapsed = Math.min(totalDays, differenceInCalendarDays(TODAY, kickoff));

  return (
    <div className="mx-auto max-w-xl p-6">
      <h2 className="text-xl font-bold">Project timeline</h2>
      <p className="mb-2 text-sm text-gray-500">
        {format(kickoff, "MMM d, yyyy")} → {format(end, "MMM d, yyyy")} · {totalDays} days
      </p>
      <div className="mb-6 h-2 rounded-full bg-gray-100">
        <div className="h-2 rounded-full bg-indigo-500" style={{ width: `${(elapsed / totalDays) * 100}%` }} />
      </div>
      <ol className="relative border-l border-gray-200">
        {MILESTONES.map((m, i) => {
          const date = parseISO(m.date);
          const done = isBefore(date, TODAY);
          const Icon = i === MILESTONES.length - 2 ? Flag : done ? CheckCircle2 : CircleDot;
          return (
            <li key={m.title} className="mb-6 ml-6">
              <span
                className={`absolute -left-3 flex h-6 w-6 items-center justify-center rounded-full ring-4 ring-white ${
                  done ? "bg-emerald-100 text-emerald-600" : "bg-gray-100 text-gray-500"
                }`}
              >
                <Icon className="h-3.5 w-3.5" />
              </span>
              <h3 className="font-semibold">{m.title}</h3>
              <time className="text-xs text-gray-500">{format(date, "MMM d, yyyy")}</time>
              <p className="text-sm text-gray-600">
                {i === 0 ? "Start" : `${formatDistanceStrict(date, kickoff, { unit: "day" })} after kickoff`} · {m.owner}
              </p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
