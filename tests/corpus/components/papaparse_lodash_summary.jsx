// expect: Expense report
// expect: Travel
// expect: $1,930.50
// libs: papaparse, lodash
import { useMemo } from "react";
import Papa from "papaparse";
import _ from "lodash";

const CSV = `date,category,employee,amount
2024-04-02,Travel,Ana,420.00
2024-04-03,Meals,Ana,38.50
2024-04-05,Software,Ben,129.00
2024-04-08,Travel,Ben,980.00
2024-04-09,Meals,Chen,64.00
2024-04-11,Travel,Chen,530.50
2024-04-15,Office,Ana,89.99
2024-04-18,Software,Chen,49.00
2024-04-22,Meals,Ben,22.40`;

const usd = (n) => n.toLocaleString("en-US", { style: "currency", currency: "USD" });

export default function ExpenseReport() {
  const rows = useMemo(
    () => Papa.parse(CSV, { header: true, dynamicTyping: true, skipEmptyLines: true }).data,
    []
  );

  const byCategory = useMemo(
    () =>
      _.chain(rows)
        .groupBy("category")
        .map((items, category) => ({ category, total: _.sumBy(items, "amount"), count: items.length }))
        .orderBy(["total"], ["desc"])
        .value(),
    [rows]
  );

  const byEmployee = useMemo(() => _.mapValues(_.groupBy(rows, "employee"), (items) => _.sumBy(items, "amount")), [rows]);
  const grandTotal = _.sumBy(rows, "amount");

  return (
    <div className="mx-auto max-w-2xl space-y-6 p-6">
      <div className="flex items-baseline justify-between">
        <h2 className="text-2xl font-bold">Expense report</h2>
        <span className="text-sm text-gray-500">April 2024 · {usd(grandTotal)}</span>
      </div>
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b text-left text-gray-500">
            <th className="py-2">Category</th>
            <th className="py-2">Items</th>
            <th className="py-2 text-right">Total</th>
          </tr>
        </thead>
        <tbody>
          {byCategory.map((c) => (
            <tr key={c.category} className="border-b last:border-0">
              <td className="py-2 font-medium">{c.category}</td>
              <td className="py-2">{c.count}</td>
              <td className="py-2 text-right tabular-nums">{usd(c.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="grid grid-cols-3 gap-3">
        {Object.entries(byEmployee).map(([name, total]) => (
          <div key={name} className="rounded-lg bg-gray-50 p-3">
            <p className="text-xs text-gray-500">{name}</p>
            <p className="font-semibold">{usd(total)}</p>
          </div>
        ))}
      </div>
    </div>
  );
}
