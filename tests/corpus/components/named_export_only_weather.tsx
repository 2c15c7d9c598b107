// expect: Lisbon
// expect: 23°C
// expect: Partly cloudy
// libs: lucide
import { useState } from "react";
import { Cloud, CloudRain, CloudSun, Droplets, Sun, Wind } from "lucide-react";

type Day = {
  day: string;
  high: number;
  low: number;
  kind: "sun" | "cloud" | "rain" | "partly";
};

const FORECAST: Day[] = [
  { day: "Mon", high: 23, low: 16, kind: "partly" },
  { day: "Tue", high: 25, low: 17, kind: "sun" },
  { day: "Wed", high: 21, low: 15, kind: "rain" },
  { day: "Thu", high: 20, low: 14, kind: "cloud" },
  { day: "Fri", high: 24, low: 16, kind: "sun" },
];

const ICONS = { sun: Sun, cloud: Cloud, rain: CloudRain, partly: CloudSun };
const LABELS = { sun: "Sunny", cloud: "Cloudy", rain: "Rain", partly: "Partly cloudy" };

export function WeatherWidget() {
  const [unit, setUnit] = useState<"C" | "F">("C");
  const convert = (c: number) => (unit === "C" ? c : Math.round((c * 9) / 5 + 32));
  const today = FORECAST[0];
  const TodayIcon = ICONS[today.kind];

  return (
    <div className="mx-auto max-w-sm rounded-2xl bg-gradient-to-br from-sky-400 to-blue-600 p-6 text-white shadow-xl">
      <div className="flex items-start justify-between">
        <div>
          <h2 className="text-xl font-semibold">Lisbon</h2>
          <p className="text-sm opacity-80">{LABELS[today.kind]}</p>
        </div>
        <button
          onClick={() => setUnit(unit === "C" ? "F" : "C")}
          className="rounded-full bg-white/20 px-3 py-1 text-xs font-medium"
        >
          °{unit === "C" ? "F" : "C"}
        </button>
      </div>
      <div className="my-6 flex items-center gap-4">
        <TodayIcon className="h-16 w-16" />
        <span className="text-6xl font-light">
          {convert(today.high)}°{unit}
        </span>
      </div>
      <div className="mb-6 flex gap-6 text-sm">
        <span className="flex items-center gap-1"><Droplets className="h-4 w-4" /> 62%</span>
        <span className="flex items-center gap-1"><Wind className="h-4 w-4" /> 14 km/h</span>
      </div>
      <div className="grid grid-cols-5 gap-2 border-t border-white/20 pt-4 text-center text-sm">
        {FORECAST.map((d) => {
          const Icon = ICONS[d.kind];
          return (
            <div key={d.day} className="flex flex-col items-center gap-1">
              <span className="opacity-80">{d.day}</span>
              <Icon className="h-5 w-5" />
              <span>{convert(d.high)}°</span>
              <span className="text-xs opacity-70">{convert(d.low)}°</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
