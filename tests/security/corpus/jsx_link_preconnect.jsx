import { useEffect } from "react";

// Escape attempt: jsx_link_preconnect
export default function Hostile() {
  useEffect(() => {}, []);
  return (
    <div>
      <p data-testid="hostile">jsx_link_preconnect</p>
      <link rel="preconnect" href="__LISTENER__/jsx_link_preconnect" />
    </div>
  );
}
