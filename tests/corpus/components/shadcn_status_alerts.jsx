// expect: System status
// expect: Degraded performance
// expect: All payments are processing normally.
// libs: shadcn, lucide
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { AlertCircle, CheckCircle2, Info, Terminal } from "lucide-react";

const incidents = [
  {
    id: 1,
    kind: "error",
    title: "Degraded performance",
    body: "Search requests in eu-west are slower than usual. We are investigating.",
    icon: AlertCircle,
  },
  {
    id: 2,
    kind: "ok",
    title: "Payments operational",
    body: "All payments are processing normally.",
    icon: CheckCircle2,
  },
  {
    id: 3,
    kind: "info",
    title: "Scheduled maintenance",
    body: "The reporting API will be read-only on Sunday from 02:00 to 03:00 UTC.",
    icon: Info,
  },
];

export default function StatusAlerts() {
  const open = incidents.filter((i) => i.kind === "error").length;
  return (
    <div className="mx-auto max-w-2xl space-y-4 p-6">
      <div className="flex items-center justify-between">
        <h2 className="text-2xl font-semibold">System status</h2>
        <Badge variant={open ? "destructive" : "secondary"}>{open ? `${open} open incident` : "All clear"}</Badge>
      </div>
      {incidents.map(({ id, kind, title, body, icon: Icon }) => (
        <Alert key={id} variant={kind === "error" ? "destructive" : "default"}>
          <Icon className="h-4 w-4" />
          <AlertTitle>{title}</AlertTitle>
          <AlertDescription>{body}</AlertDescription>
        </Alert>
      ))}
      <Alert className="bg-muted">
        <Terminal className="h-4 w-4" />
        <AlertTitle>Heads up!</AlertTitle>
        <AlertDescription>
          Subscribe with <code className="rounded bg-background px-1">status --watch</code> to get updates.
        </AlertDescription>
      </Alert>
    </div>
  );
}
