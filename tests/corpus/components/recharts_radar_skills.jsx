// expect: Skill profile
// expect: Frontend
// expect: Alex vs team average
// libs: recharts
import React, { useState } from "react";
import {
  Legend,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
} from "recharts";

const people = {
  Alex: { Frontend: 92, Backend: 64, DevOps: 48, Design: 75, Data: 58, Testing: 80 },
  Sam: { Frontend: 55, Backend: 90, DevOps: 82, Design: 30, Data: 70, Testing: 66 },
  Jo: { Frontend: 70, Backend: 72, DevOps: 60, Design: 62, Data: 88, Testing: 59 },
};

const skills = Object.keys(people.Alex);

function teamAverage(skill) {
  const values = Object.values(people).map((p) => p[skill]);
  return Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

export default function SkillRadar() {
  const [who, setWho] = useState("Alex");
  const data = skills.map((skill) => ({ skill, person: people[who][skill], team: teamAverage(skill) }));

  return (
    <div className="mx-auto max-w-xl rounded-xl border p-5">
      <div className="flex items-center justify-between">
        <div>
          <h2 className="text-lg font-semibold">Skill profile</h2>
          <p className="text-sm text-gray-500">{who} vs team average</p>
        </div>
        <select value={who} onChange={(e) => setWho(e.target.value)} className="rounded border px-2 py-1 text-sm">
          {Object.keys(people).map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </div>
      <div className="h-80">
        <ResponsiveContainer>
          <RadarChart data={data} outerRadius="75%">
            <PolarGrid />
            <PolarAngleAxis dataKey="skill" />
            <PolarRadiusAxis angle={30} domain={[0, 100]} />
            <Radar name={who} dataKey="person" stroke="#7c3aed" fill="#7c3aed" fillOpacity={0.45} />
            <Radar name="Team" dataKey="team" stroke="#64748b" fill="#64748b" fillOpacity={0.15} />
            <Tooltip />
            <Legend />
          </RadarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
