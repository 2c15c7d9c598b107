/**
 * The widget comm's encoding of a generation's events (see jupyter_componentgen/kernel/widget_stream.py), undone:
 * events travel without their `seq` and name their generation only when it changes; code deltas come as
 * `{type: "delta", text}`, the next delta of the generation and block the events before them named. Each
 * event is checked against schema/events.schema.json once restored.
 */
import { isGenerationEvent, type GenerationEvent } from "../schema/events";
import type { KernelToViewMessage } from "../schema/widget";

export class KernelEventDecoder {
  private generation: string | null = null;
  private component = "";
  private seq = 0;

  /**
   * The event a message carries; null for one of a generation this view never heard of (it opened
   * mid-stream), or one that is not a valid event.
   */
  decode(message: KernelToViewMessage): GenerationEvent | null {
    if (message.type === "delta") {
      if (this.generation === null) return null;
      this.seq += 1;
      return {
        type: "content_block_delta",
        generation: this.generation,
        seq: this.seq,
        component: this.component,
        text: message.text,
      };
    }
    const generation = message.event.generation ?? this.generation;
    if (generation === null) return null;
    if (generation !== this.generation) this.seq = 0;
    const event: unknown = { ...message.event, generation, seq: this.seq + 1 };
    if (!isGenerationEvent(event)) return null;
    this.generation = generation;
    this.seq += 1;
    if ("component" in event) this.component = event.component;
    return event;
  }
}
