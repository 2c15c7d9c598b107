/**
 * What a notebook's watcher hears from the page's one stream socket (panel/connection.ts owns the socket):
 * the server's messages about the notebook's components, and a notice each time the server confirmed the
 * subscription. The side panel and a cell's view both follow components through it.
 */
import type { ActiveGeneration, ComponentMessage } from "../schema/ws";

/** Sent to a notebook's watchers each time the server confirmed the subscription (also after reconnects). */
export interface SyncedNotice {
  type: "synced";
  notebook: string;
  active: ActiveGeneration[];
}
export type NotebookMessage = ComponentMessage | SyncedNotice;
export type NotebookListener = (message: NotebookMessage) => void;
