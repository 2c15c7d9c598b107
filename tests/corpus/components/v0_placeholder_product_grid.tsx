// expect: New arrivals
// expect: Linen overshirt
// expect: $68
// libs: shadcn, lucide
import { Heart, ShoppingBag, Star } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";

const products = [
  { id: 1, name: "Linen overshirt", price: 68, rating: 4.6 },
  { id: 2, name: "Merino crew", price: 94, rating: 4.8 },
  { id: 3, name: "Canvas tote", price: 32, rating: 4.3 },
];

export default function Component() {
  return (
    <section className="w-full py-8">
      <div className="container mx-auto px-4">
        <div className="mb-6 flex items-center justify-between">
          <h2 className="text-2xl font-bold tracking-tight">New arrivals</h2>
          <div className="flex items-center gap-2">
            <img
              src="https://images.unsplash.com/photo-1500648767791-00dcc994a43e?w=64&h=64&fit=crop"
              alt="Store owner"
              className="h-8 w-8 rounded-full object-cover"
            />
            <span className="text-sm text-muted-foreground">Curated by Noa</span>
          </div>
        </div>
        <div className="grid grid-cols-1 gap-6 sm:grid-cols-3">
          {products.map((product) => (
            <Card key={product.id} className="overflow-hidden">
              <div className="relative">
                <img
                  src={`/placeholder.svg?height=300&width=400&text=${encodeURIComponent(product.name)}`}
                  alt={product.name}
                  width={400}
                  height={300}
                  className="aspect-[4/3] w-full object-cover"
                />
                <Button size="icon" variant="secondary" className="absolute right-2 top-2 h-8 w-8 rounded-full">
                  <Heart className="h-4 w-4" />
                  <span className="sr-only">Save</span>
                </Button>
              </div>
              <CardContent className="p-4">
                <h3 className="font-semibold">{product.name}</h3>
                <div className="mt-1 flex items-center gap-1 text-sm text-muted-foreground">
                  <Star className="h-4 w-4 fill-amber-400 text-amber-400" />
                  {product.rating}
                </div>
              </CardContent>
              <CardFooter className="flex items-center justify-between p-4 pt-0">
                <span className="text-lg font-bold">${product.price}</span>
                <Button size="sm">
                  <ShoppingBag className="mr-2 h-4 w-4" /> Add to bag
                </Button>
              </CardFooter>
            </Card>
          ))}
        </div>
      </div>
    </section>
  );
}
