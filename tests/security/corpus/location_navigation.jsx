import { useEffect } from "react";

// Escape attempt: location_navigation
export default function Hostile() {
  useEffect(() => {
    try {
      setTimeout(() => { location.href = "__LISTENER__/location_navigation"; }, 50);
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">location_navigation</p>;
}
