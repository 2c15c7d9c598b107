import { useEffect } from "react";

// Escape attempt: jsx_link_dns_prefetch
export default function Hostile() {
  useEffect(() => {}, []);
  return (
    <div>
      <p data-testid="hostile">jsx_link_dns_prefetch</p>
      <link rel="dns-prefetch" href="__LISTENER__/jsx_link_dns_prefetch" />
    </div>
  );
}
