// expect: Integrations
// expect: Slack
// expect: 4 connected
// libs: lucide
import { useState } from "react";
import * as Icons from "lucide-react";

// Icons are looked up by name at run time, the way a config-driven menu does it.
const INTEGRATIONS = [
  { name: "Slack", icon: "MessageSquare", connected: true },
  { name: "GitHub", icon: "Github", connected: true },
  { name: "Calendar", icon: "CalendarDays", connected: true },
  { name: "Drive", icon: "HardDrive", connected: false },
  { name: "Webhooks", icon: "Webhook", connected: true },
  { name: "Email", icon: "MailIcon", connected: false },
];

function DynamicIcon({ name, ...props }) {
  const Icon = Icons[name] ?? Icons.HelpCircle;
  return <Icon {...props} />;
}

export default function IntegrationsPanel() {
  const [items, setItems] = useState(INTEGRATIONS);
  const connected = items.filter((item) => item.connected).length;

  const toggle = (name) =>
    setItems((all) => all.map((item) => (item.name === name ? { ...item, connected: !item.connected } : item)));

  return (
    <div className="mx-auto max-w-lg p-6">
      <div className="mb-4 flex items-center justify-between">
        <h2 className="text-xl font-semibold text-gray-900">Integrations</h2>
        <span className="text-sm text-gray-500">{connected} connected</span>
      </div>
      <ul className="divide-y rounded-xl border bg-white">
        {items.map((item) => (
          <li key={item.name} className="flex items-center justify-between px-4 py-3">
            <div className="flex items-center gap-3">
              <span className="flex h-9 w-9 items-center justify-center rounded-lg bg-gray-100">
                <DynamicIcon name={item.icon} className="h-5 w-5 text-gray-700" />
              </span>
              <span className="font-medium text-gray-800">{item.name}</span>
            </div>
            <button
              onClick={() => toggle(item.name)}
              className={`rounded-full px-3 py-1 text-xs font-medium ${
                item.connected ? "bg-emerald-50 text-emerald-700" : "bg-gray-100 text-gray-600"
              }`}
            >
              {item.connected ? "Connected" : "Connect"}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
