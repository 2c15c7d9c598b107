// expect: Untitled document
// expect: Start writing your story
// expect: 0 words
// libs: shadcn, lucide
import { useState } from "react";
import { Tooltip, TooltipContent, TooltipProvider, TooltipTrigger } from "@/components/ui/tooltip";
import { ToggleGroup, ToggleGroupItem } from "@/components/ui/toggle-group";
import { Toggle } from "@/components/ui/toggle";
import { Separator } from "@/components/ui/separator";
import { AlignCenter, AlignLeft, AlignRight, Bold, Italic, Underline } from "lucide-react";

const MARKS = [
  { value: "bold", icon: Bold, label: "Bold (Ctrl+B)" },
  { value: "italic", icon: Italic, label: "Italic (Ctrl+I)" },
  { value: "underline", icon: Underline, label: "Underline (Ctrl+U)" },
];

export default function EditorToolbar() {
  const [marks, setMarks] = useState(["bold"]);
  const [align, setAlign] = useState("left");
  const [text, setText] = useState("");
  const words = text.trim() ? text.trim().split(/\s+/).length : 0;

  const style = {
    fontWeight: marks.includes("bold") ? 700 : 400,
    fontStyle: marks.includes("italic") ? "italic" : "normal",
    textDecoration: marks.includes("underline") ? "underline" : "none",
    textAlign: align,
  };

  return (
    <TooltipProvider delayDuration={200}>
      <div className="mx-auto max-w-2xl rounded-lg border">
        <div className="flex items-center gap-1 border-b p-2">
          <span className="mr-3 px-2 text-sm font-medium">Untitled document</span>
          {MARKS.map(({ value, icon: Icon, label }) => (
            <Tooltip key={value}>
              <TooltipTrigger asChild>
                <Toggle
                  size="sm"
                  pressed={marks.includes(value)}
                  onPressedChange={(on) => setMarks(on ? [...marks, value] : marks.filter((m) => m !== value))}
                  aria-label={label}
                >
                  <Icon className="h-4 w-4" />
                </Toggle>
              </TooltipTrigger>
              <TooltipContent>{label}</TooltipContent>
            </Tooltip>
          ))}
          <Separator orientation="vertical" className="mx-1 h-6" />
          <ToggleGroup type="single" size="sm" value={align} onValueChange={(v) => v && setAlign(v)}>
            <ToggleGroupItem value="left" aria-label="Align left"><AlignLeft className="h-4 w-4" /></ToggleGroupItem>
            <ToggleGroupItem value="center" aria-label="Align center"><AlignCenter className="h-4 w-4" /></ToggleGroupItem>
            <ToggleGroupItem value="right" aria-label="Align right"><AlignRight className="h-4 w-4" /></ToggleGroupItem>
          </ToggleGroup>
        </div>
        <div className="relative">
          {!text && (
            <p className="pointer-events-none absolute left-4 top-4 text-muted-foreground">
              Start writing your story…
            </p>
          )}
          <textarea
            className="min-h-[200px] w-full resize-none bg-transparent p-4 outline-none"
            style={style}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="border-t px-4 py-2 text-right text-xs text-muted-foreground">{words} words</div>
      </div>
    </TooltipProvider>
  );
}
