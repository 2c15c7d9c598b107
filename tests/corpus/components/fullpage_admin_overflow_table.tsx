// expect: Users
// expect: olivia.martin@email.com
// expect: Invite user
// libs: shadcn, lucide
// layout: full-page
import { useState } from "react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { LayoutGrid, Search, Shield, UserPlus, Users as UsersIcon } from "lucide-react";

type Role = "Admin" | "Editor" | "Viewer";

interface User {
  name: string;
  email: string;
  role: Role;
  lastSeen: string;
}

const USERS: User[] = [
  { name: "Olivia Martin", email: "olivia.martin@email.com", role: "Admin", lastSeen: "2 min ago" },
  { name: "Jackson Lee", email: "jackson.lee@email.com", role: "Editor", lastSeen: "1 h ago" },
  { name: "Isabella Nguyen", email: "isabella.nguyen@email.com", role: "Viewer", lastSeen: "Yesterday" },
  { name: "William Kim", email: "will@email.com", role: "Editor", lastSeen: "3 days ago" },
  { name: "Sofia Davis", email: "sofia.davis@email.com", role: "Viewer", lastSeen: "1 week ago" },
  { name: "Ethan Brown", email: "ethan.b@email.com", role: "Viewer", lastSeen: "2 weeks ago" },
  { name: "Mia Wilson", email: "mia.w@email.com", role: "Editor", lastSeen: "1 month ago" },
];

export default function UsersAdmin() {
  const [q, setQ] = useState("");
  const rows = USERS.filter((u) => `${u.name} ${u.email}`.toLowerCase().includes(q.toLowerCase()));

  return (
    <div className="flex h-screen overflow-hidden">
      <nav className="flex w-16 flex-col items-center gap-4 border-r bg-muted/40 py-4">
        <LayoutGrid className="h-5 w-5 text-muted-foreground" />
        <UsersIcon className="h-5 w-5" />
        <Shield className="h-5 w-5 text-muted-foreground" />
      </nav>
      <div className="flex flex-1 flex-col">
        <header className="flex h-14 items-center justify-between border-b px-6">
          <h1 className="text-lg font-semibold">Users</h1>
          <Button size="sm">
            <UserPlus className="mr-2 h-4 w-4" /> Invite user
          </Button>
        </header>
        <div className="flex-1 overflow-y-auto p-6">
          <div className="relative mb-4 max-w-sm">
            <Search className="absolute left-2.5 top-2.5 h-4 w-4 text-muted-foreground" />
            <Input className="pl-8" placeholder="Search users…" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
          <div className="rounded-md border">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Email</TableHead>
                  <TableHead>Role</TableHead>
                  <TableHead className="text-right">Last seen</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((u) => (
                  <TableRow key={u.email}>
                    <TableCell className="font-medium">{u.name}</TableCell>
                    <TableCell>{u.email}</TableCell>
                    <TableCell>
                      <Badge variant={u.role === "Admin" ? "default" : "secondary"}>{u.role}</Badge>
                    </TableCell>
                    <TableCell className="text-right text-muted-foreground">{u.lastSeen}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </div>
      </div>
    </div>
  );
}
