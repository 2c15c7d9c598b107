// expect: Incident response
// expect: Page on-call
// expect: 3 active
// expect: Auto-escalate
// libs: shadcn, recharts, lucide
import { useState } from "react";
import { AlertTriangle, BellRing, CheckCircle2, Siren } from "lucide-react";
import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis } from "recharts";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";

const errorRate = [
  { t: "09:00", rate: 0.4 },
  { t: "10:00", rate: 0.6 },
  { t: "11:00", rate: 2.8 },
  { t: "12:00", rate: 4.1 },
  { t: "13:00", rate: 1.9 },
  { t: "14:00", rate: 0.9 },
];

const incidents = [
  { id: "INC-311", title: "Checkout latency above SLO", severity: "critical", owner: "payments" },
  { id: "INC-312", title: "Search index lagging", severity: "major", owner: "search" },
  { id: "INC-313", title: "Webhook retries piling up", severity: "minor", owner: "platform" },
];

export default function OpsDashboard() {
  const [autoEscalate, setAutoEscalate] = useState(true);

  return (
    <div className="dark">
      <div className="min-h-[420px] bg-background p-6 text-foreground">
        <div className="mb-6 flex items-center justify-between">
          <div className="flex items-center gap-3">
            <Siren className="h-6 w-6 text-destructive" />
            <h1 className="text-2xl font-semibold tracking-tight">Incident response</h1>
            <Badge variant="destructive">3 active</Badge>
          </div>
          <div className="flex gap-2">
            <Button variant="outline">
              <CheckCircle2 className="mr-2 h-4 w-4" /> Resolve all
            </Button>
            <Button variant="destructive">
              <BellRing className="mr-2 h-4 w-4" /> Page on-call
            </Button>
          </div>
        </div>

        <div className="grid gap-4 md:grid-cols-3">
          <Card className="md:col-span-2">
            <CardHeader>
              <CardTitle>Error rate</CardTitle>
              <CardDescription>Percentage of failed requests, last 6 hours</CardDescription>
            </CardHeader>
            <CardContent className="h-48">
              <ResponsiveContainer width="100%" height="100%">
                <AreaChart data={errorRate}>
                  <XAxis dataKey="t" stroke="hsl(var(--muted-foreground))" fontSize={12} tickLine={false} />
                  <Tooltip />
                  <Area
                    type="monotone"
                    dataKey="rate"
                    stroke="hsl(var(--destructive))"
                    fill="hsl(var(--destructive))"
                    fillOpacity={0.2}
                  />
                </AreaChart>
              </ResponsiveContainer>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Escalation</CardTitle>
              <CardDescription>What happens when nobody acknowledges</CardDescription>
            </CardHeader>
            <CardContent className="space-y-4">
              <div className="flex items-center justify-between">
                <Label htmlFor="auto">Auto-escalate</Label>
                <Switch id="auto" checked={autoEscalate} onCheckedChange={setAutoEscalate} />
              </div>
              <p className="text-sm text-muted-foreground">
                {autoEscalate ? "The secondary is paged after 10 minutes." : "Only the primary is paged."}
              </p>
            </CardContent>
          </Card>
        </div>

        <Tabs defaultValue="open" className="mt-6">
          <TabsList>
            <TabsTrigger value="open">Open</TabsTrigger>
            <TabsTrigger value="resolved">Resolved</TabsTrigger>
          </TabsList>
          <TabsContent value="open" className="space-y-2">
            {incidents.map((incident) => (
              <div key={incident.id} className="flex items-center justify-between rounded-lg border p-3">
                <div className="flex items-center gap-3">
                  <AlertTriangle className="h-4 w-4 text-muted-foreground" />
                  <span className="font-mono text-xs text-muted-foreground">{incident.id}</span>
                  <span className="text-sm">{incident.title}</span>
                </div>
                <div className="flex items-center gap-2">
                  <Badge variant={incident.severity === "critical" ? "destructive" : "secondary"}>
                    {incident.severity}
                  </Badge>
                  <Badge variant="outline">{incident.owner}</Badge>
                </div>
              </div>
            ))}
          </TabsContent>
          <TabsContent value="resolved">
            <p className="text-sm text-muted-foreground">Nothing resolved today.</p>
          </TabsContent>
        </Tabs>
      </div>
    </div>
  );
}
