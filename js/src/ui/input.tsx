import type { ComponentProps } from "react";
import { cn } from "./utils";

/** The text field look shared by Input, Textarea and the select and OTP triggers. */
export const fieldClasses = [
  "rounded-md border border-input bg-transparent shadow-xs outline-none transition-[color,box-shadow]",
  "placeholder:text-muted-foreground selection:bg-primary selection:text-primary-foreground dark:bg-input/30",
  "disabled:cursor-not-allowed disabled:opacity-50",
  "focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50",
  "aria-invalid:border-destructive aria-invalid:ring-destructive/20 dark:aria-invalid:ring-destructive/40",
].join(" ");

export function Input({ className, type, ...props }: ComponentProps<"input">) {
  return (
    <input
      type={type}
      data-slot="input"
      className={cn(
        fieldClasses,
        "flex h-9 w-full min-w-0 px-3 py-1 text-base md:text-sm",
        "file:inline-flex file:h-7 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}
