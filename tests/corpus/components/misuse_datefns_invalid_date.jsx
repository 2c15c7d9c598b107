// expect: Invalid time value
// libs: date-fns
// adversarial: error
import { format, differenceInDays } from "date-fns";

// Dates typed the way a spreadsheet export writes them: day first.
const INVOICES = [
  { number: "A-1001", client: "Globex", issued: "03/04/2024", due: "31/05/2024", amount: 1200 },
  { number: "A-1002", client: "Initech", issued: "12/04/2024", due: "12/05/2024", amount: 860 },
  { number: "A-1003", client: "Umbrella", issued: "20/04/2024", due: "20/06/2024", amount: 2400 },
];

function DueBadge({ due }) {
  const days = differenceInDays(new Date(due), new Date(2024, 4, 1));
  const tone = days < 0 ? "bg-red-100 text-red-700" : days < 14 ? "bg-amber-100 text-amber-700" : "bg-gray-100";
  return <span className={`rounded-full px-2 py-0.5 text-xs ${tone}`}>{days} days</span>;
}

export default function InvoiceDueDates() {
  return (
    <div className="mx-auto max-w-2xl p-6">
      <h2 className="mb-4 text-xl font-semibold">Invoices due</h2>
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b text-left text-gray-500">
            <th className="py-2">Invoice</th>
            <th>Client</th>
            <th>Issued</th>
            <th>Due</th>
            <th className="text-right">Amount</th>
          </tr>
        </thead>
        <tbody>
          {INVOICES.map((inv) => (
            <tr key={inv.number} className="border-b">
              <td className="py-2 font-mono">{inv.number}</td>
              <td>{inv.client}</td>
              <td>{format(new Date(inv.issued), "MMM d, yyyy")}</td>
              <td className="flex items-center gap-2 py-2">
                {format(new Date(inv.due), "MMM d, yyyy")}
                <DueBadge due={inv.due} />
              </td>
              <td className="text-right">${inv.amount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
