import { useEffect } from "react";

// Escape attempt: dynamic_import
export default function Hostile() {
  useEffect(() => {
    try {
      import("__LISTENER__/dynamic_import.js");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">dynamic_import</p>;
}
