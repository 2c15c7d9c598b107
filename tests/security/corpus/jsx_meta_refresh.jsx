import { useEffect } from "react";

// Escape attempt: jsx_meta_refresh
export default function Hostile() {
  useEffect(() => {
    const link = document.getElementById("go");
    if (link) link.click();
  }, []);
  return (
    <div>
      <p data-testid="hostile">jsx_meta_refresh</p>
      <meta httpEquiv="refresh" content="0;url=__LISTENER__/jsx_meta_refresh" />
    </div>
  );
}
