/**
 * The sandboxed iframe's document: a no-network CSP and a tiny bootstrap that says ready, then accepts the
 * runtime bundle's source once, from the parent only, and runs it as an inline script.
 */

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

// Checks the load_runtime shape of schema/frame.schema.json by hand: the validator is not loaded yet.
const BOOTSTRAP = `(function(){var p=window.parent;function h(e){var d=e.data;if(e.source!==p||!d||d.type!=="load_runtime"||typeof d.source!=="string"||!d.source||Object.keys(d).length!==2)return;removeEventListener("message",h);var s=document.createElement("script");s.textContent=d.source;document.body.appendChild(s);s.remove()}addEventListener("message",h);p.postMessage({type:"ready",stage:"bootstrap"},"*")})();`;

export function frameDocument(): string {
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">` +
    "<style>html,body{margin:0;padding:0;background:#fff;color-scheme:light}</style>" +
    `</head><body><script>${BOOTSTRAP}</script></body></html>`
  );
}
