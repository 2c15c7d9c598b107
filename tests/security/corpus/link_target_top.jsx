import { useEffect, useRef } from "react";

// Escape attempt: link_target_top (a link that targets the top window)
export default function Hostile() {
  const link = useRef(null);
  useEffect(() => {
    link.current.click();
  }, []);
  return (
    <a ref={link} target="_top" data-testid="hostile" href="__LISTENER__/link_target_top">
      link_target_top
    </a>
  );
}
