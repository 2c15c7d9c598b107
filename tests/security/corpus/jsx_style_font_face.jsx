import { useEffect } from "react";

// Escape attempt: jsx_style_font_face
export default function Hostile() {
  useEffect(() => {
    const link = document.getElementById("go");
    if (link) link.click();
  }, []);
  return (
    <div>
      <p data-testid="hostile">jsx_style_font_face</p>
      <style>{"@font-face { font-family: X; src: url(__LISTENER__/jsx_style_font_face); } p { font-family: X; }"}</style>
    </div>
  );
}
