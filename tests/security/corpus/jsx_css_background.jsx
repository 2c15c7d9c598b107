import { useEffect } from "react";

// Escape attempt: jsx_css_background
export default function Hostile() {
  useEffect(() => {
    const link = document.getElementById("go");
    if (link) link.click();
  }, []);
  return (
    <div>
      <p data-testid="hostile">jsx_css_background</p>
      <div style={{ backgroundImage: "url(__LISTENER__/jsx_css_background)", width: 10, height: 10 }} />
    </div>
  );
}
