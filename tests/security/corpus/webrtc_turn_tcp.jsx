import { useEffect } from "react";

// Escape attempt: webrtc_turn_tcp
export default function Hostile() {
  useEffect(() => {
    try {
      const pc = new RTCPeerConnection({ iceServers: [{ urls: "turn:__HOSTPORT__?transport=tcp", username: "u", credential: "c" }] }); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">webrtc_turn_tcp</p>;
}
