import { useEffect } from "react";

// Escape attempt: script_element_dom
export default function Hostile() {
  useEffect(() => {
    try {
      const s = document.createElement("script"); s.src = "__LISTENER__/script_element_dom"; document.body.appendChild(s);
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">script_element_dom</p>;
}
