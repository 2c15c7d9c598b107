// expect: Workspace name
// expect: Northwind Labs
// expect: Save
// libs: shadcn, lucide
import React, { useState } from "react";
import { useToast } from "@/components/ui/use-toast";
import { Toaster } from "@/components/ui/toaster";
import { ToastAction } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Building2 } from "lucide-react";

function WorkspaceForm() {
  const { toast } = useToast();
  const [name, setName] = useState("Northwind Labs");
  const [saved, setSaved] = useState("Northwind Labs");

  const save = () => {
    const previous = saved;
    setSaved(name);
    toast({
      title: "Workspace renamed",
      description: `"${previous}" is now "${name}".`,
      action: (
        <ToastAction altText="Undo rename" onClick={() => { setName(previous); setSaved(previous); }}>
          Undo
        </ToastAction>
      ),
    });
  };

  return (
    <Card className="max-w-md">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Building2 className="h-5 w-5" /> {saved}
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <div className="space-y-1.5">
          <Label htmlFor="ws">Workspace name</Label>
          <Input id="ws" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="flex gap-2">
          <Button onClick={save} disabled={!name.trim() || name === saved}>
            Save
          </Button>
          <Button variant="ghost" onClick={() => setName(saved)}>
            Reset
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}

export default function ToastDemo() {
  return (
    <div className="p-6">
      <WorkspaceForm />
      <Toaster />
    </div>
  );
}
