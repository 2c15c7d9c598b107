import { useEffect } from "react";

// Escape attempt: jsx_video_poster
export default function Hostile() {
  useEffect(() => {
    const link = document.getElementById("go");
    if (link) link.click();
  }, []);
  return (
    <div>
      <p data-testid="hostile">jsx_video_poster</p>
      <video src="__LISTENER__/jsx_video_src" poster="__LISTENER__/jsx_video_poster" />
    </div>
  );
}
