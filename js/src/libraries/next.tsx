/**
 * Stand-ins for the Next.js modules components written for a Next app import: `next/link` (an anchor; the
 * frame cancels navigation anyway), `next/image` (an img) and `next/navigation` / `next/router` (a router
 * that stays on the one page there is).
 */
import { forwardRef, type AnchorHTMLAttributes, type CSSProperties, type ImgHTMLAttributes } from "react";

type Href = string | { pathname?: string; query?: Record<string, unknown>; hash?: string };

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> {
  href: Href;
  prefetch?: boolean | null;
  replace?: boolean;
  scroll?: boolean;
  shallow?: boolean;
  passHref?: boolean;
  legacyBehavior?: boolean;
  locale?: string | false;
}

function hrefText(href: Href): string {
  if (typeof href === "string") return href;
  const query = href.query
    ? `?${new URLSearchParams(Object.entries(href.query).map(([k, v]) => [k, String(v)])).toString()}`
    : "";
  return `${href.pathname ?? ""}${query}${href.hash ? `#${href.hash.replace(/^#/, "")}` : ""}`;
}

const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link(
  {
    href,
    prefetch: _prefetch,
    replace: _replace,
    scroll: _scroll,
    shallow: _shallow,
    passHref: _passHref,
    legacyBehavior: _legacy,
    locale: _locale,
    ...rest
  },
  ref,
) {
  return <a ref={ref} href={hrefText(href)} {...rest} />;
});

interface ImageProps extends Omit<ImgHTMLAttributes<HTMLImageElement>, "src" | "width" | "height"> {
  src: string | { src: string; width?: number; height?: number };
  width?: number | string;
  height?: number | string;
  fill?: boolean;
  priority?: boolean;
  quality?: number | string;
  placeholder?: string;
  blurDataURL?: string;
  unoptimized?: boolean;
  loader?: unknown;
}

const FILL: CSSProperties = { position: "absolute", inset: 0, width: "100%", height: "100%" };

const Image = forwardRef<HTMLImageElement, ImageProps>(function Image(
  {
    src,
    width,
    height,
    fill,
    priority,
    quality: _quality,
    placeholder: _placeholder,
    blurDataURL: _blur,
    unoptimized: _unoptimized,
    loader: _loader,
    style,
    loading,
    ...rest
  },
  ref,
) {
  const source = typeof src === "string" ? { src } : src;
  return (
    <img
      ref={ref}
      src={source.src}
      width={fill ? undefined : (width ?? (typeof src === "string" ? undefined : source.width))}
      height={fill ? undefined : (height ?? (typeof src === "string" ? undefined : source.height))}
      loading={loading ?? (priority ? "eager" : "lazy")}
      decoding="async"
      style={fill ? { ...FILL, ...style } : style}
      {...rest}
    />
  );
});

const router = Object.freeze({
  push: (_href: Href) => Promise.resolve(true),
  replace: (_href: Href) => Promise.resolve(true),
  prefetch: (_href: Href) => Promise.resolve(),
  back: () => undefined,
  forward: () => undefined,
  refresh: () => undefined,
  reload: () => undefined,
  pathname: "/",
  route: "/",
  asPath: "/",
  query: {},
  isReady: true,
  events: { on: () => undefined, off: () => undefined, emit: () => undefined },
});

export const link = { default: Link, Link };
export const image = { default: Image, Image };
export const navigation = {
  useRouter: () => router,
  usePathname: () => "/",
  useSearchParams: () => new URLSearchParams(),
  useParams: () => ({}),
  useSelectedLayoutSegment: () => null,
  useSelectedLayoutSegments: () => [],
  redirect: () => undefined,
  notFound: () => undefined,
  // `import Router from "next/router"`: the router itself.
  default: { ...router, useRouter: () => router },
};
