// expect: Objects are not valid as a React child
// libs: lucide
// adversarial: error
import { useState } from "react";
import { CalendarClock, User } from "lucide-react";

const MEETINGS = [
  { id: 1, title: "Design review", host: { name: "Ana", team: "Design" }, at: new Date(2024, 5, 12, 10, 30) },
  { id: 2, title: "Sprint planning", host: { name: "Ben", team: "Platform" }, at: new Date(2024, 5, 13, 9, 0) },
];

export default function MeetingList() {
  const [selected, setSelected] = useState(1);

  return (
    <div className="max-w-md space-y-3 p-6">
      <h2 className="text-lg font-semibold">Upcoming meetings</h2>
      {MEETINGS.map((meeting) => (
        <button
          key={meeting.id}
          onClick={() => setSelected(meeting.id)}
          className={`w-full rounded-lg border p-3 text-left ${selected === meeting.id ? "border-blue-500" : ""}`}
        >
          <div className="font-medium">{meeting.title}</div>
          <div className="mt-1 flex items-center gap-2 text-sm text-gray-500">
            <User className="h-4 w-4" />
            {/* The whole host object instead of its name. */}
            {meeting.host}
            <CalendarClock className="ml-2 h-4 w-4" />
            {meeting.at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
          </div>
        </button>
      ))}
      <div className="flex items-center justify-between border-t pt-3 text-xs text-gray-500">
        <span>{MEETINGS.length} meetings this week</span>
        <button className="font-medium text-blue-600 hover:underline" onClick={() => setSelected(null)}>
          Clear selection
        </button>
      </div>
    </div>
  );
}
