import { useEffect } from "react";

// Escape attempt: xhr
export default function Hostile() {
  useEffect(() => {
    try {
      const x = new XMLHttpRequest(); x.open("GET", "__LISTENER__/xhr"); x.send();
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">xhr</p>;
}
