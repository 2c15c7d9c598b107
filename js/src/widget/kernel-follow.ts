/**
 * The kernel's generations as a cell's view follows them: the widget comm's compact messages are decoded
 * back into the engine's events (stream/kernel-decoder.ts) and go through the one follower
 * (stream/follower.ts). The view asks for a resync when it missed the start of a generation or a delta.
 */
import type { KernelToViewMessage } from "../schema/widget";
import { follow, isRunning, startFollowing, type Following } from "../stream/follower";
import { KernelEventDecoder } from "../stream/kernel-decoder";

export interface KernelStep {
  /** A generation this view had not seen began (the kernel leads until it ends). */
  started: boolean;
  /** The generation that just ended with this message, if one did. */
  ended: Following | null;
  /** Ask the kernel to send again what this view missed. */
  resync: boolean;
}

export class KernelFollow {
  /** The kernel generation this view follows (the latest one), running or ended. */
  generation: Following | null = null;
  private readonly decoder = new KernelEventDecoder();
  private resyncAsked = false;

  /** A view that opens while a generation runs asks for it from the start. */
  askedForResync(): void {
    this.resyncAsked = true;
  }

  get running(): boolean {
    return this.generation !== null && isRunning(this.generation);
  }

  handle(message: KernelToViewMessage, model: string): KernelStep {
    const event = this.decoder.decode(message);
    if (event === null) {
      // Code of a generation this view never heard of (it opened mid-stream): ask once for what it missed.
      const resync = !this.resyncAsked;
      this.resyncAsked = true;
      return { started: false, ended: null, resync };
    }
    let generation = this.generation;
    const started = !generation || generation.generation !== event.generation;
    if (!generation || started) generation = startFollowing(event.generation, { model });
    const next = follow(generation, event);
    this.generation = next;
    let resync = false;
    if (next.gap && !this.resyncAsked) {
      this.resyncAsked = true;
      resync = true;
    } else if (!next.gap) {
      this.resyncAsked = false;
    }
    const ended = isRunning(generation) && !isRunning(next) ? next : null;
    return { started, ended, resync };
  }
}
