import type { ComponentProps } from "react";
import { fieldClasses } from "./input";
import { cn } from "./utils";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea
      data-slot="textarea"
      className={cn(
        fieldClasses,
        "field-sizing-content flex min-h-16 w-full px-3 py-2 text-base md:text-sm",
        className,
      )}
      {...props}
    />
  );
}
