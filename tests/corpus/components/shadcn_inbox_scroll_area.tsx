// expect: Inbox
// expect: Meeting notes for Thursday
// expect: William Smith
// libs: shadcn, lucide
import { useState } from "react";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Separator } from "@/components/ui/separator";
import { Input } from "@/components/ui/input";
import { Search } from "lucide-react";

interface Mail {
  id: number;
  from: string;
  subject: string;
  preview: string;
  when: string;
  labels: string[];
  read: boolean;
}

const MAILS: Mail[] = [
  { id: 1, from: "William Smith", subject: "Meeting notes for Thursday", preview: "Here are the action items we agreed on...", when: "09:34", labels: ["work"], read: false },
  { id: 2, from: "Alice Smith", subject: "Re: Project update", preview: "Thanks for the update, the timeline looks good.", when: "Yesterday", labels: ["work", "important"], read: true },
  { id: 3, from: "Bob Johnson", subject: "Weekend plans", preview: "Any plans for the hike on Saturday?", when: "Mon", labels: ["personal"], read: true },
  { id: 4, from: "Emily Davis", subject: "Re: Question about budget", preview: "I have a question about the Q3 budget lines.", when: "Mon", labels: ["work"], read: false },
  { id: 5, from: "Michael Wilson", subject: "Important announcement", preview: "Please join the all-hands at 4pm.", when: "Sun", labels: ["meeting"], read: true },
  { id: 6, from: "Sarah Brown", subject: "Re: Feedback on proposal", preview: "Great work on the proposal, a few notes.", when: "Sat", labels: ["work"], read: true },
];

export default function Inbox() {
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState(1);
  const shown = MAILS.filter((m) => (m.from + m.subject).toLowerCase().includes(query.toLowerCase()));

  return (
    <div className="mx-auto max-w-xl rounded-lg border">
      <div className="flex items-center justify-between p-4">
        <h2 className="text-xl font-bold">Inbox</h2>
        <Badge>{MAILS.filter((m) => !m.read).length} unread</Badge>
      </div>
      <div className="relative px-4 pb-3">
        <Search className="absolute left-6 top-2.5 h-4 w-4 text-muted-foreground" />
        <Input placeholder="Search" className="pl-8" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <Separator />
      <ScrollArea className="h-[360px]">
        <div className="flex flex-col gap-2 p-4">
          {shown.map((mail) => (
            <button
              key={mail.id}
              onClick={() => setSelected(mail.id)}
              className={`flex gap-3 rounded-lg border p-3 text-left text-sm transition-colors hover:bg-accent ${selected === mail.id ? "bg-muted" : ""}`}
            >
              <Avatar className="h-8 w-8">
                <AvatarFallback>{mail.from.split(" ").map((p) => p[0]).join("")}</AvatarFallback>
              </Avatar>
              <div className="flex-1 space-y-1">
                <div className="flex items-center justify-between">
                  <span className={mail.read ? "" : "font-semibold"}>{mail.from}</span>
                  <span className="text-xs text-muted-foreground">{mail.when}</span>
                </div>
                <div className="text-xs font-medium">{mail.subject}</div>
                <div className="line-clamp-1 text-xs text-muted-foreground">{mail.preview}</div>
                <div className="flex gap-1 pt-1">
                  {mail.labels.map((l) => (
                    <Badge key={l} variant="secondary" className="text-[10px]">{l}</Badge>
                  ))}
                </div>
              </div>
            </button>
          ))}
        </div>
      </ScrollArea>
    </div>
  );
}
