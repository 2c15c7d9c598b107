// expect: Deployments
// expect: api-gateway
// expect: Building
// libs: shadcn, lucide
import { useState } from "react";
import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { GitBranch, Loader2, CheckCircle2, XCircle } from "lucide-react";

type DeployState = "ready" | "building" | "error";

interface Deployment {
  service: string;
  branch: string;
  commit: string;
  state: DeployState;
  age: string;
}

const DEPLOYS: Deployment[] = [
  { service: "api-gateway", branch: "main", commit: "a1c9e2f", state: "building", age: "just now" },
  { service: "web-app", branch: "main", commit: "77b0d14", state: "ready", age: "12m ago" },
  { service: "worker", branch: "fix/retry", commit: "3e8f0aa", state: "error", age: "1h ago" },
  { service: "docs", branch: "main", commit: "c02d9b1", state: "ready", age: "3h ago" },
];

const stateStyles: Record<DeployState, string> = {
  ready: "bg-emerald-100 text-emerald-700 border-emerald-200",
  building: "bg-amber-100 text-amber-700 border-amber-200",
  error: "bg-red-100 text-red-700 border-red-200",
};

const stateIcon = {
  ready: CheckCircle2,
  building: Loader2,
  error: XCircle,
};

export default function Deployments() {
  const [filter, setFilter] = useState<DeployState | "all">("all");
  const visible = DEPLOYS.filter((d) => filter === "all" || d.state === filter);

  return (
    <div className="mx-auto max-w-2xl p-6">
      <div className="mb-4 flex items-center justify-between">
        <h2 className="text-xl font-semibold">Deployments</h2>
        <div className="flex gap-1">
          {(["all", "ready", "building", "error"] as const).map((f) => (
            <Button
              key={f}
              size="sm"
              variant={filter === f ? "default" : "ghost"}
              className={cn("capitalize", filter === f && "shadow")}
              onClick={() => setFilter(f)}
            >
              {f}
            </Button>
          ))}
        </div>
      </div>
      <div className="divide-y rounded-lg border">
        {visible.map((d) => {
          const Icon = stateIcon[d.state];
          return (
            <div key={d.service} className={cn("flex items-center gap-4 p-4", d.state === "error" && "bg-red-50/50")}>
              <div className="flex-1">
                <p className="font-medium">{d.service}</p>
                <p className="flex items-center gap-1 text-xs text-muted-foreground">
                  <GitBranch className="h-3 w-3" /> {d.branch} · {d.commit}
                </p>
              </div>
              <Badge variant="outline" className={cn("gap-1 capitalize", stateStyles[d.state])}>
                <Icon className={cn("h-3 w-3", d.state === "building" && "animate-spin")} />
                {d.state}
              </Badge>
              <span className="w-20 text-right text-xs text-muted-foreground">{d.age}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
