import { useEffect } from "react";

// Escape attempt: fetch_direct
export default function Hostile() {
  useEffect(() => {
    try {
      fetch("__LISTENER__/fetch_direct");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">fetch_direct</p>;
}
