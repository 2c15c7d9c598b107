import { useEffect } from "react";

// Escape attempt: indexed_db
export default function Hostile() {
  useEffect(() => {
    try {
      indexedDB.open("pwned");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">indexed_db</p>;
}
