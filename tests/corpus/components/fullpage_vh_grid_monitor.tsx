// expect: Cluster monitor
// expect: CPU
// expect: node-03
// libs: lucide
// layout: full-page
import { useMemo, useState } from "react";
import { Cpu, HardDrive, MemoryStick, Network, Server } from "lucide-react";

interface Node {
  name: string;
  cpu: number;
  memory: number;
  disk: number;
  status: "healthy" | "warning" | "down";
}

const NODES: Node[] = [
  { name: "node-01", cpu: 42, memory: 61, disk: 33, status: "healthy" },
  { name: "node-02", cpu: 77, memory: 82, disk: 45, status: "warning" },
  { name: "node-03", cpu: 12, memory: 25, disk: 71, status: "healthy" },
  { name: "node-04", cpu: 0, memory: 0, disk: 0, status: "down" },
  { name: "node-05", cpu: 55, memory: 47, disk: 52, status: "healthy" },
  { name: "node-06", cpu: 91, memory: 88, disk: 64, status: "warning" },
];

const dot = { healthy: "bg-emerald-400", warning: "bg-amber-400", down: "bg-red-500" };

function Meter({ label, value, icon: Icon }: { label: string; value: number; icon: typeof Cpu }) {
  const color = value > 85 ? "bg-red-500" : value > 70 ? "bg-amber-400" : "bg-emerald-400";
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between text-xs text-zinc-400">
        <span className="flex items-center gap-1"><Icon className="h-3 w-3" /> {label}</span>
        <span>{value}%</span>
      </div>
      <div className="h-1.5 rounded bg-zinc-800">
        <div className={`h-1.5 rounded ${color}`} style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}

export default function ClusterMonitor() {
  const [only, setOnly] = useState<"all" | "issues">("all");
  const nodes = useMemo(() => (only === "all" ? NODES : NODES.filter((n) => n.status !== "healthy")), [only]);

  return (
    <div style={{ height: "100vh", display: "grid", gridTemplateRows: "auto 1fr" }} className="bg-zinc-950 text-zinc-100">
      <header className="flex items-center justify-between border-b border-zinc-800 px-6 py-4">
        <h1 className="flex items-center gap-2 text-lg font-semibold">
          <Server className="h-5 w-5 text-emerald-400" /> Cluster monitor
        </h1>
        <div className="flex items-center gap-3 text-sm">
          <Network className="h-4 w-4 text-zinc-400" />
          <select
            value={only}
            onChange={(e) => setOnly(e.target.value as "all" | "issues")}
            className="rounded bg-zinc-800 px-2 py-1"
          >
            <option value="all">All nodes</option>
            <option value="issues">Only issues</option>
          </select>
        </div>
      </header>
      <main style={{ overflowY: "auto" }} className="grid grid-cols-3 content-start gap-4 p-6">
        {nodes.map((n) => (
          <div key={n.name} className="space-y-3 rounded-lg border border-zinc-800 bg-zinc-900 p-4">
            <div className="flex items-center justify-between">
              <span className="font-mono text-sm">{n.name}</span>
              <span className="flex items-center gap-1.5 text-xs capitalize text-zinc-400">
                <span className={`h-2 w-2 rounded-full ${dot[n.status]}`} /> {n.status}
              </span>
            </div>
            <Meter label="CPU" value={n.cpu} icon={Cpu} />
            <Meter label="Memory" value={n.memory} icon={MemoryStick} />
            <Meter label="Disk" value={n.disk} icon={HardDrive} />
          </div>
        ))}
      </main>
    </div>
  );
}
