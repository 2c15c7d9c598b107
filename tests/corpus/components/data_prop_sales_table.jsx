// expect: Sales by rep
// expect: Priya Patel
// expect: Click a row to send it to Python
// libs: lucide
import { useMemo, useState } from "react";
import { ArrowDown, ArrowUp } from "lucide-react";

const SAMPLE = [
  { rep: "Priya Patel", region: "West", deals: 14, revenue: 182000 },
  { rep: "Marcus Green", region: "East", deals: 9, revenue: 121500 },
  { rep: "Lena Vogel", region: "North", deals: 11, revenue: 149900 },
  { rep: "Tomás Ruiz", region: "South", deals: 7, revenue: 88200 },
  { rep: "Aiko Tanaka", region: "West", deals: 12, revenue: 163000 },
];

const money = (n) => `$${Number(n).toLocaleString("en-US")}`;

export default function SalesTable({ data = SAMPLE, emit }) {
  const [sort, setSort] = useState({ key: "revenue", asc: false });
  const [selected, setSelected] = useState(null);

  const columns = data.length ? Object.keys(data[0]) : [];
  const rows = useMemo(() => {
    const copy = [...data];
    copy.sort((a, b) => {
      const x = a[sort.key];
      const y = b[sort.key];
      const cmp = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
      return sort.asc ? cmp : -cmp;
    });
    return copy;
  }, [data, sort]);

  const choose = (row) => {
    setSelected(row.rep ?? JSON.stringify(row));
    emit?.("select", row);
  };

  return (
    <div className="p-4">
      <div className="mb-2 flex items-baseline justify-between">
        <h2 className="text-lg font-semibold">Sales by rep</h2>
        <span className="text-xs text-gray-500">{selected ? `Selected: ${selected}` : "Click a row to send it to Python"}</span>
      </div>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b bg-gray-50">
            {columns.map((col) => (
              <th
                key={col}
                onClick={() => setSort((s) => ({ key: col, asc: s.key === col ? !s.asc : true }))}
                className="cursor-pointer select-none px-3 py-2 text-left font-medium capitalize text-gray-600"
              >
                <span className="inline-flex items-center gap-1">
                  {col}
                  {sort.key === col && (sort.asc ? <ArrowUp className="h-3 w-3" /> : <ArrowDown className="h-3 w-3" />)}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} onClick={() => choose(row)} className="cursor-pointer border-b hover:bg-blue-50">
              {columns.map((col) => (
                <td key={col} className="px-3 py-2">
                  {col === "revenue" ? money(row[col]) : String(row[col])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
