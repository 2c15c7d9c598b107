/**
 * `@/hooks/use-toast` (and `@/components/ui/use-toast`): the toast queue behind `<Toaster />` of
 * `@/components/ui/toaster`. `toast({ title, description, action, variant })` shows one; `useToast()` gives
 * the queue, `toast` and `dismiss`.
 */
import { useEffect, useState, type ReactNode } from "react";
import type { ToastActionElement, ToastProps } from "./toast";

/** How many toasts show at once, and how long a dismissed one stays for its exit animation. */
const LIMIT = 1;
const REMOVE_AFTER_MS = 1_000_000;

export type ToasterToast = ToastProps & {
  id: string;
  title?: ReactNode;
  description?: ReactNode;
  action?: ToastActionElement;
};

type Toast = Omit<ToasterToast, "id">;

interface State {
  toasts: ToasterToast[];
}

let state: State = { toasts: [] };
let counter = 0;
const listeners = new Set<(state: State) => void>();
const removals = new Map<string, ReturnType<typeof setTimeout>>();

function publish(next: State): void {
  state = next;
  for (const listener of listeners) listener(state);
}

function remove(id?: string): void {
  publish({ toasts: id === undefined ? [] : state.toasts.filter((t) => t.id !== id) });
}

function scheduleRemoval(id: string): void {
  if (removals.has(id)) return;
  removals.set(
    id,
    setTimeout(() => {
      removals.delete(id);
      remove(id);
    }, REMOVE_AFTER_MS),
  );
}

function dismiss(id?: string): void {
  for (const t of state.toasts) if (id === undefined || t.id === id) scheduleRemoval(t.id);
  publish({ toasts: state.toasts.map((t) => (id === undefined || t.id === id ? { ...t, open: false } : t)) });
}

export function toast(props: Toast) {
  const id = String((counter = (counter + 1) % Number.MAX_SAFE_INTEGER));
  const update = (next: Partial<ToasterToast>) =>
    publish({ toasts: state.toasts.map((t) => (t.id === id ? { ...t, ...next } : t)) });
  const close = () => dismiss(id);
  const entry: ToasterToast = {
    ...props,
    id,
    open: true,
    onOpenChange: (open: boolean) => {
      if (!open) close();
    },
  };
  publish({ toasts: [entry, ...state.toasts].slice(0, LIMIT) });
  return { id, dismiss: close, update };
}

export function useToast() {
  const [current, setCurrent] = useState<State>(state);
  useEffect(() => {
    listeners.add(setCurrent);
    return () => {
      listeners.delete(setCurrent);
    };
  }, []);
  return { ...current, toast, dismiss };
}
