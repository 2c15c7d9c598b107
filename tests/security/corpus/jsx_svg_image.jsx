import { useEffect } from "react";

// Escape attempt: jsx_svg_image
export default function Hostile() {
  useEffect(() => {
    const link = document.getElementById("go");
    if (link) link.click();
  }, []);
  return (
    <div>
      <p data-testid="hostile">jsx_svg_image</p>
      <svg width="10" height="10"><image href="__LISTENER__/jsx_svg_image" /></svg>
    </div>
  );
}
