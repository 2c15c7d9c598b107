import Link from "next/link";
import Image from "next/image";
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";

// Escape attempt: library_shadcn_avatar_link — shadcn's avatar image, next/image and next/link aimed out
export default function Hostile() {
  return (
    <div>
      <p data-testid="hostile">library_shadcn_avatar_link</p>
      <Avatar>
        <AvatarImage src="__LISTENER__/library_shadcn_avatar_link/avatar.png" />
        <AvatarFallback>PW</AvatarFallback>
      </Avatar>
      <Image src="__LISTENER__/library_shadcn_avatar_link/photo.png" width={10} height={10} alt="" />
      <Link href="__LISTENER__/library_shadcn_avatar_link/page" id="go">go</Link>
    </div>
  );
}
