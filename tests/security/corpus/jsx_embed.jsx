import { useEffect } from "react";

// Escape attempt: jsx_embed
export default function Hostile() {
  useEffect(() => {
    const link = document.getElementById("go");
    if (link) link.click();
  }, []);
  return (
    <div>
      <p data-testid="hostile">jsx_embed</p>
      <embed src="__LISTENER__/jsx_embed" />
    </div>
  );
}
