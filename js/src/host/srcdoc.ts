/**
 * The sandboxed iframes' documents. The component's frame: a no-network CSP and a tiny bootstrap that says
 * ready, then accepts the runtime bundle's source once, from the parent only, and runs it as an inline script.
 *
 * The component's frame is not put in the host page directly but inside a relay frame. CSP governs the
 * requests a document makes, not the loads of the document that replaces it: a frame navigating itself
 * (location.href, a refresh <meta>, window.open(url, "_self")) is stopped only by the frame-src of the
 * document that embeds it, and a notebook page has no frame-src of its own. The relay document has one.
 */
import { FROM_FRAME_KINDS } from "../schema/frame";

/** What every frame of a preview may load: nothing from the network. */
export const FRAME_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' blob:",
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "font-src data: blob:",
  "media-src data: blob:",
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "object-src 'none'",
].join("; ");

/**
 * The component's frame also requires Trusted Types: only the runtime's policies exist (see
 * runtime/trusted-types.ts), so no string becomes markup that could make a nested frame, or code.
 */
export const COMPONENT_CSP = [
  FRAME_CSP,
  "require-trusted-types-for 'script'",
  "trusted-types componentgen-bootstrap componentgen default",
].join("; ");

/**
 * Permissions Policy of both frames: nothing the browser gates behind one, clipboard writes included
 * (a component must not put a command in the clipboard for the person's next paste).
 */
export const FRAME_ALLOW = [
  "clipboard-write 'none'",
  "clipboard-read 'none'",
  "camera 'none'",
  "microphone 'none'",
  "display-capture 'none'",
  "geolocation 'none'",
  "payment 'none'",
  "publickey-credentials-get 'none'",
  "identity-credentials-get 'none'",
  "usb 'none'",
  "serial 'none'",
  "hid 'none'",
].join("; ");

/**
 * A srcdoc frame's base URL is its parent's: the notebook page's address. The relay frame resets it to its
 * own address (before its CSP forbids <base>), and the component's frame inherits that: nothing of the
 * page's URL reaches either, and `href="#id"` and SVG `url(#id)` refer to the component's own document.
 */
const NEUTRAL_BASE = '<base href="about:srcdoc">';

// Checks the load_runtime shape of schema/frame.schema.json by hand: the validator is not loaded yet. Its
// Trusted Types policy runs the runtime's source once and is out of reach of everything else.
const BOOTSTRAP = `(function(){var p=window.parent,t=window.trustedTypes,q=t?t.createPolicy("componentgen-bootstrap",{createScript:function(s){return s}}):null;function h(e){var d=e.data;if(e.source!==p||!d||d.type!=="load_runtime"||typeof d.source!=="string"||!d.source||Object.keys(d).length!==2)return;removeEventListener("message",h);var s=document.createElement("script");s.textContent=q?q.createScript(d.source):d.source;q=null;document.body.appendChild(s);s.remove()}addEventListener("message",h);p.postMessage({type:"ready",stage:"bootstrap"},"*")})();`;

export function frameDocument(): string {
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${COMPONENT_CSP}">` +
    "<style>html,body{margin:0;padding:0;background:#fff;color-scheme:light}</style>" +
    `</head><body><script>${BOOTSTRAP}</script></body></html>`
  );
}

const RELAY_STYLE =
  "html,body{margin:0;padding:0;height:100%;overflow:hidden;background:#fff}" +
  "iframe{display:block;width:100%;height:100%;border:0}";

// Forwards its parent's messages to the component's frame and that frame's messages to its parent, and
// nothing else; both ends check that a message comes from their side of the relay. The component's side
// forwards only the kinds a frame may send, each rate-limited on its own (a token bucket per kind: 300 a
// second, bursts of 600), so a flood stays in the frames' own process instead of reaching the page, and a
// flood of one kind (forged emits) cannot crowd out the runtime's render report; the host limits each
// kind further (frame-limits.ts).
const RELAY = `(function(){var p=window.parent,f=document.createElement("iframe"),b=__BUCKETS__;f.setAttribute("sandbox","allow-scripts");f.setAttribute("referrerpolicy","no-referrer");f.setAttribute("allow",__ALLOW__);f.title=__TITLE__;f.srcdoc=__DOC__;addEventListener("message",function(e){var c=f.contentWindow,d=e.data,q,n;if(!c)return;if(e.source===p)c.postMessage(d,"*");else if(e.source===c){q=d!==null&&typeof d==="object"&&typeof d.type==="string"&&Object.prototype.hasOwnProperty.call(b,d.type)?b[d.type]:null;if(!q)return;n=performance.now();q.k=Math.min(600,q.k+(n-q.t)*0.3);q.t=n;if(q.k<1)return;q.k-=1;p.postMessage(d,"*")}});document.body.appendChild(f)})();`;

/** The relay's token buckets as a JavaScript literal: one per kind, full, timed from the relay's start. */
function bucketsLiteral(): string {
  const buckets = FROM_FRAME_KINDS.map((kind) => `${JSON.stringify(kind)}:{k:600,t:0}`);
  return `{${buckets.join(",")}}`;
}

/** A string as a JavaScript literal that is safe inside an inline <script>. */
function scriptLiteral(value: string): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** The relay frame's document: the component's frame (`title` is its accessible name) inside a frame-src wall. */
export function relayDocument(title: string): string {
  const script = RELAY.replace("__BUCKETS__", bucketsLiteral)
    .replace("__TITLE__", () => scriptLiteral(title))
    .replace("__ALLOW__", () => scriptLiteral(FRAME_ALLOW))
    .replace("__DOC__", () => scriptLiteral(frameDocument()));
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8">' +
    NEUTRAL_BASE +
    '<meta name="referrer" content="no-referrer">' +
    `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">` +
    `<style>${RELAY_STYLE}</style>` +
    `</head><body><script>${script}</script></body></html>`
  );
}
