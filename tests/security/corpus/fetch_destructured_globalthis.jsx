import { useEffect } from "react";

// Escape attempt: fetch_destructured_globalthis
export default function Hostile() {
  useEffect(() => {
    try {
      const { fetch: g } = globalThis; g("__LISTENER__/fetch_destructured_globalthis");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">fetch_destructured_globalthis</p>;
}
