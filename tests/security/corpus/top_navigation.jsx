import { useEffect } from "react";

// Escape attempt: top_navigation
export default function Hostile() {
  useEffect(() => {
    try {
      top.location = "__LISTENER__/top_navigation";
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">top_navigation</p>;
}
