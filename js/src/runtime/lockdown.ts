/**
 * The component's realm, closed before any component code runs. The frame's CSP refuses every request a
 * document makes; this closes what CSP does not govern, and keeps it closed:
 *
 * - WebRTC (ICE, STUN and TURN traffic leave outside CSP) is removed from this realm, and no other realm can
 *   be made: nested frames are refused (frame-guard.ts) and markup or code from strings goes through Trusted
 *   Types (trusted-types.ts).
 * - Clipboard writes: the frame is denied clipboard access by Permissions Policy (see host/srcdoc.ts); the
 *   commands that copy, cut, paste or insert markup are refused, and a copy or cut the person makes copies
 *   what they selected — the component's handlers never see the event, so they cannot replace it.
 * - Document rewrites: document.open() and document.write() are refused (a rewritten document is where older
 *   browsers made a fresh realm, and a component has no use for them).
 * - Navigation: window.open() is refused (the sandbox blocks popups, but a window may name itself and be
 *   opened into); a clicked link would start one (and Chromium opens a connection before CSP refuses it); links
 *   are cancelled, and in-page anchors scroll inside the component instead.
 */
import { installFrameGuard } from "./frame-guard";
import { installTrustedTypes } from "./trusted-types";

const WEBRTC = [
  "RTCPeerConnection",
  "webkitRTCPeerConnection",
  "RTCDataChannel",
  "RTCRtpSender",
  "RTCRtpReceiver",
  "RTCRtpTransceiver",
  "RTCIceTransport",
  "RTCDtlsTransport",
  "RTCSctpTransport",
  "RTCCertificate",
];

const REFUSED_COMMANDS = new Set(["copy", "cut", "paste", "inserthtml"]);

function remove(target: object, name: string): void {
  try {
    Object.defineProperty(target, name, { value: undefined, writable: false, configurable: false });
  } catch {
    // Already locked down.
  }
}

function removeWebRtc(): void {
  for (const name of WEBRTC) remove(window, name);
}

function refuseClipboard(onRefused: (what: string) => void): void {
  const execCommand = Document.prototype.execCommand;
  Object.defineProperty(Document.prototype, "execCommand", {
    value: function (this: Document, command: string, ...rest: unknown[]): boolean {
      if (REFUSED_COMMANDS.has(String(command).toLowerCase())) {
        onRefused(`document.execCommand("${String(command)}") is not available to components`);
        return false;
      }
      return Reflect.apply(execCommand, this, [command, ...rest]) as boolean;
    },
    writable: false,
    configurable: false,
  });
  const denied = (): Promise<never> =>
    Promise.reject(new DOMException("Components cannot use the clipboard.", "NotAllowedError"));
  const clipboard = Object.freeze({ writeText: denied, write: denied, readText: denied, read: denied });
  try {
    Object.defineProperty(navigator, "clipboard", { value: clipboard, writable: false, configurable: false });
  } catch {
    // Not defined here: nothing to refuse.
  }
  for (const type of ["copy", "cut"]) {
    window.addEventListener(type, (event) => event.stopImmediatePropagation(), { capture: true });
  }
}

function refuseRewrites(onRefused: (what: string) => void): void {
  for (const name of ["open", "write", "writeln"]) {
    Object.defineProperty(Document.prototype, name, {
      value: (): never => {
        const message = `document.${name}() is not available to components; render JSX instead.`;
        onRefused(message);
        throw new DOMException(message, "SecurityError");
      },
      writable: false,
      configurable: false,
    });
  }
}

/** The element `href="#id"` points to, or null for the top of the page. */
function anchorTarget(hash: string): Element | null {
  let id = hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // Keep it as written.
  }
  if (!id || id.toLowerCase() === "top") return null;
  return document.getElementById(id) ?? document.getElementsByName(id)[0] ?? null;
}

function keepNavigationInside(onRefused: (what: string) => void): void {
  Object.defineProperty(window, "open", {
    value: (): null => {
      onRefused("window.open() is not available to components");
      return null;
    },
    writable: false,
    configurable: false,
  });
  // Captured now: the component may replace the prototypes' methods later.
  const matches = Element.prototype.matches;
  const getAttribute = Element.prototype.getAttribute;
  const preventDefault = Event.prototype.preventDefault;
  const composedPath = Event.prototype.composedPath;
  const onActivate = (event: Event): void => {
    const path = Reflect.apply(composedPath, event, []) as EventTarget[];
    const link = path.find(
      (node): node is Element =>
        node instanceof Element && (Reflect.apply(matches, node, ["a[href], area[href]"]) as boolean),
    );
    if (!link) return;
    Reflect.apply(preventDefault, event, []);
    const href = (Reflect.apply(getAttribute, link, ["href"]) as string | null) ?? "";
    if (event.type !== "click" || !href.startsWith("#")) return;
    const target = anchorTarget(href);
    if (target) target.scrollIntoView({ block: "start" });
    else window.scrollTo({ top: 0 });
  };
  // On the window, in the capture phase, registered first: nothing the component adds runs before it.
  window.addEventListener("click", onActivate, true);
  window.addEventListener("auxclick", onActivate, true);
}

/** Close the realm. `onRefused` hears what was refused (the runtime logs it to the console). */
export function lockdown(onRefused: (what: string) => void): void {
  removeWebRtc();
  installTrustedTypes(onRefused);
  installFrameGuard(onRefused);
  refuseClipboard(onRefused);
  refuseRewrites(onRefused);
  keepNavigationInside(onRefused);
}
