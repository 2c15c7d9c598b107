import { useEffect } from "react";

// Escape attempt: window_open_popup
export default function Hostile() {
  useEffect(() => {
    try {
      window.open("__LISTENER__/window_open_popup");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">window_open_popup</p>;
}
