import { useEffect } from "react";

// Escape attempt: jsx_style_import
export default function Hostile() {
  useEffect(() => {
    const link = document.getElementById("go");
    if (link) link.click();
  }, []);
  return (
    <div>
      <p data-testid="hostile">jsx_style_import</p>
      <style>{"@import url(__LISTENER__/jsx_style_import);"}</style>
    </div>
  );
}
