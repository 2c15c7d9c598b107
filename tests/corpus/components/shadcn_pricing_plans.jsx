// expect: Simple, transparent pricing
// expect: $29
// expect: Most popular
// libs: shadcn, lucide
import { useState } from "react";
import { Check } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import { Label } from "@/components/ui/label";

const plans = [
  { name: "Starter", monthly: 9, features: ["3 projects", "Basic analytics", "Email support"] },
  {
    name: "Pro",
    monthly: 29,
    popular: true,
    features: ["Unlimited projects", "Advanced analytics", "Priority support", "Custom domains"],
  },
  { name: "Enterprise", monthly: 99, features: ["Everything in Pro", "SSO & SAML", "Dedicated manager", "SLA"] },
];

export default function PricingPlans() {
  const [yearly, setYearly] = useState(false);

  return (
    <div className="px-6 py-10">
      <div className="mx-auto mb-8 max-w-2xl text-center">
        <h2 className="text-3xl font-bold">Simple, transparent pricing</h2>
        <p className="mt-2 text-muted-foreground">Choose the plan that fits your team.</p>
        <div className="mt-4 flex items-center justify-center gap-2">
          <Label htmlFor="billing">Monthly</Label>
          <Switch id="billing" checked={yearly} onCheckedChange={setYearly} />
          <Label htmlFor="billing">Yearly (save 20%)</Label>
        </div>
      </div>
      <div className="mx-auto grid max-w-5xl gap-6 md:grid-cols-3">
        {plans.map((plan) => {
          const price = yearly ? Math.round(plan.monthly * 0.8) : plan.monthly;
          return (
            <Card key={plan.name} className={plan.popular ? "relative border-primary shadow-lg" : "relative"}>
              {plan.popular && (
                <Badge className="absolute -top-3 left-1/2 -translate-x-1/2">Most popular</Badge>
              )}
              <CardHeader>
                <CardTitle>{plan.name}</CardTitle>
                <CardDescription>
                  <span className="text-4xl font-bold text-foreground">${price}</span> / month
                </CardDescription>
              </CardHeader>
              <CardContent>
                <ul className="space-y-2 text-sm">
                  {plan.features.map((f) => (
                    <li key={f} className="flex items-center gap-2">
                      <Check className="h-4 w-4 text-green-600" /> {f}
                    </li>
                  ))}
                </ul>
              </CardContent>
              <CardFooter>
                <Button className="w-full" variant={plan.popular ? "default" : "outline"}>
                  Get {plan.name}
                </Button>
              </CardFooter>
            </Card>
          );
        })}
      </div>
    </div>
  );
}
