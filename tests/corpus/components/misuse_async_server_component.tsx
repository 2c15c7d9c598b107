// expect: async
// libs: shadcn
// adversarial: error
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

type Release = { version: string; date: string; notes: string };

async function getReleases(): Promise<Release[]> {
  // A Next.js server component would fetch here; the data is inline so it never leaves the page.
  return [
    { version: "2.4.0", date: "2024-05-03", notes: "Dark mode for the editor" },
    { version: "2.3.1", date: "2024-04-18", notes: "Fixes for CSV export" },
    { version: "2.3.0", date: "2024-04-02", notes: "Shared dashboards" },
  ];
}

export default async function ReleasesPage() {
  const releases = await getReleases();
  return (
    <div className="mx-auto max-w-xl space-y-4 p-6">
      <h1 className="text-2xl font-bold">Releases</h1>
      {releases.map((release) => (
        <Card key={release.version}>
          <CardHeader>
            <CardTitle>v{release.version}</CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">
            {release.date} · {release.notes}
          </CardContent>
        </Card>
      ))}
      <footer className="border-t pt-4 text-xs text-muted-foreground">
        Showing the {releases.length} most recent releases.{" "}
        <a href="#archive" className="underline underline-offset-4">
          Older releases
        </a>
      </footer>
    </div>
  );
}
