// expect: Weekly digest
// expect: Dark mode
// expect: Send me a summary every Monday
// libs: shadcn, lucide
import { useEffect, useState } from "react";
import { Moon, Sun } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Separator } from "@/components/ui/separator";

export default function NotificationSettings() {
  const [dark, setDark] = useState(true);
  const [digest, setDigest] = useState(true);

  // Like a site-wide theme switch: the class goes on <html>.
  useEffect(() => {
    document.documentElement.classList.toggle("dark", dark);
  }, [dark]);

  return (
    <div className="flex justify-center p-6">
      <Card className="w-full max-w-md">
        <CardHeader className="flex flex-row items-start justify-between space-y-0">
          <div className="space-y-1.5">
            <CardTitle>Weekly digest</CardTitle>
            <CardDescription>Choose what lands in your inbox.</CardDescription>
          </div>
          <Button variant="ghost" size="icon" onClick={() => setDark(!dark)} aria-label="Toggle theme">
            {dark ? <Sun className="h-4 w-4" /> : <Moon className="h-4 w-4" />}
          </Button>
        </CardHeader>
        <CardContent className="space-y-4">
          <div className="flex items-center space-x-2">
            <Checkbox id="digest" checked={digest} onCheckedChange={(v) => setDigest(v === true)} />
            <Label htmlFor="digest">Send me a summary every Monday</Label>
          </div>
          <Separator />
          <p className="text-sm">
            {dark ? "Dark mode" : "Light mode"} is on. Summaries include mentions, assigned issues and failed
            deploys.
          </p>
          <Button className="w-full">Save preferences</Button>
        </CardContent>
      </Card>
    </div>
  );
}
