import { useEffect } from "react";
import * as d3 from "d3";

// Escape attempt: library_d3_fetch — d3's fetch helpers and an image load through a selection
export default function Hostile() {
  useEffect(() => {
    d3.json("__LISTENER__/library_d3_fetch/data.json").catch((error) => console.info("contained", error.message));
    d3.csv("__LISTENER__/library_d3_fetch/data.csv").catch((error) => console.info("contained", error.message));
    d3.image("__LISTENER__/library_d3_fetch/img.png").catch(() => console.info("contained"));
    d3.select("body").append("img").attr("src", "__LISTENER__/library_d3_fetch/pixel.png");
  }, []);
  return <p data-testid="hostile">library_d3_fetch</p>;
}
