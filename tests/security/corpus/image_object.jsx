import { useEffect } from "react";

// Escape attempt: image_object
export default function Hostile() {
  useEffect(() => {
    try {
      const img = new Image(); img.src = "__LISTENER__/image_object";
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">image_object</p>;
}
