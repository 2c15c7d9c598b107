// expect: March 2024
// expect: Team offsite
// expect: Sun
// libs: date-fns, lucide
import { useState } from "react";
import {
  addMonths,
  eachDayOfInterval,
  endOfMonth,
  endOfWeek,
  format,
  isSameDay,
  isSameMonth,
  startOfMonth,
  startOfWeek,
  subMonths,
} from "date-fns";
import { ChevronLeft, ChevronRight } from "lucide-react";

const EVENTS = [
  { date: new Date(2024, 2, 5), title: "Sprint review", color: "bg-blue-500" },
  { date: new Date(2024, 2, 14), title: "Team offsite", color: "bg-emerald-500" },
  { date: new Date(2024, 2, 14), title: "Dinner", color: "bg-amber-500" },
  { date: new Date(2024, 2, 27), title: "Board meeting", color: "bg-rose-500" },
  { date: new Date(2024, 3, 2), title: "Q2 kickoff", color: "bg-violet-500" },
];

export default function MonthCalendar() {
  const [month, setMonth] = useState(new Date(2024, 2, 1));
  const [selected, setSelected] = useState(new Date(2024, 2, 14));

  const days = eachDayOfInterval({
    start: startOfWeek(startOfMonth(month)),
    end: endOfWeek(endOfMonth(month)),
  });
  const weekdays = days.slice(0, 7).map((d) => format(d, "EEE"));
  const eventsOn = (day) => EVENTS.filter((e) => isSameDay(e.date, day));

  return (
    <div className="mx-auto max-w-3xl rounded-xl border bg-white p-5">
      <div className="mb-4 flex items-center justify-between">
        <h2 className="text-xl font-semibold">{format(month, "MMMM yyyy")}</h2>
        <div className="flex gap-1">
          <button onClick={() => setMonth(subMonths(month, 1))} className="rounded p-1 hover:bg-gray-100" aria-label="Previous month">
            <ChevronLeft className="h-5 w-5" />
          </button>
          <button onClick={() => setMonth(addMonths(month, 1))} className="rounded p-1 hover:bg-gray-100" aria-label="Next month">
            <ChevronRight className="h-5 w-5" />
          </button>
        </div>
      </div>
      <div className="grid grid-cols-7 text-center text-xs font-medium text-gray-500">
        {weekdays.map((d) => (
          <div key={d} className="py-2">{d}</div>
        ))}
      </div>
      <div className="grid grid-cols-7 gap-px overflow-hidden rounded-lg bg-gray-200">
        {days.map((day) => (
          <button
            key={day.toISOString()}
            onClick={() => setSelected(day)}
            className={`min-h-[72px] bg-white p-1.5 text-left align-top text-xs ${
              isSameMonth(day, month) ? "text-gray-900" : "text-gray-400"
            } ${isSameDay(day, selected) ? "ring-2 ring-inset ring-indigo-500" : ""}`}
          >
            <span className="font-medium">{format(day, "d")}</span>
            <div className="mt-1 space-y-0.5">
              {eventsOn(day).map((e) => (
                <div key={e.title} className={`truncate rounded px-1 text-[10px] text-white ${e.color}`}>
                  {e.title}
                </div>
              ))}
            </div>
          </button>
        ))}
      </div>
      <p className="mt-3 text-sm text-gray-600">
        {format(selected, "EEEE d MMMM")}: {eventsOn(selected).map((e) => e.title).join(", ") || "no events"}
      </p>
    </div>
  );
}
