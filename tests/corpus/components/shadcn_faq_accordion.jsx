// expect: Frequently asked questions
// expect: Can I cancel at any time?
// expect: Yes. Plans renew monthly
// libs: shadcn
import { Accordion, AccordionContent, AccordionItem, AccordionTrigger } from "@/components/ui/accordion";
import { Badge } from "@/components/ui/badge";

const faqs = [
  {
    q: "Can I cancel at any time?",
    a: "Yes. Plans renew monthly and you can cancel from the billing page; you keep access until the period ends.",
  },
  {
    q: "Do you offer a free trial?",
    a: "Every workspace starts with 14 days of the Pro plan, no card required.",
  },
  {
    q: "Where is my data stored?",
    a: "In the EU region you choose at sign-up. Backups stay in the same region.",
  },
  {
    q: "Can I invite guests?",
    a: "Guests can view shared dashboards for free. Editors need a seat.",
  },
  {
    q: "Is there an API?",
    a: "A REST API and webhooks are available on every paid plan.",
  },
];

export default function FaqSection() {
  return (
    <section className="mx-auto max-w-3xl px-6 py-10">
      <div className="mb-8 text-center">
        <Badge variant="secondary" className="mb-3">
          Support
        </Badge>
        <h2 className="text-3xl font-bold tracking-tight">Frequently asked questions</h2>
        <p className="mt-2 text-muted-foreground">
          Everything you need to know about plans and billing.
        </p>
      </div>
      <Accordion type="single" collapsible defaultValue="item-0" className="w-full">
        {faqs.map((item, index) => (
          <AccordionItem key={item.q} value={`item-${index}`}>
            <AccordionTrigger className="text-left">{item.q}</AccordionTrigger>
            <AccordionContent className="text-muted-foreground">{item.a}</AccordionContent>
          </AccordionItem>
        ))}
      </Accordion>
      <p className="mt-8 text-center text-sm text-muted-foreground">
        Still have questions?{" "}
        <a href="#" className="font-medium text-primary underline underline-offset-4">
          Contact us
        </a>
      </p>
    </section>
  );
}
