// expect: Maya Chen
// expect: Product designer
// expect: 1,204 followers
// libs: next, lucide
import Image from "next/image";
import Link from "next/link";
import { MapPin, Link as LinkIcon, Twitter } from "lucide-react";

type Stat = { label: string; value: string };

const stats: Stat[] = [
  { label: "followers", value: "1,204" },
  { label: "following", value: "318" },
  { label: "projects", value: "42" },
];

const shots = ["Onboarding flow", "Billing redesign", "Mobile nav", "Design tokens"];

export default function ProfileCard() {
  return (
    <div className="mx-auto max-w-md overflow-hidden rounded-2xl border bg-white shadow-sm">
      <div className="h-24 bg-gradient-to-r from-pink-400 via-purple-400 to-indigo-400" />
      <div className="px-6 pb-6">
        <div className="-mt-12 mb-3">
          <Image
            src="/placeholder.svg?height=96&width=96"
            alt="Maya Chen"
            width={96}
            height={96}
            className="rounded-full border-4 border-white bg-gray-100"
          />
        </div>
        <h2 className="text-xl font-semibold">Maya Chen</h2>
        <p className="text-sm text-gray-500">Product designer</p>
        <div className="mt-3 flex flex-wrap gap-4 text-sm text-gray-600">
          <span className="flex items-center gap-1">
            <MapPin className="h-4 w-4" /> Toronto
          </span>
          <Link href="https://example.com" className="flex items-center gap-1 text-indigo-600">
            <LinkIcon className="h-4 w-4" /> mayachen.design
          </Link>
          <span className="flex items-center gap-1">
            <Twitter className="h-4 w-4" /> @mayac
          </span>
        </div>
        <div className="mt-4 flex gap-6 border-y py-3">
          {stats.map((s) => (
            <div key={s.label} className="text-sm">
              <span className="font-semibold">{s.value}</span> <span className="text-gray-500">{s.label}</span>
            </div>
          ))}
        </div>
        <h3 className="mt-4 text-sm font-medium">Recent work</h3>
        <div className="mt-2 grid grid-cols-2 gap-2">
          {shots.map((title) => (
            <div key={title} className="rounded-lg bg-gray-50 p-3 text-xs text-gray-700">
              {title}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
