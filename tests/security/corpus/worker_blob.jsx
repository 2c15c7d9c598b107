import { useEffect } from "react";

// Escape attempt: worker_blob
export default function Hostile() {
  useEffect(() => {
    try {
      const blob = new Blob(["fetch('__LISTENER__/worker_blob')"], { type: "text/javascript" }); new Worker(URL.createObjectURL(blob));
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">worker_blob</p>;
}
