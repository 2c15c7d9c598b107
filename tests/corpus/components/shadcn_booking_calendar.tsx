// expect: Book a session
// expect: June 2024
// expect: Wednesday, June 12th, 2024
// libs: shadcn, date-fns, lucide
import { useState } from "react";
import { format } from "date-fns";
import { Calendar } from "@/components/ui/calendar";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Clock } from "lucide-react";
import { cn } from "@/lib/utils";

const SLOTS = ["09:00", "10:30", "13:00", "14:30", "16:00"];

export default function BookingCalendar() {
  const [date, setDate] = useState<Date | undefined>(new Date(2024, 5, 12));
  const [slot, setSlot] = useState<string | null>("10:30");

  return (
    <Card className="mx-auto max-w-3xl">
      <CardHeader>
        <CardTitle>Book a session</CardTitle>
        <CardDescription>Pick a day and a time that suits you.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6 md:flex-row">
        <Calendar
          mode="single"
          selected={date}
          onSelect={setDate}
          defaultMonth={new Date(2024, 5, 1)}
          disabled={(d) => d.getDay() === 0 || d.getDay() === 6}
          className="rounded-md border"
        />
        <div className="flex-1 space-y-4">
          <p className="text-sm font-medium">
            {date ? format(date, "EEEE, MMMM do, yyyy") : "No day selected"}
          </p>
          <div className="grid grid-cols-2 gap-2">
            {SLOTS.map((s) => (
              <Button
                key={s}
                variant={slot === s ? "default" : "outline"}
                className={cn("justify-start", slot === s && "ring-2 ring-offset-2")}
                onClick={() => setSlot(s)}
              >
                <Clock className="mr-2 h-4 w-4" />
                {s}
              </Button>
            ))}
          </div>
          <Button className="w-full" disabled={!date || !slot}>
            Confirm {slot ?? ""}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
