import { useEffect } from "react";

// Escape attempt: jsx_iframe
export default function Hostile() {
  useEffect(() => {
    const link = document.getElementById("go");
    if (link) link.click();
  }, []);
  return (
    <div>
      <p data-testid="hostile">jsx_iframe</p>
      <iframe src="__LISTENER__/jsx_iframe" />
    </div>
  );
}
