// expect: Ergonomic Chair
// expect: Open cart (3)
// libs: shadcn, lucide
import { useState } from "react";
import {
  Sheet,
  SheetContent,
  SheetDescription,
  SheetFooter,
  SheetHeader,
  SheetTitle,
  SheetTrigger,
} from "@/components/ui/sheet";
import { Button } from "@/components/ui/button";
import { Separator } from "@/components/ui/separator";
import { Minus, Plus, ShoppingCart } from "lucide-react";

interface Item {
  id: number;
  name: string;
  price: number;
  qty: number;
}

export default function CartSheet() {
  const [items, setItems] = useState<Item[]>([
    { id: 1, name: "Ergonomic Chair", price: 329, qty: 1 },
    { id: 2, name: "Standing Desk", price: 549, qty: 1 },
    { id: 3, name: "Monitor Arm", price: 89, qty: 1 },
  ]);

  const change = (id: number, delta: number) =>
    setItems((prev) =>
      prev.map((it) => (it.id === id ? { ...it, qty: Math.max(0, it.qty + delta) } : it)).filter((it) => it.qty > 0)
    );

  const count = items.reduce((n, it) => n + it.qty, 0);
  const subtotal = items.reduce((n, it) => n + it.qty * it.price, 0);

  return (
    <div className="flex flex-col gap-4 p-6">
      <div className="grid grid-cols-3 gap-4">
        {items.map((it) => (
          <div key={it.id} className="rounded-lg border p-4">
            <div className="h-20 rounded-md bg-gradient-to-br from-slate-100 to-slate-300" />
            <p className="mt-2 font-medium">{it.name}</p>
            <p className="text-sm text-muted-foreground">${it.price}</p>
          </div>
        ))}
      </div>
      <Sheet>
        <SheetTrigger asChild>
          <Button className="self-start">
            <ShoppingCart className="mr-2 h-4 w-4" /> Open cart ({count})
          </Button>
        </SheetTrigger>
        <SheetContent>
          <SheetHeader>
            <SheetTitle>Your cart</SheetTitle>
            <SheetDescription>Review items before checkout.</SheetDescription>
          </SheetHeader>
          <div className="mt-6 space-y-4">
            {items.map((it) => (
              <div key={it.id} className="flex items-center justify-between">
                <div>
                  <p className="text-sm font-medium">{it.name}</p>
                  <p className="text-xs text-muted-foreground">${it.price} each</p>
                </div>
                <div className="flex items-center gap-2">
                  <Button size="icon" variant="outline" className="h-7 w-7" onClick={() => change(it.id, -1)}>
                    <Minus className="h-3 w-3" />
                  </Button>
                  <span className="w-4 text-center text-sm">{it.qty}</span>
                  <Button size="icon" variant="outline" className="h-7 w-7" onClick={() => change(it.id, 1)}>
                    <Plus className="h-3 w-3" />
                  </Button>
                </div>
              </div>
            ))}
          </div>
          <Separator className="my-4" />
          <SheetFooter>
            <div className="flex w-full items-center justify-between">
              <span className="font-semibold">Subtotal ${subtotal}</span>
              <Button>Checkout</Button>
            </div>
          </SheetFooter>
        </SheetContent>
      </Sheet>
    </div>
  );
}
