// expect: Release notes
// expect: Version 2.4
// expect: Dark mode for the editor
// libs: radix, lucide
import React from "react";
import * as Tabs from "@radix-ui/react-tabs";
import { Sparkles, Wrench, Bug } from "lucide-react";

const RELEASES = {
  features: [
    "Dark mode for the editor",
    "Keyboard shortcuts for every toolbar action",
    "Export dashboards as PNG",
  ],
  improvements: ["Charts load 40% faster", "Smaller bundle for embedded views"],
  fixes: ["Tooltips no longer flicker on Safari", "CSV export keeps leading zeros"],
};

const TAB_META = [
  { value: "features", label: "Features", icon: Sparkles },
  { value: "improvements", label: "Improvements", icon: Wrench },
  { value: "fixes", label: "Fixes", icon: Bug },
];

export default function ReleaseNotes() {
  return (
    <div className="mx-auto max-w-xl p-6">
      <h2 className="text-2xl font-bold">Release notes</h2>
      <p className="mb-4 text-sm text-gray-500">Version 2.4 · shipped on May 3</p>
      <Tabs.Root defaultValue="features" className="flex flex-col">
        <Tabs.List className="flex border-b border-gray-200" aria-label="Release sections">
          {TAB_META.map(({ value, label, icon: Icon }) => (
            <Tabs.Trigger
              key={value}
              value={value}
              className="flex items-center gap-2 px-4 py-2 text-sm text-gray-600 hover:text-gray-900 data-[state=active]:border-b-2 data-[state=active]:border-indigo-600 data-[state=active]:text-indigo-600"
            >
              <Icon className="h-4 w-4" />
              {label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {Object.entries(RELEASES).map(([key, items]) => (
          <Tabs.Content key={key} value={key} className="pt-4 focus:outline-none">
            <ul className="space-y-2">
              {items.map((item) => (
                <li key={item} className="flex items-start gap-2 text-sm">
                  <span className="mt-1.5 h-1.5 w-1.5 rounded-full bg-indigo-500" />
                  {item}
                </li>
              ))}
            </ul>
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </div>
  );
}
