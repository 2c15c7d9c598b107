// expect: Upload files
// expect: quarterly-report.pdf
// expect: Drag and drop
// libs: shadcn, sonner, lucide
"use client"

import { useState } from "react"
import { toast } from "sonner"
import { Toaster } from "@/components/ui/sonner"
import { Button } from "@/components/ui/button"
import { Progress } from "@/components/ui/progress"
import { FileText, UploadCloud, X } from "lucide-react"

type Upload = { name: string; size: string; progress: number }

const initial: Upload[] = [
  { name: "quarterly-report.pdf", size: "2.4 MB", progress: 100 },
  { name: "team-photo.png", size: "5.1 MB", progress: 64 },
  { name: "budget.xlsx", size: "310 KB", progress: 12 },
]

export default function FileUploader() {
  const [uploads, setUploads] = useState<Upload[]>(initial)

  const remove = (name: string) => {
    setUploads((list) => list.filter((u) => u.name !== name))
    toast("File removed", { description: name })
  }

  return (
    <div className="mx-auto max-w-lg space-y-4 p-6">
      <h2 className="text-xl font-semibold">Upload files</h2>
      <label className="flex cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed border-muted-foreground/25 p-8 text-center hover:bg-muted/50">
        <UploadCloud className="h-8 w-8 text-muted-foreground" />
        <span className="text-sm font-medium">Drag and drop files here</span>
        <span className="text-xs text-muted-foreground">PDF, PNG or XLSX up to 10 MB</span>
        <input type="file" className="hidden" multiple />
      </label>
      <ul className="space-y-3">
        {uploads.map((u) => (
          <li key={u.name} className="flex items-center gap-3 rounded-lg border p-3">
            <FileText className="h-5 w-5 shrink-0 text-blue-500" />
            <div className="min-w-0 flex-1">
              <div className="flex justify-between text-sm">
                <span className="truncate font-medium">{u.name}</span>
                <span className="text-muted-foreground">{u.size}</span>
              </div>
              <Progress value={u.progress} className="mt-2 h-1.5" />
            </div>
            <Button variant="ghost" size="icon" onClick={() => remove(u.name)} aria-label={`Remove ${u.name}`}>
              <X className="h-4 w-4" />
            </Button>
          </li>
        ))}
      </ul>
      <Button className="w-full" onClick={() => toast.success("Upload complete")}>
        Finish upload
      </Button>
      <Toaster />
    </div>
  )
}
