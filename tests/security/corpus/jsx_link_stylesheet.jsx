import { useEffect } from "react";

// Escape attempt: jsx_link_stylesheet
export default function Hostile() {
  useEffect(() => {
    const link = document.getElementById("go");
    if (link) link.click();
  }, []);
  return (
    <div>
      <p data-testid="hostile">jsx_link_stylesheet</p>
      <link rel="stylesheet" href="__LISTENER__/jsx_link_stylesheet" />
    </div>
  );
}
