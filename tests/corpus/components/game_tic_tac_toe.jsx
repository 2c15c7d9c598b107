// expect: Tic-Tac-Toe
// expect: Next player: X
// expect: Restart
// libs: lucide
import { useState } from "react";
import { RotateCcw } from "lucide-react";

const LINES = [
  [0, 1, 2], [3, 4, 5], [6, 7, 8],
  [0, 3, 6], [1, 4, 7], [2, 5, 8],
  [0, 4, 8], [2, 4, 6],
];

function calculateWinner(squares) {
  for (const [a, b, c] of LINES) {
    if (squares[a] && squares[a] === squares[b] && squares[a] === squares[c]) {
      return { player: squares[a], line: [a, b, c] };
    }
  }
  return null;
}

function Square({ value, onClick, highlight }) {
  return (
    <button
      onClick={onClick}
      className={`flex h-20 w-20 items-center justify-center rounded-lg text-4xl font-bold transition ${
        highlight ? "bg-green-200" : "bg-white hover:bg-gray-50"
      } ${value === "X" ? "text-blue-600" : "text-rose-500"}`}
    >
      {value}
    </button>
  );
}

export default function TicTacToe() {
  const [squares, setSquares] = useState(Array(9).fill(null));
  const [xIsNext, setXIsNext] = useState(true);
  const [score, setScore] = useState({ X: 0, O: 0, draws: 0 });

  const winner = calculateWinner(squares);
  const isDraw = !winner && squares.every(Boolean);

  const handleClick = (i) => {
    if (squares[i] || winner) return;
    const next = squares.slice();
    next[i] = xIsNext ? "X" : "O";
    setSquares(next);
    setXIsNext(!xIsNext);
    const result = calculateWinner(next);
    if (result) setScore((s) => ({ ...s, [result.player]: s[result.player] + 1 }));
    else if (next.every(Boolean)) setScore((s) => ({ ...s, draws: s.draws + 1 }));
  };

  const reset = () => {
    setSquares(Array(9).fill(null));
    setXIsNext(true);
  };

  const status = winner ? `Winner: ${winner.player}` : isDraw ? "It's a draw!" : `Next player: ${xIsNext ? "X" : "O"}`;

  return (
    <div className="flex flex-col items-center gap-4 bg-gray-100 p-8">
      <h1 className="text-3xl font-extrabold text-gray-800">Tic-Tac-Toe</h1>
      <div className="text-lg font-medium text-gray-700">{status}</div>
      <div className="grid grid-cols-3 gap-2 rounded-xl bg-gray-300 p-2">
        {squares.map((value, i) => (
          <Square key={i} value={value} onClick={() => handleClick(i)} highlight={winner?.line.includes(i)} />
        ))}
      </div>
      <div className="flex gap-6 text-sm text-gray-600">
        <span>X: {score.X}</span>
        <span>O: {score.O}</span>
        <span>Draws: {score.draws}</span>
      </div>
      <button onClick={reset} className="flex items-center gap-2 rounded-lg bg-gray-800 px-4 py-2 text-white">
        <RotateCcw className="h-4 w-4" /> Restart
      </button>
    </div>
  );
}
