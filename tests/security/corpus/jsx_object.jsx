import { useEffect } from "react";

// Escape attempt: jsx_object
export default function Hostile() {
  useEffect(() => {
    const link = document.getElementById("go");
    if (link) link.click();
  }, []);
  return (
    <div>
      <p data-testid="hostile">jsx_object</p>
      <object data="__LISTENER__/jsx_object" />
    </div>
  );
}
