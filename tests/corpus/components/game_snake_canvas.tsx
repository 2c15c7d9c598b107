// expect: Snake
// expect: Score: 0
// expect: Press Space to start
import React, { useCallback, useEffect, useRef, useState } from "react";

type Point = { x: number; y: number };
const GRID = 20;
const CELL = 18;
const START: Point[] = [{ x: 8, y: 10 }, { x: 7, y: 10 }, { x: 6, y: 10 }];

export default function SnakeGame() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [snake, setSnake] = useState<Point[]>(START);
  const [dir, setDir] = useState<Point>({ x: 1, y: 0 });
  const [food, setFood] = useState<Point>({ x: 14, y: 10 });
  const [running, setRunning] = useState(false);
  const [over, setOver] = useState(false);
  const score = snake.length - START.length;

  const reset = useCallback(() => {
    setSnake(START);
    setDir({ x: 1, y: 0 });
    setFood({ x: 14, y: 10 });
    setOver(false);
    setRunning(true);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.code === "Space") return over || !running ? reset() : setRunning(false);
      const map: Record<string, Point> = {
        ArrowUp: { x: 0, y: -1 }, ArrowDown: { x: 0, y: 1 }, ArrowLeft: { x: -1, y: 0 }, ArrowRight: { x: 1, y: 0 },
      };
      const next = map[e.key];
      if (next && (next.x !== -dir.x || next.y !== -dir.y)) setDir(next);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [dir, over, running, reset]);

  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => {
      setSnake((s) => {
        const head = { x: (s[0].x + dir.x + GRID) % GRID, y: (s[0].y + dir.y + GRID) % GRID };
        if (s.some((p) => p.x === head.x && p.y === head.y)) {
          setRunning(false);
          setOver(true);
          return s;
        }
        const ate = head.x === food.x && head.y === food.y;
        if (ate) setFood({ x: Math.floor(Math.random() * GRID), y: Math.floor(Math.random() * GRID) });
        return ate ? [head, ...s] : [head, ...s.slice(0, -1)];
      });
    }, 120);
    return () => clearInterval(id);
  }, [running, dir, food]);

  useEffect(() => {
    const ctx = canvasRef.current?.getContext("2d");
    if (!ctx) return;
    ctx.fillStyle = "#0b1220";
    ctx.fillRect(0, 0, GRID * CELL, GRID * CELL);
    ctx.fillStyle = "#f43f5e";
    ctx.fillRect(food.x * CELL + 2, food.y * CELL + 2, CELL - 4, CELL - 4);
    snake.forEach((p, i) => {
      ctx.fillStyle = i === 0 ? "#4ade80" : "#22c55e";
      ctx.fillRect(p.x * CELL + 1, p.y * CELL + 1, CELL - 2, CELL - 2);
    });
  }, [snake, food]);

  return (
    <div className="flex flex-col items-center gap-3 p-6">
      <div className="flex w-[360px] items-center justify-between">
        <h1 className="text-2xl font-bold">Snake</h1>
        <span className="font-mono">Score: {score}</span>
      </div>
      <canvas ref={canvasRef} width={GRID * CELL} height={GRID * CELL} className="rounded-lg shadow-lg" />
      <p className="text-sm text-gray-500">
        {over ? "Game over! Press Space to play again" : running ? "Arrow keys to steer" : "Press Space to start"}
      </p>
    </div>
  );
}
