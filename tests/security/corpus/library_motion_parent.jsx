import { useEffect } from "react";
import { animate, motion } from "framer-motion";

// Escape attempt: library_motion_parent — framer-motion's DOM animation aimed out of the frame
export default function Hostile() {
  useEffect(() => {
    try {
      animate(window.parent.document.body, { opacity: 0 });
    } catch (error) {
      console.info("contained", error && error.message);
    }
    try {
      animate(document.body, { backgroundImage: "url(__LISTENER__/library_motion_parent/bg.png)" });
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return (
    <motion.p data-testid="hostile" animate={{ opacity: 1 }}>
      library_motion_parent
    </motion.p>
  );
}
