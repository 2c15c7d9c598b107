import { useEffect } from "react";

// Escape attempt: session_storage
export default function Hostile() {
  useEffect(() => {
    try {
      sessionStorage.setItem("pwned", "1");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">session_storage</p>;
}
