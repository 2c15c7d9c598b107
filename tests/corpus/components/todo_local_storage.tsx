// expect: My tasks
// expect: Buy groceries
// expect: 2 items left
// libs: lucide
import { useEffect, useState } from "react";
import { Check, Plus, X } from "lucide-react";

interface Todo {
  id: number;
  title: string;
  completed: boolean;
}

type Filter = "all" | "active" | "completed";

const KEY = "todos";

const seed: Todo[] = [
  { id: 1, title: "Buy groceries", completed: false },
  { id: 2, title: "Call the dentist", completed: true },
  { id: 3, title: "Finish the quarterly report", completed: false },
];

function loadTodos(): Todo[] {
  const raw = window.localStorage.getItem(KEY);
  if (!raw) return seed;
  try {
    return JSON.parse(raw) as Todo[];
  } catch {
    return seed;
  }
}

export default function TodoApp() {
  const [todos, setTodos] = useState<Todo[]>(loadTodos);
  const [draft, setDraft] = useState("");
  const [filter, setFilter] = useState<Filter>("all");

  useEffect(() => {
    window.localStorage.setItem(KEY, JSON.stringify(todos));
  }, [todos]);

  const add = () => {
    const title = draft.trim();
    if (!title) return;
    setTodos([...todos, { id: Date.now(), title, completed: false }]);
    setDraft("");
  };

  const visible = todos.filter((t) => (filter === "all" ? true : filter === "active" ? !t.completed : t.completed));
  const left = todos.filter((t) => !t.completed).length;

  return (
    <div className="mx-auto max-w-md rounded-xl bg-white p-6 shadow-md">
      <h1 className="mb-4 text-2xl font-bold text-gray-800">My tasks</h1>
      <div className="mb-4 flex gap-2">
        <input
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && add()}
          placeholder="What needs to be done?"
          className="flex-1 rounded-lg border px-3 py-2 text-sm focus:outline-none focus:ring-2 focus:ring-blue-500"
        />
        <button onClick={add} className="rounded-lg bg-blue-600 px-3 text-white" aria-label="Add task">
          <Plus className="h-5 w-5" />
        </button>
      </div>
      <ul className="space-y-2">
        {visible.map((todo) => (
          <li key={todo.id} className="flex items-center gap-3 rounded-lg border px-3 py-2">
            <button
              onClick={() => setTodos(todos.map((t) => (t.id === todo.id ? { ...t, completed: !t.completed } : t)))}
              className={`flex h-5 w-5 items-center justify-center rounded-full border ${
                todo.completed ? "border-green-500 bg-green-500 text-white" : "border-gray-300"
              }`}
            >
              {todo.completed && <Check className="h-3 w-3" />}
            </button>
            <span className={`flex-1 text-sm ${todo.completed ? "text-gray-400 line-through" : ""}`}>{todo.title}</span>
            <button onClick={() => setTodos(todos.filter((t) => t.id !== todo.id))} aria-label="Delete">
              <X className="h-4 w-4 text-gray-400 hover:text-red-500" />
            </button>
          </li>
        ))}
      </ul>
      <div className="mt-4 flex items-center justify-between text-xs text-gray-500">
        <span>{left} items left</span>
        <div className="flex gap-1">
          {(["all", "active", "completed"] as Filter[]).map((f) => (
            <button
              key={f}
              onClick={() => setFilter(f)}
              className={`rounded px-2 py-1 capitalize ${filter === f ? "bg-gray-100 font-medium text-gray-800" : ""}`}
            >
              {f}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
