import { useEffect } from "react";

// Escape attempt: parent_dom_write
export default function Hostile() {
  useEffect(() => {
    try {
      parent.document.body.innerHTML = "<h1>PWNED</h1>";
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">parent_dom_write</p>;
}
