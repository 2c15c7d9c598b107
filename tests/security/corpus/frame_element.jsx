import { useEffect } from "react";

// Escape attempt: frame_element
export default function Hostile() {
  useEffect(() => {
    try {
      window.frameElement.ownerDocument.body.innerHTML = "PWNED";
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">frame_element</p>;
}
