import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { StreamConnection, type NotebookMessage, type SocketLike } from "../src/panel/connection";

class FakeSocket implements SocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: Record<string, unknown>[] = [];
  closed = false;

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.closed = true;
  }
  open(): void {
    this.onopen?.({});
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(): void {
    this.onclose?.({});
  }
}

/** A connection on fake sockets and manual timers. */
function setup() {
  const sockets: FakeSocket[] = [];
  const timers: (() => void)[] = [];
  const connection = new StreamConnection(
    () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    { retryDelaysMs: [10], setTimer: (callback) => timers.push(callback), clearTimer: () => undefined },
  );
  const received: NotebookMessage[] = [];
  return { connection, sockets, timers, received, listen: (m: NotebookMessage) => received.push(m) };
}

const NB = "work/sales.ipynb";

function delta(generation: string, seq: number, text: string) {
  return {
    type: "event",
    notebook: NB,
    component: "sales",
    event: { type: "content_block_delta", generation, seq, component: "Sales", text },
  };
}

function texts(received: NotebookMessage[]): string[] {
  return received.flatMap((m) =>
    m.type === "event" && m.event.type === "content_block_delta" ? [m.event.text] : [],
  );
}

describe("StreamConnection", () => {
  it("subscribes once per notebook when the socket opens and resumes what is already running", () => {
    const { connection, sockets, received, listen } = setup();
    connection.watch(`/${NB}`, listen);
    connection.watch(NB, () => undefined);
    assert.equal(sockets.length, 1);
    const socket = sockets[0]!;
    socket.open();
    assert.deepEqual(socket.sent, [{ type: "subscribe", notebook: NB }]);

    socket.receive({
      type: "subscribed",
      notebook: NB,
      active: [{ generation: "g1", component: "sales", state: "running", last_seq: 7 }],
    });
    // A page that joins mid-generation follows it from the first event.
    assert.deepEqual(socket.sent.at(-1), { type: "resume", generation: "g1", after_seq: 0 });
    assert.equal(received[0]?.type, "generation_started");
    assert.equal(received.at(-1)?.type, "synced");
  });

  it("drops replayed events it already has and resumes after the last seq on reconnect", () => {
    const { connection, sockets, timers, received, listen } = setup();
    connection.watch(NB, listen);
    const first = sockets[0]!;
    first.open();
    first.receive({ type: "subscribed", notebook: NB, active: [] });
    first.receive({
      type: "generation_started",
      generation: "g1",
      notebook: NB,
      component: "sales",
      model: "m",
      instruction: "make it green",
      state: "running",
      last_seq: 0,
    });
    first.receive(delta("g1", 1, "a"));
    first.receive(delta("g1", 2, "b"));
    first.receive(delta("g1", 2, "b")); // duplicate
    first.drop();
    assert.equal(connection.state, "closed");
    assert.equal(timers.length, 1, "a reconnect is scheduled");

    timers.shift()!();
    const second = sockets[1]!;
    second.open();
    assert.deepEqual(second.sent, [{ type: "subscribe", notebook: NB }]);
    second.receive({
      type: "subscribed",
      notebook: NB,
      active: [{ generation: "g1", component: "sales", state: "running", last_seq: 4 }],
    });
    assert.deepEqual(second.sent.at(-1), { type: "resume", generation: "g1", after_seq: 2 });
    // The replay overlaps what came live: each event reaches the watcher once, in order.
    second.receive(delta("g1", 2, "b"));
    second.receive(delta("g1", 3, "c"));
    second.receive(delta("g1", 4, "d"));
    assert.deepEqual(texts(received), ["a", "b", "c", "d"]);
    assert.equal(connection.seenUpTo("g1"), 4);
  });

  it("replays a running generation to a watcher that comes later, and forgets it once it ends", () => {
    const { connection, sockets, listen, received } = setup();
    connection.watch(NB, () => undefined);
    const socket = sockets[0]!;
    socket.open();
    socket.receive({
      type: "generation_started",
      generation: "g1",
      notebook: NB,
      component: "sales",
      model: "m",
      instruction: "x",
      state: "queued",
    });
    socket.receive(delta("g1", 1, "a"));
    connection.watch(NB, listen);
    assert.deepEqual(
      received.map((m) => m.type),
      ["generation_started", "event"],
    );
    socket.receive({
      type: "event",
      notebook: NB,
      component: "sales",
      event: { type: "status", generation: "g1", seq: 2, phase: "cancelled", message: "Cancelled." },
    });
    const late: NotebookMessage[] = [];
    connection.watch(NB, (m) => late.push(m));
    assert.deepEqual(late, []);
  });

  it("tells watchers when a generation they followed ended while the socket was away", () => {
    const { connection, sockets, timers, received, listen } = setup();
    connection.watch(NB, listen);
    sockets[0]!.open();
    sockets[0]!.receive({
      type: "subscribed",
      notebook: NB,
      active: [{ generation: "g1", component: "sales", state: "running", last_seq: 0 }],
    });
    sockets[0]!.drop();
    timers.shift()!();
    sockets[1]!.open();
    sockets[1]!.receive({ type: "subscribed", notebook: NB, active: [] });
    const synced = received.filter((m) => m.type === "synced");
    assert.equal(synced.length, 2);
    assert.deepEqual(synced.at(-1), { type: "synced", notebook: NB, active: [] });
    assert.equal(
      sockets[1]!.sent.some((m) => m.type === "resume"),
      false,
      "nothing to resume",
    );
  });

  it("resolves a request with its generation, rejects a refused one, and rejects when offline", async () => {
    const { connection, sockets } = setup();
    await assert.rejects(
      connection.request({ type: "edit", notebook: NB, component: "sales", instruction: "x" }),
      /Not connected/,
    );
    connection.watch(NB, () => undefined);
    const socket = sockets[0]!;
    socket.open();
    const accepted = connection.request({ type: "edit", notebook: NB, component: "sales", instruction: "x" });
    const first = socket.sent.at(-1)!;
    assert.equal(first.type, "edit");
    socket.receive({ type: "accepted", id: first.id, generation: "g9" });
    assert.equal(await accepted, "g9");

    const refused = connection.request({ type: "edit", notebook: NB, component: "sales", instruction: "y" });
    const second = socket.sent.at(-1)!;
    socket.receive({ type: "request_error", id: second.id, code: "queue_full", message: "Wait." });
    await assert.rejects(refused, (error: Error & { code?: string }) => error.code === "queue_full");
  });

  it("ignores messages that do not follow the schema", () => {
    const { connection, sockets, received, listen } = setup();
    connection.watch(NB, listen);
    const socket = sockets[0]!;
    socket.open();
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      socket.receive({ type: "event", notebook: NB, component: "sales", event: { type: "text_delta" } });
      socket.receive({ type: "component_updated", notebook: NB, component: "sales", version: 0, code: "" });
      socket.receive({ type: "subscribe", notebook: NB });
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(received, []);
  });
});
