// expect: Sprint board
// expect: To Do
// expect: Write API docs
// libs: lucide
import { useEffect, useState } from "react";
import { GripVertical, Plus, Trash2 } from "lucide-react";

const STORAGE_KEY = "kanban-board-v1";

const DEFAULT_BOARD = {
  todo: [
    { id: "t1", text: "Write API docs" },
    { id: "t2", text: "Design empty states" },
  ],
  doing: [{ id: "t3", text: "Fix login redirect" }],
  done: [{ id: "t4", text: "Set up CI" }],
};

const COLUMNS = [
  { key: "todo", title: "To Do", tint: "bg-slate-100" },
  { key: "doing", title: "In Progress", tint: "bg-amber-50" },
  { key: "done", title: "Done", tint: "bg-emerald-50" },
];

export default function KanbanBoard() {
  const [board, setBoard] = useState(() => {
    try {
      const saved = localStorage.getItem(STORAGE_KEY);
      return saved ? JSON.parse(saved) : DEFAULT_BOARD;
    } catch {
      return DEFAULT_BOARD;
    }
  });
  const [dragging, setDragging] = useState(null);

  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(board));
  }, [board]);

  const addCard = (col) => {
    const text = `New task ${board[col].length + 1}`;
    setBoard({ ...board, [col]: [...board[col], { id: `c${Date.now()}`, text }] });
  };

  const remove = (col, id) => setBoard({ ...board, [col]: board[col].filter((c) => c.id !== id) });

  const drop = (target) => {
    if (!dragging) return;
    const { from, card } = dragging;
    const next = { ...board, [from]: board[from].filter((c) => c.id !== card.id) };
    next[target] = [...next[target], card];
    setBoard(next);
    setDragging(null);
  };

  return (
    <div className="p-6">
      <h1 className="mb-4 text-2xl font-bold">Sprint board</h1>
      <div className="grid grid-cols-3 gap-4">
        {COLUMNS.map(({ key, title, tint }) => (
          <div
            key={key}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => drop(key)}
            className={`flex min-h-[240px] flex-col rounded-xl p-3 ${tint}`}
          >
            <div className="mb-3 flex items-center justify-between">
              <h2 className="font-semibold text-gray-700">{title}</h2>
              <span className="rounded-full bg-white px-2 text-xs text-gray-500">{board[key].length}</span>
            </div>
            <div className="flex-1 space-y-2">
              {board[key].map((card) => (
                <div
                  key={card.id}
                  draggable
                  onDragStart={() => setDragging({ from: key, card })}
                  className="group flex items-center gap-2 rounded-lg bg-white p-3 text-sm shadow-sm"
                >
                  <GripVertical className="h-4 w-4 cursor-grab text-gray-300" />
                  <span className="flex-1">{card.text}</span>
                  <button onClick={() => remove(key, card.id)} className="opacity-0 group-hover:opacity-100">
                    <Trash2 className="h-4 w-4 text-gray-400" />
                  </button>
                </div>
              ))}
            </div>
            <button onClick={() => addCard(key)} className="mt-3 flex items-center gap-1 text-sm text-gray-500 hover:text-gray-800">
              <Plus className="h-4 w-4" /> Add card
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
