import { useEffect } from "react";

// Escape attempt: opener_access
export default function Hostile() {
  useEffect(() => {
    try {
      window.opener && window.opener.document.write("PWNED");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">opener_access</p>;
}
