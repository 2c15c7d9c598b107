// expect: Scratchpad
// expect: Draft saved for this session
// expect: Meeting with design
// libs: lucide
import { useEffect, useMemo, useState } from "react";
import { FileText, Save } from "lucide-react";

const DRAFT_KEY = "scratchpad-draft";
const DEFAULT_TEXT = `# Meeting with design
- Review the onboarding mockups
- Decide on the empty-state illustrations
- Next check-in: Thursday`;

export default function Scratchpad() {
  const [text, setText] = useState(() => sessionStorage.getItem(DRAFT_KEY) ?? DEFAULT_TEXT);
  const [savedAt, setSavedAt] = useState(null);

  useEffect(() => {
    const id = setTimeout(() => {
      sessionStorage.setItem(DRAFT_KEY, text);
      setSavedAt(new Date());
    }, 400);
    return () => clearTimeout(id);
  }, [text]);

  const stats = useMemo(() => {
    const words = text.trim() ? text.trim().split(/\s+/).length : 0;
    const lines = text.split("\n").length;
    return { words, lines, chars: text.length };
  }, [text]);

  const heading = text.split("\n").find((line) => line.startsWith("# "))?.slice(2) ?? "Untitled";

  return (
    <div className="mx-auto max-w-2xl overflow-hidden rounded-xl border bg-amber-50/40">
      <div className="flex items-center justify-between border-b bg-white px-4 py-3">
        <div className="flex items-center gap-2">
          <FileText className="h-5 w-5 text-amber-600" />
          <h2 className="font-semibold">Scratchpad</h2>
          <span className="text-sm text-gray-500">— {heading}</span>
        </div>
        <span className="flex items-center gap-1 text-xs text-gray-500">
          <Save className="h-3.5 w-3.5" />
          {savedAt ? "Draft saved for this session" : "Draft saved for this session (not yet)"}
        </span>
      </div>
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={10}
        className="w-full resize-y bg-transparent p-4 font-mono text-sm leading-6 outline-none"
      />
      <div className="flex gap-4 border-t bg-white px-4 py-2 text-xs text-gray-500">
        <span>{stats.words} words</span>
        <span>{stats.lines} lines</span>
        <span>{stats.chars} characters</span>
        <button onClick={() => setText(DEFAULT_TEXT)} className="ml-auto text-amber-700 hover:underline">
          Reset
        </button>
      </div>
    </div>
  );
}
