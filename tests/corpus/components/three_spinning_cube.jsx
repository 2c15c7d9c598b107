// expect: Spinning cube
// expect: Drag the slider to change speed
// libs: three
import { useEffect, useRef, useState } from "react";
import * as THREE from "three";

export default function SpinningCube() {
  const mountRef = useRef(null);
  const speedRef = useRef(0.01);
  const [speed, setSpeed] = useState(1);

  useEffect(() => {
    speedRef.current = speed / 100;
  }, [speed]);

  useEffect(() => {
    const mount = mountRef.current;
    const width = mount.clientWidth;
    const height = 320;

    const scene = new THREE.Scene();
    scene.background = new THREE.Color(0x0f172a);
    const camera = new THREE.PerspectiveCamera(60, width / height, 0.1, 100);
    camera.position.z = 3;

    const renderer = new THREE.WebGLRenderer({ antialias: true });
    renderer.setPixelRatio(window.devicePixelRatio);
    renderer.setSize(width, height);
    mount.appendChild(renderer.domElement);

    const geometry = new THREE.BoxGeometry(1.2, 1.2, 1.2);
    const material = new THREE.MeshStandardMaterial({ color: 0x38bdf8, metalness: 0.3, roughness: 0.4 });
    const cube = new THREE.Mesh(geometry, material);
    scene.add(cube);

    scene.add(new THREE.AmbientLight(0xffffff, 0.4));
    const light = new THREE.DirectionalLight(0xffffff, 1.2);
    light.position.set(2, 3, 4);
    scene.add(light);

    let frame = 0;
    const animate = () => {
      frame = requestAnimationFrame(animate);
      cube.rotation.x += speedRef.current;
      cube.rotation.y += speedRef.current * 1.3;
      renderer.render(scene, camera);
    };
    animate();

    return () => {
      cancelAnimationFrame(frame);
      geometry.dispose();
      material.dispose();
      renderer.dispose();
      mount.removeChild(renderer.domElement);
    };
  }, []);

  return (
    <div className="space-y-3 p-4">
      <h2 className="text-xl font-semibold">Spinning cube</h2>
      <div ref={mountRef} className="w-full overflow-hidden rounded-lg" />
      <label className="flex items-center gap-3 text-sm text-gray-600">
        Drag the slider to change speed
        <input type="range" min={0} max={5} value={speed} onChange={(e) => setSpeed(Number(e.target.value))} />
        <span className="w-6">{speed}</span>
      </label>
    </div>
  );
}
