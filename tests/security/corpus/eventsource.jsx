import { useEffect } from "react";

// Escape attempt: eventsource
export default function Hostile() {
  useEffect(() => {
    try {
      new EventSource("__LISTENER__/eventsource");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">eventsource</p>;
}
