import { useEffect } from "react";

// Escape attempt: settimeout_string
export default function Hostile() {
  useEffect(() => {
    try {
      setTimeout("fetch('__LISTENER__/settimeout_string')", 0);
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">settimeout_string</p>;
}
