// expect: Notifications
// expect: Your export is ready
// expect: Mark all as read
// libs: lucide
import { useState } from "react";
import { Bell, Check, Download, MessageSquare, UserPlus } from "lucide-react";

const INITIAL = [
  { id: 1, icon: Download, title: "Your export is ready", body: "sales_q2.csv (1.2 MB)", time: "2m", unread: true },
  { id: 2, icon: MessageSquare, title: "New comment", body: "Priya: “Can we split this by region?”", time: "1h", unread: true },
  { id: 3, icon: UserPlus, title: "Tom joined the workspace", body: "Invited by you", time: "3h", unread: false },
  { id: 4, icon: Bell, title: "Alert resolved", body: "Latency is back under 200 ms", time: "1d", unread: false },
];

function NotificationItem({ item, onRead }) {
  const Icon = item.icon;
  return (
    <li
      className={`flex gap-3 rounded-lg p-3 ${item.unread ? "bg-blue-50" : ""}`}
      onClick={() => onRead(item.id)}
    >
      <div className="rounded-full bg-white p-2 shadow-sm">
        <Icon className="h-4 w-4 text-blue-600" />
      </div>
      <div className="flex-1">
        <p className="text-sm font-medium text-gray-900">{item.title}</p>
        <p className="text-xs text-gray-500">{item.body}</p>
      </div>
      <span className="text-xs text-gray-400">{item.time}</span>
      {item.unread && <span className="mt-1 h-2 w-2 rounded-full bg-blue-600" />}
    </li>
  );
}

function Component() {
  const [items, setItems] = useState(INITIAL);
  const unread = items.filter((i) => i.unread).length;

  const markRead = (id) => setItems(items.map((i) => (i.id === id ? { ...i, unread: false } : i)));
  const markAll = () => setItems(items.map((i) => ({ ...i, unread: false })));

  return (
    <div className="mx-auto max-w-md rounded-xl border border-gray-200 bg-white shadow-sm">
      <div className="flex items-center justify-between border-b px-4 py-3">
        <h3 className="flex items-center gap-2 font-semibold">
          Notifications
          {unread > 0 && <span className="rounded-full bg-blue-600 px-2 text-xs text-white">{unread}</span>}
        </h3>
        <button onClick={markAll} className="flex items-center gap-1 text-xs text-blue-600 hover:underline">
          <Check className="h-3 w-3" /> Mark all as read
        </button>
      </div>
      <ul className="space-y-1 p-2">
        {items.map((item) => (
          <NotificationItem key={item.id} item={item} onRead={markRead} />
        ))}
      </ul>
    </div>
  );
}

export { Component };
