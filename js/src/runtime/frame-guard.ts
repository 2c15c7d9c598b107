/**
 * No nested browsing contexts inside the component's frame. An iframe, frame, object, embed or fenced frame
 * made by the component would hold a fresh realm (a new window) with intact copies of everything the
 * runtime removes from its own, WebRTC first; CSP does not stop about:blank or srcdoc frames. So such
 * elements are refused where the DOM API makes them and again where nodes enter the document; markup
 * strings that would make them are refused by the Trusted Types default policy (trusted-types.ts). A
 * watchdog removes any that still appears.
 *
 * Every method replaced here is locked (not writable, not configurable), and the originals are reachable
 * only from this module: the component's realm has no other copy, since it can create no other realm.
 */

const FRAME_LIKE = ["iframe", "frame", "frameset", "fencedframe", "portal", "object", "embed", "applet"];
const FRAME_LIKE_NAMES = new Set(FRAME_LIKE);
const FRAME_SELECTOR = FRAME_LIKE.join(",");

type Refuse = (what: string) => never;
type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

function getter<T>(proto: object, name: string): (target: unknown) => T {
  let get: (() => unknown) | undefined;
  for (let p: object | null = proto; p && !get; p = Object.getPrototypeOf(p) as object | null)
    get = Object.getOwnPropertyDescriptor(p, name)?.get;
  if (!get) throw new Error(`no ${name} getter`);
  return (target) => Reflect.apply(get, target, []) as T;
}

const call = Function.prototype.call.bind(Function.prototype.call) as (
  fn: AnyFunction,
  self: unknown,
  ...args: unknown[]
) => unknown;

function lock(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, writable: false, configurable: false, enumerable: false });
}

/** Replace `proto[name]` (if it exists) with `wrap(original)`, locked. */
function replace(
  proto: object | undefined,
  name: string,
  wrap: (original: AnyFunction) => AnyFunction,
): void {
  if (!proto) return;
  const original = Object.getOwnPropertyDescriptor(proto, name)?.value as AnyFunction | undefined;
  if (typeof original !== "function") return;
  lock(proto, name, wrap(original));
}

export interface FrameGuard {
  /** Whether `node` is, or holds, an element that could make a nested browsing context. */
  holdsFrame(node: unknown): boolean;
}

export function installFrameGuard(onRefused: (what: string) => void): FrameGuard {
  const localName = getter<string>(Element.prototype, "localName");
  const nodeType = getter<number>(Node.prototype, "nodeType");
  const isConnected = getter<boolean>(Node.prototype, "isConnected");
  const elementQuery = Element.prototype.querySelector as AnyFunction;
  const fragmentQuery = DocumentFragment.prototype.querySelector as AnyFunction;
  const documentQuery = Document.prototype.querySelector as AnyFunction;
  const elementQueryAll = Element.prototype.querySelectorAll as AnyFunction;
  const removeNode = Element.prototype.remove as AnyFunction;

  const refuse: Refuse = (what) => {
    const message = `Nested frames are not allowed inside a component (${what}).`;
    onRefused(message);
    throw new DOMException(message, "SecurityError");
  };

  const isFrameElement = (node: unknown): boolean =>
    node instanceof Object &&
    nodeType(node) === Node.ELEMENT_NODE &&
    FRAME_LIKE_NAMES.has(localName(node).toLowerCase());

  const holdsFrame = (node: unknown): boolean => {
    if (!(node instanceof Object)) return false;
    let type: number;
    try {
      type = nodeType(node);
    } catch {
      return false; // not a node: a string or other value appended as text
    }
    if (type === Node.ELEMENT_NODE)
      return isFrameElement(node) || call(elementQuery, node, FRAME_SELECTOR) !== null;
    if (type === Node.DOCUMENT_FRAGMENT_NODE) return call(fragmentQuery, node, FRAME_SELECTOR) !== null;
    if (type === Node.DOCUMENT_NODE) return call(documentQuery, node, FRAME_SELECTOR) !== null;
    return false;
  };

  // --- where elements are made -------------------------------------------------------------------------
  const checkMade = (element: unknown): unknown => {
    if (isFrameElement(element)) refuse(`<${localName(element)}>`);
    return element;
  };
  for (const name of ["createElement", "createElementNS"]) {
    replace(
      Document.prototype,
      name,
      (original) =>
        function (this: unknown, ...args: unknown[]) {
          return checkMade(Reflect.apply(original, this, args));
        },
    );
  }
  // The root element of a new XML document is made without createElementNS.
  replace(
    DOMImplementation.prototype,
    "createDocument",
    (original) =>
      function (this: unknown, ...args: unknown[]) {
        const made = Reflect.apply(original, this, args) as Document;
        if (holdsFrame(made)) refuse("a document whose root is a frame");
        return made;
      },
  );
  // A customized built-in's constructor makes its element without createElement.
  if (typeof CustomElementRegistry !== "undefined") {
    replace(
      CustomElementRegistry.prototype,
      "define",
      (original) =>
        function (this: unknown, ...args: unknown[]) {
          const options = args[2] as { extends?: unknown } | undefined;
          const base = typeof options?.extends === "string" ? options.extends.toLowerCase() : "";
          if (FRAME_LIKE_NAMES.has(base)) refuse(`a custom element extending <${base}>`);
          return Reflect.apply(original, this, args);
        },
    );
  }

  // --- where nodes enter a document ----------------------------------------------------------------------
  const checkInserted = (parent: unknown, nodes: unknown[]): void => {
    if (!isConnected(parent)) return; // detached trees make no frames; they are checked when attached
    for (const node of nodes) if (holdsFrame(node)) refuse("a frame inserted into the document");
  };
  const guardFirstArgs = (count: number) => (original: AnyFunction) =>
    function (this: unknown, ...args: unknown[]) {
      checkInserted(this, args.slice(0, count));
      return Reflect.apply(original, this, args);
    };
  const guardAllArgs = (original: AnyFunction) =>
    function (this: unknown, ...args: unknown[]) {
      checkInserted(this, args);
      return Reflect.apply(original, this, args);
    };
  replace(Node.prototype, "appendChild", guardFirstArgs(1));
  replace(Node.prototype, "insertBefore", guardFirstArgs(1));
  replace(Node.prototype, "replaceChild", guardFirstArgs(1));
  replace(Node.prototype, "moveBefore", guardFirstArgs(1));
  for (const proto of [Element.prototype, Document.prototype, DocumentFragment.prototype]) {
    for (const name of ["append", "prepend", "replaceChildren"]) replace(proto, name, guardAllArgs);
  }
  for (const proto of [Element.prototype, CharacterData.prototype, DocumentType.prototype]) {
    for (const name of ["before", "after", "replaceWith"]) replace(proto, name, guardAllArgs);
  }
  replace(
    Element.prototype,
    "insertAdjacentElement",
    (original) =>
      function (this: unknown, ...args: unknown[]) {
        checkInserted(this, [args[1]]);
        return Reflect.apply(original, this, args);
      },
  );
  const rangeStart = getter<Node>(Range.prototype, "startContainer");
  for (const name of ["insertNode", "surroundContents"]) {
    replace(
      Range.prototype,
      name,
      (original) =>
        function (this: unknown, ...args: unknown[]) {
          checkInserted(rangeStart(this), [args[0]]);
          return Reflect.apply(original, this, args);
        },
    );
  }

  // Parsers that do not go through Trusted Types: the Sanitizer API and XSLT. Components have no use for them.
  for (const [proto, name] of [
    [Element.prototype, "setHTML"],
    [typeof ShadowRoot !== "undefined" ? ShadowRoot.prototype : undefined, "setHTML"],
  ] as const) {
    replace(proto, name, () => () => refuse("setHTML"));
  }
  if ("parseHTML" in Document) lock(Document, "parseHTML", () => refuse("Document.parseHTML"));
  if ("XSLTProcessor" in window) lock(window, "XSLTProcessor", undefined);

  // The watchdog: anything that got past the guards leaves the document at the next microtask.
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (!holdsFrame(node)) continue;
        onRefused("a frame appeared in the document and was removed");
        const frames = isFrameElement(node)
          ? [node]
          : Array.from(call(elementQueryAll, node, FRAME_SELECTOR) as NodeListOf<Element>);
        for (const frame of frames) call(removeNode, frame);
      }
    }
  }).observe(document, { childList: true, subtree: true });

  return { holdsFrame };
}
