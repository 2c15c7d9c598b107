import { useEffect } from "react";

// Escape attempt: jsx_script
export default function Hostile() {
  useEffect(() => {
    const link = document.getElementById("go");
    if (link) link.click();
  }, []);
  return (
    <div>
      <p data-testid="hostile">jsx_script</p>
      <script src="__LISTENER__/jsx_script"></script>
    </div>
  );
}
