// expect: Privacy
// expect: Share usage analytics
// expect: 2 of 4 enabled
// libs: shadcn
import React, { useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import { Label } from "@/components/ui/label";
import { Separator } from "@/components/ui/separator";

interface Setting {
  id: string;
  label: string;
  hint: string;
  enabled: boolean;
}

const DEFAULTS: Setting[] = [
  { id: "analytics", label: "Share usage analytics", hint: "Anonymous counts of features used.", enabled: true },
  { id: "crash", label: "Send crash reports", hint: "Stack traces, no document content.", enabled: true },
  { id: "personal", label: "Personalised suggestions", hint: "Use history to rank templates.", enabled: false },
  { id: "public", label: "Public profile", hint: "Let anyone find you by email.", enabled: false },
];

const PrivacySettings: React.FC = () => {
  const [settings, setSettings] = useState<Setting[]>(DEFAULTS);
  const enabled = settings.filter((s) => s.enabled).length;

  const update = (id: string, value: boolean) =>
    setSettings((all) => all.map((s) => (s.id === id ? { ...s, enabled: value } : s)));

  return (
    <Card className="max-w-xl">
      <CardHeader>
        <CardTitle>Privacy</CardTitle>
        <CardDescription>
          {enabled} of {settings.length} enabled
        </CardDescription>
      </CardHeader>
      <CardContent>
        {settings.map((setting, i) => (
          <div key={setting.id}>
            {i > 0 && <Separator className="my-3" />}
            <div className="flex items-center justify-between gap-6">
              <div className="space-y-0.5">
                <Label htmlFor={setting.id} className="text-sm font-medium">
                  {setting.label}
                </Label>
                <p className="text-xs text-muted-foreground">{setting.hint}</p>
              </div>
              <Switch
                id={setting.id}
                checked={setting.enabled}
                onCheckedChange={(value) => update(setting.id, value)}
              />
            </div>
          </div>
        ))}
      </CardContent>
    </Card>
  );
};

export default PrivacySettings;
