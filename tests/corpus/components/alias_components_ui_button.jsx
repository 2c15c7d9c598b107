// expect: Quick actions
// expect: New invoice
// expect: Export CSV
// libs: shadcn, lucide
import React from "react";
import { Button } from "components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "components/ui/card";
import { Download, FilePlus, Send, Share2 } from "lucide-react";

const ACTIONS = [
  { label: "New invoice", icon: FilePlus, variant: "default", hint: "Draft a new invoice" },
  { label: "Send reminder", icon: Send, variant: "secondary", hint: "Nudge late payers" },
  { label: "Export CSV", icon: Download, variant: "outline", hint: "All invoices this year" },
  { label: "Share report", icon: Share2, variant: "ghost", hint: "Copy a read-only link" },
];

export default function QuickActions() {
  const [last, setLast] = React.useState(null);

  return (
    <Card className="max-w-lg">
      <CardHeader>
        <CardTitle>Quick actions</CardTitle>
      </CardHeader>
      <CardContent>
        <div className="grid grid-cols-2 gap-3">
          {ACTIONS.map(({ label, icon: Icon, variant, hint }) => (
            <Button
              key={label}
              variant={variant}
              className="h-auto flex-col items-start gap-1 p-4 text-left"
              onClick={() => setLast(label)}
            >
              <span className="flex items-center gap-2 font-medium">
                <Icon className="h-4 w-4" />
                {label}
              </span>
              <span className="text-xs font-normal opacity-70">{hint}</span>
            </Button>
          ))}
        </div>
        <p className="mt-4 text-sm text-muted-foreground">
          {last ? `You chose “${last}”.` : "Choose an action to get started."}
        </p>
      </CardContent>
    </Card>
  );
}

// A second, smaller export some apps use as a toolbar.
export function QuickActionsToolbar() {
  return (
    <div className="flex gap-2">
      {ACTIONS.slice(0, 2).map(({ label, icon: Icon }) => (
        <Button key={label} size="sm">
          <Icon className="mr-1 h-3 w-3" />
          {label}
        </Button>
      ))}
    </div>
  );
}
