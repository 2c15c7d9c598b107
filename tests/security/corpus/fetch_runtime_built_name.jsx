import { useEffect } from "react";

// Escape attempt: fetch_runtime_built_name
export default function Hostile() {
  useEffect(() => {
    try {
      const name = ["h", "c", "t", "e", "f"].reverse().join(""); const g = [].map.call([0], () => this)[0] || (0, eval)("this"); (g || window)[name]("__LISTENER__/fetch_runtime_built_name");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">fetch_runtime_built_name</p>;
}
