// expect: Get started
// expect: 3 of 5 tasks complete
// expect: Invite your team
// libs: shadcn, lucide
import { useState } from "react";
import { Progress } from "@/components/ui/progress";
import { Checkbox } from "@/components/ui/checkbox";
import { Separator } from "@/components/ui/separator";
import { Button } from "@/components/ui/button";
import { Rocket } from "lucide-react";

const STEPS = [
  { id: "profile", title: "Complete your profile", done: true },
  { id: "connect", title: "Connect a data source", done: true },
  { id: "dashboard", title: "Create your first dashboard", done: true },
  { id: "invite", title: "Invite your team", done: false },
  { id: "alerts", title: "Set up an alert", done: false },
];

export default function OnboardingChecklist() {
  const [steps, setSteps] = useState(STEPS);
  const completed = steps.filter((s) => s.done).length;
  const percent = Math.round((completed / steps.length) * 100);

  const toggle = (id) => setSteps(steps.map((s) => (s.id === id ? { ...s, done: !s.done } : s)));

  return (
    <div className="mx-auto max-w-md rounded-xl border bg-card p-6 shadow-sm">
      <div className="flex items-center gap-3">
        <div className="rounded-full bg-primary/10 p-2">
          <Rocket className="h-5 w-5 text-primary" />
        </div>
        <div>
          <h3 className="font-semibold">Get started</h3>
          <p className="text-sm text-muted-foreground">
            {completed} of {steps.length} tasks complete
          </p>
        </div>
      </div>
      <Progress value={percent} className="mt-4" />
      <Separator className="my-4" />
      <ul className="space-y-3">
        {steps.map((step) => (
          <li key={step.id} className="flex items-center gap-3">
            <Checkbox id={step.id} checked={step.done} onCheckedChange={() => toggle(step.id)} />
            <label
              htmlFor={step.id}
              className={`text-sm ${step.done ? "text-muted-foreground line-through" : "font-medium"}`}
            >
              {step.title}
            </label>
          </li>
        ))}
      </ul>
      <Button variant="secondary" className="mt-6 w-full" disabled={completed < steps.length}>
        Finish setup
      </Button>
    </div>
  );
}
