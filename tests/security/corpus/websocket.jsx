import { useEffect } from "react";

// Escape attempt: websocket
export default function Hostile() {
  useEffect(() => {
    try {
      new WebSocket("__LISTENER__/websocket".replace("http", "ws"));
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">websocket</p>;
}
