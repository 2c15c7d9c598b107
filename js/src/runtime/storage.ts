/**
 * `localStorage` and `sessionStorage` inside the frame. An opaque-origin frame has no storage (reading
 * either throws), yet components written for a page use them for preferences and drafts. These are
 * in-memory Storage objects: they work for the life of the frame, and nothing persists or leaves it.
 */

/** Browsers allow about 5 million characters per origin. */
const QUOTA_CHARS = 5_000_000;

const METHODS = new Set(["getItem", "setItem", "removeItem", "clear", "key", "length"]);

class MemoryStore {
  readonly items = new Map<string, string>();
  private used = 0;

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    const i = Math.trunc(Number(index));
    return i >= 0 && i < this.items.size ? [...this.items.keys()][i] : null;
  }

  getItem(key: string): string | null {
    return this.items.get(String(key)) ?? null;
  }

  setItem(key: string, value: string): void {
    const name = String(key);
    const text = String(value);
    const previous = this.items.get(name);
    const used =
      this.used - (previous === undefined ? 0 : name.length + previous.length) + name.length + text.length;
    if (used > QUOTA_CHARS) {
      throw new DOMException(`Setting the value of '${name}' exceeded the quota.`, "QuotaExceededError");
    }
    this.items.set(name, text);
    this.used = used;
  }

  removeItem(key: string): void {
    const name = String(key);
    const previous = this.items.get(name);
    if (previous === undefined) return;
    this.items.delete(name);
    this.used -= name.length + previous.length;
  }

  clear(): void {
    this.items.clear();
    this.used = 0;
  }
}

/**
 * A Storage-compatible object kept in memory. Like the real one it also answers property access
 * (`storage.theme = "dark"`, `storage.theme`, `delete storage.theme`, `Object.keys(storage)`).
 */
export function createMemoryStorage(): Storage {
  const store = new MemoryStore();
  const methods: Record<string, unknown> = {
    getItem: (key: string) => store.getItem(key),
    setItem: (key: string, value: string) => store.setItem(key, value),
    removeItem: (key: string) => store.removeItem(key),
    clear: () => store.clear(),
    key: (index: number) => store.key(index),
  };
  const target = Object.create(
    typeof Storage === "function" ? Storage.prototype : Object.prototype,
  ) as object;
  return new Proxy(target, {
    get(_target, property) {
      if (property === "length") return store.length;
      if (typeof property === "symbol") return property === Symbol.toStringTag ? "Storage" : undefined;
      if (METHODS.has(property)) return methods[property];
      return store.items.get(property);
    },
    set(_target, property, value) {
      if (typeof property === "symbol" || METHODS.has(property)) return false;
      store.setItem(property, value as string);
      return true;
    },
    deleteProperty(_target, property) {
      if (typeof property !== "symbol") store.removeItem(property);
      return true;
    },
    has(_target, property) {
      return typeof property === "string" && (METHODS.has(property) || store.items.has(property));
    },
    ownKeys() {
      return [...store.items.keys()];
    },
    getOwnPropertyDescriptor(_target, property) {
      if (typeof property !== "string" || !store.items.has(property)) return undefined;
      return { value: store.items.get(property), writable: true, enumerable: true, configurable: true };
    },
    defineProperty() {
      return false;
    },
  }) as Storage;
}

/** Give the window in-memory `localStorage` and `sessionStorage` (before any component code runs). */
export function installStorage(target: object = window): void {
  for (const name of ["localStorage", "sessionStorage"]) {
    Object.defineProperty(target, name, {
      value: createMemoryStorage(),
      writable: false,
      configurable: false,
      enumerable: true,
    });
  }
}
