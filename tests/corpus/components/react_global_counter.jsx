// expect: Pomodoro
// expect: 25:00
// expect: Sessions today: 0
// libs: lucide
import { Pause, Play, RotateCcw } from "lucide-react";

const MODES = {
  focus: { label: "Focus", minutes: 25, color: "bg-rose-500" },
  short: { label: "Short break", minutes: 5, color: "bg-emerald-500" },
  long: { label: "Long break", minutes: 15, color: "bg-sky-500" },
};

function pad(n) {
  return String(n).padStart(2, "0");
}

export default function PomodoroTimer() {
  const [mode, setMode] = React.useState("focus");
  const [secondsLeft, setSecondsLeft] = React.useState(MODES.focus.minutes * 60);
  const [running, setRunning] = React.useState(false);
  const [sessions, setSessions] = React.useState(0);

  React.useEffect(() => {
    if (!running) return undefined;
    const id = setInterval(() => {
      setSecondsLeft((s) => {
        if (s <= 1) {
          setRunning(false);
          if (mode === "focus") setSessions((n) => n + 1);
          return 0;
        }
        return s - 1;
      });
    }, 1000);
    return () => clearInterval(id);
  }, [running, mode]);

  const switchMode = (next) => {
    setMode(next);
    setRunning(false);
    setSecondsLeft(MODES[next].minutes * 60);
  };

  return (
    <div className={`mx-auto max-w-sm rounded-2xl p-8 text-center text-white ${MODES[mode].color}`}>
      <h2 className="text-lg font-semibold tracking-wide">Pomodoro</h2>
      <div className="mt-4 flex justify-center gap-2">
        {Object.entries(MODES).map(([key, m]) => (
          <button
            key={key}
            onClick={() => switchMode(key)}
            className={`rounded-full px-3 py-1 text-xs ${mode === key ? "bg-white/30" : "bg-white/10"}`}
          >
            {m.label}
          </button>
        ))}
      </div>
      <div className="my-8 font-mono text-7xl font-bold">
        {pad(Math.floor(secondsLeft / 60))}:{pad(secondsLeft % 60)}
      </div>
      <div className="flex justify-center gap-3">
        <button onClick={() => setRunning(!running)} className="rounded-full bg-white p-4 text-gray-900">
          {running ? <Pause className="h-6 w-6" /> : <Play className="h-6 w-6" />}
        </button>
        <button onClick={() => switchMode(mode)} className="rounded-full bg-white/20 p-4">
          <RotateCcw className="h-6 w-6" />
        </button>
      </div>
      <p className="mt-6 text-sm opacity-90">Sessions today: {sessions}</p>
    </div>
  );
}
