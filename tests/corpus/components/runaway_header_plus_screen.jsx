// expect: Project Atlas
// expect: Backlog
// libs: lucide
// adversarial: renders
// layout: full-page
import { useState } from "react";
import { Bell, Folder, LayoutDashboard, Menu } from "lucide-react";

const COLUMNS = {
  Backlog: ["Audit onboarding emails", "Research SSO vendors", "Refresh pricing page"],
  "In progress": ["Billing v2 migration", "Dark mode tokens"],
  Review: ["Mobile nav redesign"],
};

export default function ProjectBoard() {
  const [collapsed, setCollapsed] = useState(false);

  return (
    <div className="min-h-screen bg-neutral-100">
      <header className="flex h-16 items-center justify-between bg-white px-6 shadow-sm">
        <div className="flex items-center gap-3">
          <button onClick={() => setCollapsed(!collapsed)} aria-label="Toggle sidebar">
            <Menu className="h-5 w-5" />
          </button>
          <span className="text-lg font-semibold">Project Atlas</span>
        </div>
        <Bell className="h-5 w-5 text-neutral-500" />
      </header>
      {/* The body fills the screen below the header... plus the header's height again. */}
      <div className="flex h-screen">
        {!collapsed && (
          <aside className="w-56 space-y-1 bg-white p-4 text-sm">
            <div className="flex items-center gap-2 rounded-md bg-neutral-100 px-3 py-2 font-medium">
              <LayoutDashboard className="h-4 w-4" /> Board
            </div>
            <div className="flex items-center gap-2 px-3 py-2 text-neutral-600">
              <Folder className="h-4 w-4" /> Files
            </div>
          </aside>
        )}
        <main className="flex flex-1 gap-4 overflow-x-auto p-6">
          {Object.entries(COLUMNS).map(([title, cards]) => (
            <section key={title} className="flex w-64 shrink-0 flex-col rounded-xl bg-neutral-200/60 p-3">
              <h2 className="mb-3 text-sm font-semibold text-neutral-700">
                {title} <span className="text-neutral-400">{cards.length}</span>
              </h2>
              <div className="space-y-2">
                {cards.map((card) => (
                  <div key={card} className="rounded-lg bg-white p-3 text-sm shadow-sm">
                    {card}
                  </div>
                ))}
              </div>
            </section>
          ))}
        </main>
      </div>
    </div>
  );
}
