// expect: Unit converter
// expect: 5 km
// expect: 3.107 mile
// libs: mathjs, lucide
import { useState } from "react";
import { unit } from "mathjs";
import { ArrowRightLeft } from "lucide-react";

const GROUPS = {
  Length: ["m", "km", "cm", "mile", "ft", "inch"],
  Mass: ["kg", "g", "lb", "oz"],
  Temperature: ["degC", "degF", "K"],
  Speed: ["km/h", "m/s", "mi/h"],
};

export default function UnitConverter() {
  const [group, setGroup] = useState("Length");
  const [value, setValue] = useState("5");
  const [from, setFrom] = useState("km");
  const [to, setTo] = useState("mile");

  let output;
  try {
    output = unit(Number(value), from).to(to).format({ precision: 4 });
  } catch (err) {
    output = `Cannot convert: ${err.message}`;
  }

  const pickGroup = (g) => {
    setGroup(g);
    setFrom(GROUPS[g][0]);
    setTo(GROUPS[g][1]);
  };

  return (
    <div className="mx-auto max-w-md space-y-4 rounded-xl border p-6">
      <h2 className="text-xl font-semibold">Unit converter</h2>
      <div className="flex flex-wrap gap-2">
        {Object.keys(GROUPS).map((g) => (
          <button
            key={g}
            onClick={() => pickGroup(g)}
            className={`rounded-full px-3 py-1 text-sm ${g === group ? "bg-teal-600 text-white" : "bg-gray-100"}`}
          >
            {g}
          </button>
        ))}
      </div>
      <div className="flex items-center gap-2">
        <input value={value} onChange={(e) => setValue(e.target.value)} className="w-24 rounded border px-2 py-1" />
        <select value={from} onChange={(e) => setFrom(e.target.value)} className="rounded border px-2 py-1">
          {GROUPS[group].map((u) => <option key={u}>{u}</option>)}
        </select>
        <button onClick={() => { setFrom(to); setTo(from); }} aria-label="Swap units" className="rounded p-1 hover:bg-gray-100">
          <ArrowRightLeft className="h-4 w-4" />
        </button>
        <select value={to} onChange={(e) => setTo(e.target.value)} className="rounded border px-2 py-1">
          {GROUPS[group].map((u) => <option key={u}>{u}</option>)}
        </select>
      </div>
      <div className="rounded-lg bg-teal-50 p-4">
        <p className="text-sm text-teal-800">
          {value} {from} =
        </p>
        <p className="text-2xl font-semibold text-teal-900">{output}</p>
      </div>
    </div>
  );
}
