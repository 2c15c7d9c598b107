// expect: Danger zone
// expect: Delete project
// expect: acme-analytics
// libs: shadcn, lucide
import React, { useState } from "react";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  DialogClose,
} from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { AlertTriangle, Trash2 } from "lucide-react";

const PROJECT = "acme-analytics";

export default function DeleteProjectDialog() {
  const [confirm, setConfirm] = useState("");
  const [deleted, setDeleted] = useState(false);
  const [open, setOpen] = useState(false);

  function handleDelete() {
    setDeleted(true);
    setOpen(false);
  }

  return (
    <div className="max-w-xl p-6">
      <div className="rounded-lg border border-red-200 bg-red-50 p-5">
        <div className="flex items-start gap-3">
          <AlertTriangle className="mt-0.5 h-5 w-5 text-red-600" />
          <div className="flex-1">
            <h3 className="font-semibold text-red-900">Danger zone</h3>
            <p className="mt-1 text-sm text-red-800">
              Deleting <span className="font-mono font-medium">{PROJECT}</span> removes its dashboards,
              alerts and API keys. This cannot be undone.
            </p>
            {deleted ? (
              <p className="mt-3 text-sm font-medium text-red-900">The project was scheduled for deletion.</p>
            ) : (
              <Dialog open={open} onOpenChange={setOpen}>
                <DialogTrigger asChild>
                  <Button variant="destructive" className="mt-4">
                    <Trash2 className="mr-2 h-4 w-4" /> Delete project
                  </Button>
                </DialogTrigger>
                <DialogContent className="sm:max-w-md">
                  <DialogHeader>
                    <DialogTitle>Are you absolutely sure?</DialogTitle>
                    <DialogDescription>
                      Type <strong>{PROJECT}</strong> below to confirm.
                    </DialogDescription>
                  </DialogHeader>
                  <div className="grid gap-2 py-2">
                    <Label htmlFor="confirm">Project name</Label>
                    <Input id="confirm" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
                  </div>
                  <DialogFooter>
                    <DialogClose asChild>
                      <Button variant="outline">Cancel</Button>
                    </DialogClose>
                    <Button variant="destructive" disabled={confirm !== PROJECT} onClick={handleDelete}>
                      I understand, delete it
                    </Button>
                  </DialogFooter>
                </DialogContent>
              </Dialog>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
