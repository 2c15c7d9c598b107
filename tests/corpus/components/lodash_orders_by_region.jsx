// expect: Orders by region
// expect: North
// expect: $1,870
// libs: lodash, lucide
import { useMemo, useState } from "react";
import _ from "lodash";
import { ChevronDown, ChevronRight } from "lucide-react";

const ORDERS = [
  { id: 1, region: "North", rep: "Ana", product: "Widget", amount: 420 },
  { id: 2, region: "South", rep: "Ben", product: "Gadget", amount: 310 },
  { id: 3, region: "North", rep: "Cleo", product: "Gizmo", amount: 880 },
  { id: 4, region: "East", rep: "Dev", product: "Widget", amount: 150 },
  { id: 5, region: "South", rep: "Ben", product: "Widget", amount: 270 },
  { id: 6, region: "North", rep: "Ana", product: "Gadget", amount: 570 },
  { id: 7, region: "East", rep: "Eli", product: "Gizmo", amount: 640 },
  { id: 8, region: "West", rep: "Fay", product: "Gadget", amount: 330 },
];

export default function OrdersByRegion() {
  const [open, setOpen] = useState({ North: true });
  const [sortBy, setSortBy] = useState("total");

  const groups = useMemo(() => {
    const grouped = _.map(_.groupBy(ORDERS, "region"), (orders, region) => ({
      region,
      orders: _.orderBy(orders, ["amount"], ["desc"]),
      total: _.sumBy(orders, "amount"),
      reps: _.uniq(_.map(orders, "rep")),
    }));
    return sortBy === "total" ? _.orderBy(grouped, ["total"], ["desc"]) : _.sortBy(grouped, "region");
  }, [sortBy]);

  return (
    <div className="mx-auto max-w-lg p-6">
      <div className="mb-4 flex items-center justify-between">
        <h2 className="text-lg font-semibold">Orders by region</h2>
        <select value={sortBy} onChange={(e) => setSortBy(e.target.value)} className="rounded border px-2 py-1 text-sm">
          <option value="total">Sort by total</option>
          <option value="name">Sort by name</option>
        </select>
      </div>
      <div className="divide-y rounded-lg border">
        {groups.map((g) => (
          <div key={g.region}>
            <button
              onClick={() => setOpen((o) => ({ ...o, [g.region]: !o[g.region] }))}
              className="flex w-full items-center justify-between p-3 text-left hover:bg-gray-50"
            >
              <span className="flex items-center gap-2 font-medium">
                {open[g.region] ? <ChevronDown className="h-4 w-4" /> : <ChevronRight className="h-4 w-4" />}
                {g.region}
                <span className="text-xs font-normal text-gray-500">{g.reps.join(", ")}</span>
              </span>
              <span className="tabular-nums">${g.total.toLocaleString("en-US")}</span>
            </button>
            {open[g.region] && (
              <ul className="bg-gray-50 px-9 py-2 text-sm">
                {g.orders.map((o) => (
                  <li key={o.id} className="flex justify-between py-0.5 text-gray-600">
                    <span>#{o.id} {o.product} ({o.rep})</span>
                    <span>${o.amount}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
