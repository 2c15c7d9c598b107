// expect: Messages
// expect: Design review at 3pm?
// expect: Type a message
// libs: lucide
// layout: full-page
import { useState } from "react";
import { Hash, Paperclip, Search, Send, Smile } from "lucide-react";

const CHANNELS = ["general", "design", "engineering", "random"];

const INITIAL = [
  { id: 1, author: "Priya", text: "Morning! Are the new mockups up?", time: "09:12" },
  { id: 2, author: "Leo", text: "Yes, in the design channel. Design review at 3pm?", time: "09:15" },
  { id: 3, author: "Priya", text: "Works for me.", time: "09:16" },
];

export default function ChatShell() {
  const [channel, setChannel] = useState("design");
  const [messages, setMessages] = useState(INITIAL);
  const [draft, setDraft] = useState("");

  const send = () => {
    if (!draft.trim()) return;
    setMessages((m) => [...m, { id: m.length + 1, author: "You", text: draft, time: "09:20" }]);
    setDraft("");
  };

  return (
    <div className="fixed inset-0 flex bg-white text-gray-900">
      <aside className="flex w-56 flex-col bg-slate-800 text-slate-200">
        <div className="px-4 py-4 text-lg font-semibold text-white">Messages</div>
        <div className="px-3 text-xs uppercase tracking-wider text-slate-400">Channels</div>
        <ul className="mt-2 space-y-0.5 px-2">
          {CHANNELS.map((c) => (
            <li key={c}>
              <button
                onClick={() => setChannel(c)}
                className={`flex w-full items-center gap-2 rounded px-2 py-1 text-sm ${
                  c === channel ? "bg-slate-700 text-white" : "hover:bg-slate-700/50"
                }`}
              >
                <Hash className="h-3.5 w-3.5" /> {c}
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <section className="flex flex-1 flex-col">
        <header className="flex h-14 items-center justify-between border-b px-5">
          <h2 className="font-semibold">#{channel}</h2>
          <div className="flex items-center gap-2 rounded-md bg-gray-100 px-2 py-1 text-sm text-gray-500">
            <Search className="h-4 w-4" /> Search
          </div>
        </header>
        <div className="flex-1 space-y-4 overflow-y-auto p-5">
          {messages.map((m) => (
            <div key={m.id} className="flex gap-3">
              <div className="flex h-9 w-9 items-center justify-center rounded-md bg-indigo-100 font-semibold text-indigo-700">
                {m.author[0]}
              </div>
              <div>
                <div className="text-sm">
                  <span className="font-semibold">{m.author}</span>{" "}
                  <span className="text-xs text-gray-400">{m.time}</span>
                </div>
                <p className="text-sm text-gray-700">{m.text}</p>
              </div>
            </div>
          ))}
        </div>
        <footer className="border-t p-4">
          <div className="flex items-center gap-2 rounded-lg border px-3 py-2">
            <Paperclip className="h-4 w-4 text-gray-400" />
            <input
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && send()}
              className="flex-1 text-sm outline-none"
              aria-label="Type a message"
            />
            {!draft && <span className="pointer-events-none absolute ml-6 text-sm text-gray-400">Type a message</span>}
            <Smile className="h-4 w-4 text-gray-400" />
            <button onClick={send} className="rounded-md bg-indigo-600 p-1.5 text-white">
              <Send className="h-4 w-4" />
            </button>
          </div>
        </footer>
      </section>
    </div>
  );
}
