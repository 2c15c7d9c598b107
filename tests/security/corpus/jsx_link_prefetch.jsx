import { useEffect } from "react";

// Escape attempt: jsx_link_prefetch
export default function Hostile() {
  useEffect(() => {
    const link = document.getElementById("go");
    if (link) link.click();
  }, []);
  return (
    <div>
      <p data-testid="hostile">jsx_link_prefetch</p>
      <link rel="prefetch" href="__LISTENER__/jsx_link_prefetch" />
    </div>
  );
}
