// expect: Parenthesis
// libs: mathjs
// adversarial: error
import { useState } from "react";
import { evaluate, round } from "mathjs";

interface Loan {
  principal: number;
  ratePercent: number;
  years: number;
}

// The formula is kept as text so finance can edit it; one closing parenthesis went missing.
const PAYMENT_FORMULA = "P * (r / 12) / (1 - (1 + r / 12)^(-n * 12)";

export default function LoanCalculator() {
  const [loan, setLoan] = useState<Loan>({ principal: 250000, ratePercent: 4.5, years: 30 });

  const monthly = evaluate(PAYMENT_FORMULA, {
    P: loan.principal,
    r: loan.ratePercent / 100,
    n: loan.years,
  }) as number;
  const total = monthly * loan.years * 12;

  const field = (key: keyof Loan, label: string, step: number) => (
    <label className="flex flex-col gap-1 text-sm">
      <span className="text-gray-600">{label}</span>
      <input
        type="number"
        step={step}
        value={loan[key]}
        onChange={(e) => setLoan({ ...loan, [key]: Number(e.target.value) })}
        className="rounded border px-2 py-1"
      />
    </label>
  );

  return (
    <div className="mx-auto max-w-sm space-y-4 rounded-xl border p-6">
      <h2 className="text-xl font-semibold">Mortgage calculator</h2>
      {field("principal", "Loan amount ($)", 1000)}
      {field("ratePercent", "Interest rate (%)", 0.1)}
      {field("years", "Term (years)", 1)}
      <div className="rounded-lg bg-gray-50 p-4">
        <p className="text-sm text-gray-500">Monthly payment</p>
        <p className="text-3xl font-bold">${round(monthly, 2)}</p>
        <p className="text-xs text-gray-500">Total paid: ${round(total, 0).toLocaleString()}</p>
      </div>
    </div>
  );
}
