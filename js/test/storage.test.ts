import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createMemoryStorage, installStorage } from "../src/runtime/storage";

describe("in-memory storage", () => {
  it("implements the Storage methods", () => {
    const storage = createMemoryStorage();
    assert.equal(storage.length, 0);
    assert.equal(storage.getItem("missing"), null);
    storage.setItem("theme", "dark");
    storage.setItem("count", 3 as unknown as string);
    assert.equal(storage.getItem("count"), "3");
    assert.equal(storage.length, 2);
    assert.equal(storage.key(0), "theme");
    assert.equal(storage.key(5), null);
    storage.removeItem("theme");
    assert.equal(storage.getItem("theme"), null);
    storage.clear();
    assert.equal(storage.length, 0);
  });

  it("answers property access like a real Storage", () => {
    const storage = createMemoryStorage() as Storage & Record<string, unknown>;
    storage.draft = "hello";
    assert.equal(storage.getItem("draft"), "hello");
    assert.equal(storage.draft, "hello");
    assert.deepEqual(Object.keys(storage), ["draft"]);
    assert.ok("draft" in storage);
    delete storage.draft;
    assert.equal(storage.length, 0);
    storage.setItem("getItem", "shadowed");
    assert.equal(typeof storage.getItem, "function");
    assert.equal(storage.getItem("getItem"), "shadowed");
  });

  it("keeps a browser-like quota", () => {
    const storage = createMemoryStorage();
    assert.throws(() => storage.setItem("big", "x".repeat(5_000_001)), { name: "QuotaExceededError" });
    storage.setItem("a", "x".repeat(4_000_000));
    storage.setItem("a", "y".repeat(4_000_000));
    assert.equal(storage.getItem("a")?.length, 4_000_000);
  });

  it("installs separate localStorage and sessionStorage", () => {
    const target: Record<string, Storage> = {};
    installStorage(target);
    target.localStorage.setItem("k", "v");
    assert.equal(target.sessionStorage.getItem("k"), null);
    assert.equal(target.localStorage.getItem("k"), "v");
  });
});
