// expect: Drum sequencer
// expect: Kick
// expect: 120 BPM
// libs: tone, lucide
import { useEffect, useRef, useState } from "react";
import * as Tone from "tone";
import { Play, Square } from "lucide-react";

const STEPS = 16;
type Track = { name: string; pattern: boolean[] };

const initialTracks: Track[] = [
  { name: "Kick", pattern: Array.from({ length: STEPS }, (_, i) => i % 4 === 0) },
  { name: "Snare", pattern: Array.from({ length: STEPS }, (_, i) => i % 8 === 4) },
  { name: "Hi-hat", pattern: Array.from({ length: STEPS }, (_, i) => i % 2 === 0) },
];

export default function DrumSequencer() {
  const [tracks, setTracks] = useState<Track[]>(initialTracks);
  const [bpm, setBpm] = useState(120);
  const [playing, setPlaying] = useState(false);
  const [current, setCurrent] = useState(-1);
  const tracksRef = useRef(tracks);
  tracksRef.current = tracks;

  useEffect(() => {
    const kick = new Tone.MembraneSynth().toDestination();
    const snare = new Tone.NoiseSynth({ envelope: { attack: 0.001, decay: 0.15, sustain: 0 } }).toDestination();
    const hat = new Tone.MetalSynth({ envelope: { attack: 0.001, decay: 0.05, release: 0.01 } }).toDestination();
    hat.volume.value = -18;

    const seq = new Tone.Sequence(
      (time, step: number) => {
        const [k, s, h] = tracksRef.current;
        if (k.pattern[step]) kick.triggerAttackRelease("C1", "8n", time);
        if (s.pattern[step]) snare.triggerAttackRelease("16n", time);
        if (h.pattern[step]) hat.triggerAttackRelease("32n", time);
        Tone.getDraw().schedule(() => setCurrent(step), time);
      },
      Array.from({ length: STEPS }, (_, i) => i),
      "16n"
    ).start(0);

    return () => {
      seq.dispose();
      kick.dispose();
      snare.dispose();
      hat.dispose();
    };
  }, []);

  useEffect(() => {
    Tone.getTransport().bpm.value = bpm;
  }, [bpm]);

  const toggle = async () => {
    await Tone.start();
    if (playing) {
      Tone.getTransport().stop();
      setCurrent(-1);
    } else {
      Tone.getTransport().start();
    }
    setPlaying(!playing);
  };

  const flip = (t: number, s: number) =>
    setTracks((all) => all.map((tr, i) => (i === t ? { ...tr, pattern: tr.pattern.map((on, j) => (j === s ? !on : on)) } : tr)));

  return (
    <div className="rounded-xl bg-slate-900 p-5 text-slate-100">
      <div className="mb-4 flex items-center gap-4">
        <h2 className="text-lg font-bold">Drum sequencer</h2>
        <button onClick={toggle} className="flex items-center gap-1 rounded bg-emerald-500 px-3 py-1 text-sm text-slate-900">
          {playing ? <Square className="h-4 w-4" /> : <Play className="h-4 w-4" />} {playing ? "Stop" : "Play"}
        </button>
        <label className="ml-auto flex items-center gap-2 text-sm">
          <input type="range" min={60} max={180} value={bpm} onChange={(e) => setBpm(Number(e.target.value))} />
          {bpm} BPM
        </label>
      </div>
      <div className="space-y-2">
        {tracks.map((track, t) => (
          <div key={track.name} className="flex items-center gap-1">
            <span className="w-16 text-sm text-slate-400">{track.name}</span>
            {track.pattern.map((on, s) => (
              <button
                key={s}
                onClick={() => flip(t, s)}
                className={`h-7 flex-1 rounded ${on ? "bg-emerald-400" : s % 4 === 0 ? "bg-slate-700" : "bg-slate-800"} ${
                  current === s ? "ring-2 ring-white" : ""
                }`}
                aria-label={`${track.name} step ${s + 1}`}
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
