// expect: Population by continent
// expect: Asia
// expect: Millions of people
// libs: d3
import { useEffect, useRef } from "react";
import * as d3 from "d3";

const DATA = [
  { continent: "Asia", population: 4753 },
  { continent: "Africa", population: 1460 },
  { continent: "Europe", population: 742 },
  { continent: "N. America", population: 604 },
  { continent: "S. America", population: 439 },
  { continent: "Oceania", population: 45 },
];

export default function PopulationBars() {
  const svgRef = useRef(null);

  useEffect(() => {
    const width = 640;
    const height = 320;
    const margin = { top: 20, right: 20, bottom: 40, left: 60 };

    const svg = d3.select(svgRef.current);
    svg.selectAll("*").remove();
    svg.attr("viewBox", `0 0 ${width} ${height}`);

    const x = d3
      .scaleBand()
      .domain(DATA.map((d) => d.continent))
      .range([margin.left, width - margin.right])
      .padding(0.25);
    const y = d3
      .scaleLinear()
      .domain([0, d3.max(DATA, (d) => d.population)])
      .nice()
      .range([height - margin.bottom, margin.top]);

    svg
      .append("g")
      .attr("fill", "steelblue")
      .selectAll("rect")
      .data(DATA)
      .join("rect")
      .attr("x", (d) => x(d.continent))
      .attr("y", (d) => y(d.population))
      .attr("height", (d) => y(0) - y(d.population))
      .attr("width", x.bandwidth());

    svg
      .append("g")
      .attr("transform", `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).tickSizeOuter(0));

    svg
      .append("g")
      .attr("transform", `translate(${margin.left},0)`)
      .call(d3.axisLeft(y).ticks(6, ","))
      .call((g) => g.select(".domain").remove())
      .call((g) =>
        g
          .append("text")
          .attr("x", -margin.left + 8)
          .attr("y", margin.top - 6)
          .attr("fill", "currentColor")
          .attr("text-anchor", "start")
          .text("Millions of people")
      );
  }, []);

  return (
    <div className="p-4">
      <h2 className="mb-2 text-lg font-semibold">Population by continent</h2>
      <svg ref={svgRef} className="h-auto w-full max-w-3xl" />
    </div>
  );
}
