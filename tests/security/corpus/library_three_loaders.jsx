import { useEffect } from "react";
import * as THREE from "three";

// Escape attempt: library_three_loaders — three's texture and file loaders given URLs on the listener
export default function Hostile() {
  useEffect(() => {
    try {
      new THREE.TextureLoader().load("__LISTENER__/library_three_loaders/texture.png");
      new THREE.FileLoader().load("__LISTENER__/library_three_loaders/model.json");
      new THREE.ImageBitmapLoader().load("__LISTENER__/library_three_loaders/bitmap.png");
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">library_three_loaders</p>;
}
