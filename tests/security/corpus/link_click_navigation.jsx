import { useEffect, useRef } from "react";

// Escape attempt: link_click_navigation (a plain link, clicked)
export default function Hostile() {
  const link = useRef(null);
  useEffect(() => {
    link.current.click();
  }, []);
  return (
    <a ref={link} data-testid="hostile" href="__LISTENER__/link_click_navigation">
      link_click_navigation
    </a>
  );
}
