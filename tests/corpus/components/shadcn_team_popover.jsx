// expect: Team members
// expect: Sofia Davis
// expect: Owner
// libs: shadcn, lucide
import { useState } from "react";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { HoverCard, HoverCardContent, HoverCardTrigger } from "@/components/ui/hover-card";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { ChevronDown, CalendarDays } from "lucide-react";

const ROLES = ["Viewer", "Developer", "Billing", "Owner"];

const initialMembers = [
  { name: "Sofia Davis", email: "m@example.com", role: "Owner", joined: "December 2021" },
  { name: "Jackson Lee", email: "p@example.com", role: "Developer", joined: "March 2022" },
  { name: "Isabella Nguyen", email: "i@example.com", role: "Billing", joined: "July 2023" },
];

function initials(name) {
  return name
    .split(" ")
    .map((part) => part[0])
    .join("");
}

export default function TeamMembers() {
  const [members, setMembers] = useState(initialMembers);

  const setRole = (email, role) => setMembers((list) => list.map((m) => (m.email === email ? { ...m, role } : m)));

  return (
    <div className="mx-auto max-w-lg rounded-xl border p-6">
      <h3 className="text-lg font-semibold">Team members</h3>
      <p className="mb-4 text-sm text-muted-foreground">Invite your team members to collaborate.</p>
      <div className="space-y-4">
        {members.map((member) => (
          <div key={member.email} className="flex items-center justify-between">
            <HoverCard>
              <HoverCardTrigger asChild>
                <div className="flex cursor-default items-center gap-3">
                  <Avatar>
                    <AvatarFallback>{initials(member.name)}</AvatarFallback>
                  </Avatar>
                  <div>
                    <p className="text-sm font-medium leading-none">{member.name}</p>
                    <p className="text-sm text-muted-foreground">{member.email}</p>
                  </div>
                </div>
              </HoverCardTrigger>
              <HoverCardContent className="w-64">
                <p className="text-sm font-semibold">{member.name}</p>
                <div className="mt-2 flex items-center text-xs text-muted-foreground">
                  <CalendarDays className="mr-2 h-4 w-4" /> Joined {member.joined}
                </div>
              </HoverCardContent>
            </HoverCard>
            <Popover>
              <PopoverTrigger asChild>
                <Button variant="outline" size="sm" className="ml-auto">
                  {member.role} <ChevronDown className="ml-2 h-4 w-4 text-muted-foreground" />
                </Button>
              </PopoverTrigger>
              <PopoverContent className="w-40 p-1" align="end">
                {ROLES.map((role) => (
                  <button
                    key={role}
                    onClick={() => setRole(member.email, role)}
                    className="w-full rounded px-2 py-1.5 text-left text-sm hover:bg-accent"
                  >
                    {role}
                  </button>
                ))}
              </PopoverContent>
            </Popover>
          </div>
        ))}
      </div>
    </div>
  );
}
