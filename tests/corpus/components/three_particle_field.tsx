// expect: Particle field
// expect: 2,000 particles
// libs: three
import { useEffect, useRef, useState } from "react";
import * as THREE from "three";

const COUNT = 2000;

export default function ParticleField() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let renderer: THREE.WebGLRenderer;
    try {
      renderer = new THREE.WebGLRenderer({ canvas, antialias: true, alpha: true });
    } catch (e) {
      setError("WebGL is not available in this browser.");
      return;
    }
    const width = canvas.clientWidth || 600;
    const height = 300;
    renderer.setSize(width, height, false);

    const scene = new THREE.Scene();
    const camera = new THREE.PerspectiveCamera(70, width / height, 0.1, 1000);
    camera.position.z = 60;

    const positions = new Float32Array(COUNT * 3);
    for (let i = 0; i < COUNT; i++) {
      const r = 30 * Math.cbrt((i + 0.5) / COUNT);
      const theta = i * 2.399963;
      const phi = Math.acos(1 - (2 * (i + 0.5)) / COUNT);
      positions[i * 3] = r * Math.sin(phi) * Math.cos(theta);
      positions[i * 3 + 1] = r * Math.sin(phi) * Math.sin(theta);
      positions[i * 3 + 2] = r * Math.cos(phi);
    }
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute("position", new THREE.BufferAttribute(positions, 3));
    const material = new THREE.PointsMaterial({ color: 0xa78bfa, size: 0.7 });
    const points = new THREE.Points(geometry, material);
    scene.add(points);

    let raf = 0;
    const tick = () => {
      points.rotation.y += 0.003;
      points.rotation.x += 0.001;
      renderer.render(scene, camera);
      raf = requestAnimationFrame(tick);
    };
    tick();

    return () => {
      cancelAnimationFrame(raf);
      geometry.dispose();
      material.dispose();
      renderer.dispose();
    };
  }, []);

  return (
    <div className="rounded-xl bg-black p-4 text-white">
      <div className="mb-2 flex items-baseline justify-between">
        <h2 className="text-lg font-semibold">Particle field</h2>
        <span className="text-xs text-violet-300">{COUNT.toLocaleString("en-US")} particles</span>
      </div>
      {error ? (
        <p className="py-20 text-center text-sm text-red-300">{error}</p>
      ) : (
        <canvas ref={canvasRef} className="h-[300px] w-full" />
      )}
    </div>
  );
}
