// expect: Active users
// expect: +12.4% vs last week
// libs: shadcn, recharts, lucide
"use client";

import { TrendingUp } from "lucide-react";
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import {
  ChartContainer,
  ChartLegend,
  ChartLegendContent,
  ChartTooltip,
  ChartTooltipContent,
  type ChartConfig,
} from "@/components/ui/chart";

const chartData = [
  { day: "Mon", web: 1840, app: 920 },
  { day: "Tue", web: 2010, app: 1005 },
  { day: "Wed", web: 1920, app: 1130 },
  { day: "Thu", web: 2240, app: 1210 },
  { day: "Fri", web: 2380, app: 1320 },
  { day: "Sat", web: 1610, app: 1490 },
  { day: "Sun", web: 1540, app: 1570 },
];

const chartConfig = {
  web: { label: "Web", color: "var(--chart-1)" },
  app: { label: "App", color: "var(--chart-2)" },
} satisfies ChartConfig;

export default function ActiveUsersChart() {
  return (
    <Card className="max-w-2xl">
      <CardHeader>
        <CardTitle>Active users</CardTitle>
        <CardDescription>Daily active users by platform</CardDescription>
      </CardHeader>
      <CardContent>
        <ChartContainer config={chartConfig} className="h-64 w-full">
          <LineChart data={chartData} margin={{ left: 4, right: 12 }}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="day" tickLine={false} axisLine={false} tickMargin={8} />
            <YAxis tickLine={false} axisLine={false} width={40} />
            <ChartTooltip content={<ChartTooltipContent />} />
            <ChartLegend content={<ChartLegendContent />} />
            <Line dataKey="web" type="monotone" stroke="var(--color-web)" strokeWidth={2} dot={false} />
            <Line dataKey="app" type="monotone" stroke="var(--color-app)" strokeWidth={2} dot={false} />
          </LineChart>
        </ChartContainer>
      </CardContent>
      <CardFooter className="gap-2 text-sm">
        <TrendingUp className="h-4 w-4 text-emerald-600" />
        <span className="font-medium">+12.4% vs last week</span>
      </CardFooter>
    </Card>
  );
}
