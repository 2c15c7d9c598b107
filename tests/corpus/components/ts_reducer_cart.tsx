// expect: Checkout
// expect: Mechanical keyboard
// expect: Total: $246.00
// libs: lucide
import { useReducer } from "react";
import { Minus, Plus, ShoppingBag, Tag } from "lucide-react";

interface Line {
  sku: string;
  name: string;
  price: number;
  qty: number;
}

interface CartState {
  lines: Line[];
  coupon: string | null;
}

type Action =
  | { type: "increment"; sku: string }
  | { type: "decrement"; sku: string }
  | { type: "applyCoupon"; code: string }
  | { type: "clear" };

const initialState: CartState = {
  lines: [
    { sku: "KB-01", name: "Mechanical keyboard", price: 129, qty: 1 },
    { sku: "MS-07", name: "Wireless mouse", price: 49, qty: 1 },
    { sku: "PD-02", name: "Desk pad", price: 34, qty: 2 },
  ],
  coupon: null,
};

function reducer(state: CartState, action: Action): CartState {
  switch (action.type) {
    case "increment":
      return { ...state, lines: state.lines.map((l) => (l.sku === action.sku ? { ...l, qty: l.qty + 1 } : l)) };
    case "decrement":
      return {
        ...state,
        lines: state.lines.map((l) => (l.sku === action.sku ? { ...l, qty: l.qty - 1 } : l)).filter((l) => l.qty > 0),
      };
    case "applyCoupon":
      return { ...state, coupon: action.code.toUpperCase() === "SAVE10" ? "SAVE10" : null };
    case "clear":
      return { ...state, lines: [] };
    default: {
      const never: never = action;
      return never;
    }
  }
}

const usd = (n: number) => `$${n.toFixed(2)}`;

export default function CheckoutCart() {
  const [state, dispatch] = useReducer(reducer, initialState);
  const subtotal = state.lines.reduce((s, l) => s + l.price * l.qty, 0);
  const discount = state.coupon ? subtotal * 0.1 : 0;

  return (
    <div className="mx-auto max-w-md rounded-xl border p-6">
      <h2 className="mb-4 flex items-center gap-2 text-xl font-semibold">
        <ShoppingBag className="h-5 w-5" /> Checkout
      </h2>
      <ul className="divide-y">
        {state.lines.map((l) => (
          <li key={l.sku} className="flex items-center justify-between py-3">
            <div>
              <p className="font-medium">{l.name}</p>
              <p className="text-xs text-gray-500">{l.sku} · {usd(l.price)}</p>
            </div>
            <div className="flex items-center gap-2">
              <button onClick={() => dispatch({ type: "decrement", sku: l.sku })} className="rounded border p-1"><Minus className="h-3 w-3" /></button>
              <span className="w-5 text-center">{l.qty}</span>
              <button onClick={() => dispatch({ type: "increment", sku: l.sku })} className="rounded border p-1"><Plus className="h-3 w-3" /></button>
            </div>
          </li>
        ))}
      </ul>
      <button
        onClick={() => dispatch({ type: "applyCoupon", code: "save10" })}
        className="mt-3 flex items-center gap-1 text-sm text-indigo-600"
      >
        <Tag className="h-4 w-4" /> {state.coupon ? `Coupon ${state.coupon} applied` : "Apply SAVE10"}
      </button>
      <div className="mt-4 space-y-1 border-t pt-3 text-sm">
        {discount > 0 && <p className="text-emerald-600">Discount: -{usd(discount)}</p>}
        <p className="text-lg font-semibold">Total: {usd(subtotal - discount)}</p>
      </div>
    </div>
  );
}
