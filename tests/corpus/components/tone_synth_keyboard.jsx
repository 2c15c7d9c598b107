// expect: Mini synth
// expect: C4
// expect: Waveform
// libs: tone, lucide
import { useEffect, useRef, useState } from "react";
import * as Tone from "tone";
import { Music2, Volume2 } from "lucide-react";

const NOTES = ["C4", "D4", "E4", "F4", "G4", "A4", "B4", "C5"];
const WAVES = ["sine", "triangle", "square", "sawtooth"];

export default function MiniSynth() {
  const synthRef = useRef(null);
  const [wave, setWave] = useState("triangle");
  const [lastNote, setLastNote] = useState(null);
  const [started, setStarted] = useState(false);

  useEffect(() => {
    synthRef.current = new Tone.PolySynth(Tone.Synth, {
      oscillator: { type: wave },
      envelope: { attack: 0.02, decay: 0.2, sustain: 0.4, release: 0.8 },
    }).toDestination();
    return () => synthRef.current?.dispose();
  }, [wave]);

  const play = async (note) => {
    if (!started) {
      await Tone.start();
      setStarted(true);
    }
    synthRef.current?.triggerAttackRelease(note, "8n");
    setLastNote(note);
  };

  return (
    <div className="mx-auto max-w-xl rounded-2xl bg-gradient-to-b from-zinc-800 to-zinc-900 p-6 text-white">
      <div className="mb-4 flex items-center justify-between">
        <h2 className="flex items-center gap-2 text-lg font-semibold">
          <Music2 className="h-5 w-5 text-pink-400" /> Mini synth
        </h2>
        <span className="flex items-center gap-1 text-xs text-zinc-400">
          <Volume2 className="h-3 w-3" /> {started ? "Audio on" : "Click a key to start audio"}
        </span>
      </div>
      <div className="mb-5">
        <p className="mb-2 text-xs uppercase tracking-wide text-zinc-400">Waveform</p>
        <div className="flex gap-2">
          {WAVES.map((w) => (
            <button
              key={w}
              onClick={() => setWave(w)}
              className={`rounded-md px-3 py-1 text-sm capitalize ${w === wave ? "bg-pink-500" : "bg-zinc-700"}`}
            >
              {w}
            </button>
          ))}
        </div>
      </div>
      <div className="flex gap-1">
        {NOTES.map((note) => (
          <button
            key={note}
            onMouseDown={() => play(note)}
            className={`flex h-32 flex-1 items-end justify-center rounded-b-lg pb-2 text-xs font-medium text-zinc-800 ${
              lastNote === note ? "bg-pink-200" : "bg-white"
            }`}
          >
            {note}
          </button>
        ))}
      </div>
      <p className="mt-3 text-center text-xs text-zinc-500">{lastNote ? `Last note: ${lastNote}` : "Play a note"}</p>
    </div>
  );
}
