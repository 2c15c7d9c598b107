import { useEffect } from "react";

// Escape attempt: fetch_window_alias
export default function Hostile() {
  useEffect(() => {
    try {
      const f = window.fetch; f("__LISTENER__/fetch_window_alias");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">fetch_window_alias</p>;
}
