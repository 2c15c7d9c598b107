// expect: 2048
// expect: Score
// expect: Join the tiles, get to 2048!
import { useCallback, useEffect, useState } from "react";

type Board = number[][];
type Direction = "left" | "right" | "up" | "down";

const SIZE = 4;

const empty = (): Board => Array.from({ length: SIZE }, () => Array(SIZE).fill(0));

function addTile(board: Board): Board {
  const cells: [number, number][] = [];
  board.forEach((row, r) => row.forEach((v, c) => v === 0 && cells.push([r, c])));
  if (!cells.length) return board;
  const [r, c] = cells[Math.floor(Math.random() * cells.length)];
  const next = board.map((row) => [...row]);
  next[r][c] = Math.random() < 0.9 ? 2 : 4;
  return next;
}

function slideRow(row: number[]): { row: number[]; gained: number } {
  const values = row.filter(Boolean);
  let gained = 0;
  for (let i = 0; i < values.length - 1; i++) {
    if (values[i] === values[i + 1]) {
      values[i] *= 2;
      gained += values[i];
      values.splice(i + 1, 1);
    }
  }
  return { row: [...values, ...Array(SIZE - values.length).fill(0)], gained };
}

const transpose = (b: Board): Board => b[0].map((_, c) => b.map((row) => row[c]));

function move(board: Board, dir: Direction): { board: Board; gained: number } {
  let b = dir === "up" || dir === "down" ? transpose(board) : board;
  const reverse = dir === "right" || dir === "down";
  let gained = 0;
  b = b.map((row) => {
    const result = slideRow(reverse ? [...row].reverse() : row);
    gained += result.gained;
    return reverse ? result.row.reverse() : result.row;
  });
  return { board: dir === "up" || dir === "down" ? transpose(b) : b, gained };
}

const COLORS: Record<number, string> = {
  0: "bg-stone-300", 2: "bg-stone-100", 4: "bg-amber-100", 8: "bg-orange-300 text-white",
  16: "bg-orange-400 text-white", 32: "bg-orange-500 text-white", 64: "bg-red-500 text-white",
  128: "bg-yellow-300", 256: "bg-yellow-400", 512: "bg-yellow-500", 1024: "bg-yellow-600 text-white", 2048: "bg-yellow-700 text-white",
};

export default function Game2048() {
  const [board, setBoard] = useState<Board>(() => addTile(addTile(empty())));
  const [score, setScore] = useState(0);

  const handle = useCallback((dir: Direction) => {
    setBoard((current) => {
      const { board: next, gained } = move(current, dir);
      if (JSON.stringify(next) === JSON.stringify(current)) return current;
      setScore((s) => s + gained);
      return addTile(next);
    });
  }, []);

  useEffect(() => {
    const keys: Record<string, Direction> = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };
    const onKey = (e: KeyboardEvent) => {
      if (keys[e.key]) {
        e.preventDefault();
        handle(keys[e.key]);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [handle]);

  return (
    <div className="mx-auto w-fit p-6">
      <div className="mb-4 flex items-center justify-between gap-8">
        <h1 className="text-5xl font-extrabold text-stone-700">2048</h1>
        <div className="rounded-md bg-stone-500 px-4 py-2 text-center text-white">
          <div className="text-xs uppercase">Score</div>
          <div className="text-xl font-bold">{score}</div>
        </div>
      </div>
      <p className="mb-3 text-sm text-stone-500">Join the tiles, get to 2048! Use the arrow keys.</p>
      <div className="grid grid-cols-4 gap-3 rounded-lg bg-stone-400 p-3">
        {board.flat().map((v, i) => (
          <div key={i} className={`flex h-20 w-20 items-center justify-center rounded-md text-2xl font-bold ${COLORS[v] ?? "bg-black text-white"}`}>
            {v || ""}
          </div>
        ))}
      </div>
      <button onClick={() => { setBoard(addTile(addTile(empty()))); setScore(0); }} className="mt-4 rounded bg-stone-700 px-4 py-2 text-sm text-white">
        New game
      </button>
    </div>
  );
}
