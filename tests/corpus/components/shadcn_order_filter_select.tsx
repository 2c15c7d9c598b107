// expect: Recent orders
// expect: ORD-1042
// expect: All statuses
// libs: shadcn
import { useMemo, useState } from "react";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";

type Status = "paid" | "pending" | "refunded";

interface Order {
  id: string;
  customer: string;
  status: Status;
  total: number;
}

const ORDERS: Order[] = [
  { id: "ORD-1042", customer: "Liam Johnson", status: "paid", total: 250 },
  { id: "ORD-1043", customer: "Olivia Smith", status: "pending", total: 150 },
  { id: "ORD-1044", customer: "Noah Williams", status: "refunded", total: 350 },
  { id: "ORD-1045", customer: "Emma Brown", status: "paid", total: 450 },
  { id: "ORD-1046", customer: "Ava Davis", status: "pending", total: 90 },
];

const variantFor: Record<Status, "default" | "secondary" | "destructive"> = {
  paid: "default",
  pending: "secondary",
  refunded: "destructive",
};

export default function OrderFilter() {
  const [status, setStatus] = useState<string>("all");
  const rows = useMemo(
    () => (status === "all" ? ORDERS : ORDERS.filter((o) => o.status === status)),
    [status]
  );
  const sum = rows.reduce((acc, o) => acc + o.total, 0);

  return (
    <div className="space-y-4 p-6">
      <div className="flex items-center justify-between">
        <h2 className="text-xl font-semibold">Recent orders</h2>
        <Select value={status} onValueChange={setStatus}>
          <SelectTrigger className="w-[180px]">
            <SelectValue placeholder="Filter by status" />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">All statuses</SelectItem>
            <SelectItem value="paid">Paid</SelectItem>
            <SelectItem value="pending">Pending</SelectItem>
            <SelectItem value="refunded">Refunded</SelectItem>
          </SelectContent>
        </Select>
      </div>
      <div className="rounded-md border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Order</TableHead>
              <TableHead>Customer</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">Amount</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((order) => (
              <TableRow key={order.id}>
                <TableCell className="font-medium">{order.id}</TableCell>
                <TableCell>{order.customer}</TableCell>
                <TableCell>
                  <Badge variant={variantFor[order.status]} className="capitalize">
                    {order.status}
                  </Badge>
                </TableCell>
                <TableCell className="text-right">${order.total.toFixed(2)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <p className="text-right text-sm text-muted-foreground">
        {rows.length} orders · ${sum.toFixed(2)}
      </p>
    </div>
  );
}
