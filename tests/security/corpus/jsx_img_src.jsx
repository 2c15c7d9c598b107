import { useEffect } from "react";

// Escape attempt: jsx_img_src
export default function Hostile() {
  useEffect(() => {
    const link = document.getElementById("go");
    if (link) link.click();
  }, []);
  return (
    <div>
      <p data-testid="hostile">jsx_img_src</p>
      <img src="__LISTENER__/jsx_img_src" alt="" />
    </div>
  );
}
