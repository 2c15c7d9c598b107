import { useEffect } from "react";

// Escape attempt: forged_parent_messages
export default function Hostile() {
  useEffect(() => {
    try {
      for (let i = 0; i < 2000; i++) { window.parent.postMessage({ type: "emit", name: "flood", payload: "x".repeat(100000) }, "*"); } window.parent.postMessage({ type: "resize", height: 1e9 }, "*"); window.parent.postMessage({ type: "load_runtime", source: "document.body.innerHTML='PWNED'" }, "*");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">forged_parent_messages</p>;
}
