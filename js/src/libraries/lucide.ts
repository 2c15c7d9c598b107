/**
 * lucide-react for components, behind a namespace that answers any icon name. The icons come in chunk
 * modules by name (scripts/lucide-chunks.mjs): the frame loads the chunks holding the icons a component
 * imports, and each chunk registers its icons here when it is evaluated. Models name icons that were renamed
 * or removed (brand icons, old names); such a name renders a small placeholder and warns once in the console
 * instead of crashing the component.
 */
import { createLucideIcon, Icon, LucideProvider, useLucideContext, type LucideProps } from "lucide-react";
import { createElement, forwardRef, type ForwardRefExoticComponent, type RefAttributes } from "react";

type IconComponent = ForwardRefExoticComponent<Omit<LucideProps, "ref"> & RefAttributes<SVGSVGElement>>;

const ICON_NAME = /^[A-Z][A-Za-z0-9]*$/;
/** What the icon chunks registered, by every name of each icon; lucide's own `icons` map. */
const registered: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
const placeholders = new Map<string, IconComponent>();

/** Called by each icon chunk with its icons by name (not an icon name, so never a placeholder). */
function registerIcons(icons: Record<string, unknown>): void {
  for (const [name, icon] of Object.entries(icons)) if (ICON_NAME.test(name)) registered[name] = icon;
}

// The module's own exports, besides the icons.
const exported: Record<string, unknown> = {
  createLucideIcon,
  Icon,
  LucideProvider,
  useLucideContext,
  icons: registered,
  __componentgenRegisterIcons: registerIcons,
};

/** A dashed square the size of an icon, titled with the missing name. */
function placeholder(name: string): IconComponent {
  const existing = placeholders.get(name);
  if (existing) return existing;
  console.warn(`lucide-react has no icon "${name}": showing a placeholder.`);
  const Placeholder = forwardRef<SVGSVGElement, LucideProps>(function Placeholder(
    { size = 24, color = "currentColor", strokeWidth = 2, className, ...rest },
    ref,
  ) {
    return createElement(
      "svg",
      {
        ref,
        xmlns: "http://www.w3.org/2000/svg",
        width: size,
        height: size,
        viewBox: "0 0 24 24",
        fill: "none",
        stroke: color,
        strokeWidth,
        strokeLinecap: "round",
        strokeDasharray: "3 3",
        className: ["lucide", "lucide-missing", className].filter(Boolean).join(" "),
        "aria-hidden": "true",
        "data-missing-icon": name,
        ...(rest as object),
      },
      createElement("rect", { x: 3, y: 3, width: 18, height: 18, rx: 3 }),
    );
  });
  Placeholder.displayName = `${name}Placeholder`;
  placeholders.set(name, Placeholder);
  return Placeholder;
}

const own = (object: object, name: string): boolean => Object.prototype.hasOwnProperty.call(object, name);

function lookup(name: string | symbol, namespace: object): unknown {
  if (typeof name !== "string") return undefined;
  if (name === "__esModule") return true;
  if (name === "default") return namespace;
  if (own(exported, name)) return exported[name];
  if (name in registered) return registered[name];
  return ICON_NAME.test(name) ? placeholder(name) : undefined;
}

/**
 * The module's exports: lucide-react's own, every registered icon, and a placeholder for any other
 * PascalCase name. Its keys are the exports and the icons registered so far.
 */
export const icons: object = new Proxy(exported, {
  get: (_target, name, receiver: object) => lookup(name, receiver),
  has: (_target, name) =>
    typeof name === "string" &&
    (name === "__esModule" || name === "default" || own(exported, name) || ICON_NAME.test(name)),
  ownKeys: () => [...Object.keys(exported), ...Object.keys(registered)],
  getOwnPropertyDescriptor: (_target, name) => {
    if (typeof name !== "string" || !(own(exported, name) || name in registered)) return undefined;
    return { value: lookup(name, icons), enumerable: true, configurable: true, writable: false };
  },
});
