/**
 * lucide-react for components: the whole icon set, behind a namespace that answers any icon name. Models
 * name icons that were renamed or removed (brand icons, old names); such a name renders a small placeholder
 * and warns once in the console instead of crashing the component.
 */
import * as Lucide from "lucide-react";
import { createElement, forwardRef, type ForwardRefExoticComponent, type RefAttributes } from "react";

type IconProps = Lucide.LucideProps;
type Icon = ForwardRefExoticComponent<Omit<IconProps, "ref"> & RefAttributes<SVGSVGElement>>;

const ICON_NAME = /^[A-Z][A-Za-z0-9]*$/;
const known = Lucide as unknown as Record<string, unknown>;
const placeholders = new Map<string, Icon>();
// The icon set's own names; `default` and `__esModule` are answered by the namespace below.
const exported: Record<string, unknown> = { ...known };
delete exported.default;
delete exported.__esModule;

/** A dashed square the size of an icon, titled with the missing name. */
function placeholder(name: string): Icon {
  const existing = placeholders.get(name);
  if (existing) return existing;
  console.warn(`lucide-react has no icon "${name}": showing a placeholder.`);
  const Placeholder = forwardRef<SVGSVGElement, IconProps>(function Placeholder(
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

function lookup(name: string | symbol, namespace: object): unknown {
  if (typeof name !== "string") return undefined;
  if (name === "__esModule") return true;
  if (name === "default") return namespace;
  if (Object.prototype.hasOwnProperty.call(exported, name)) return exported[name];
  return ICON_NAME.test(name) ? placeholder(name) : undefined;
}

/** The module's exports: every lucide-react export, and a placeholder for any other PascalCase name. */
export const icons: object = new Proxy(exported, {
  get: (_target, name, receiver: object) => lookup(name, receiver),
  has: (_target, name) =>
    typeof name === "string" &&
    (name === "__esModule" || name === "default" || name in exported || ICON_NAME.test(name)),
});
