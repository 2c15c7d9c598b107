/** `@/lib/utils`: `cn` joins class names (clsx) and lets later Tailwind classes win (tailwind-merge). */
import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
