import type { CSSProperties } from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

/** sonner's Toaster in the frame's theme; light unless the page is in `.dark`. */
export function Toaster({ theme, ...props }: ToasterProps) {
  const chosen = theme ?? (document.documentElement.classList.contains("dark") ? "dark" : "light");
  return (
    <Sonner
      theme={chosen}
      className="toaster group"
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
        } as CSSProperties
      }
      {...props}
    />
  );
}
