// expect: Storage
// expect: 68.4 GB of 100 GB used
// expect: Photos
// libs: shadcn, lucide
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Progress } from "~/components/ui/progress";
import { Button } from "~/components/ui/button";
import { Film, HardDrive, Image, Music } from "lucide-react";

interface Bucket {
  label: string;
  gb: number;
  color: string;
  icon: typeof Film;
}

const buckets: Bucket[] = [
  { label: "Photos", gb: 31.2, color: "bg-sky-500", icon: Image },
  { label: "Videos", gb: 24.9, color: "bg-violet-500", icon: Film },
  { label: "Music", gb: 12.3, color: "bg-amber-500", icon: Music },
];

const CAPACITY = 100;

export default function StorageCard() {
  const used = buckets.reduce((sum, b) => sum + b.gb, 0);
  return (
    <Card className="max-w-md">
      <CardHeader className="flex flex-row items-center gap-3 space-y-0">
        <HardDrive className="h-6 w-6 text-muted-foreground" />
        <div>
          <CardTitle>Storage</CardTitle>
          <CardDescription>
            {used.toFixed(1)} GB of {CAPACITY} GB used
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        <Progress value={(used / CAPACITY) * 100} />
        <div className="flex h-2 overflow-hidden rounded-full">
          {buckets.map((b) => (
            <div key={b.label} className={b.color} style={{ width: `${(b.gb / CAPACITY) * 100}%` }} />
          ))}
        </div>
        <ul className="space-y-2">
          {buckets.map(({ label, gb, icon: Icon, color }) => (
            <li key={label} className="flex items-center justify-between text-sm">
              <span className="flex items-center gap-2">
                <span className={`h-2 w-2 rounded-full ${color}`} />
                <Icon className="h-4 w-4" />
                {label}
              </span>
              <span className="text-muted-foreground">{gb} GB</span>
            </li>
          ))}
        </ul>
        <Button variant="outline" className="w-full">
          Manage storage
        </Button>
      </CardContent>
    </Card>
  );
}
