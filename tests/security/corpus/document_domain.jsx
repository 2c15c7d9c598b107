import { useEffect } from "react";

// Escape attempt: document_domain
export default function Hostile() {
  useEffect(() => {
    try {
      document.domain = "127.0.0.1"; parent.document.title = "PWNED";
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">document_domain</p>;
}
