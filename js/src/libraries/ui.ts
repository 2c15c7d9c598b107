/**
 * The `ui` module: the shadcn/ui-compatible components that need only Radix, each the export `<name>`
 * (imported as `@/components/ui/<name>`), `utils` (`@/lib/utils`), `use-toast` and `use-mobile` (`@/hooks/…`),
 * and the primitives and packages they are built on, each under its own import name
 * (`@radix-ui/react-dialog`, `radix-ui`, `class-variance-authority`…), so a component shares their one copy.
 * Components built on a package of their own (calendar, form, carousel…) are modules of their own.
 */
import * as cvaPackage from "class-variance-authority";
import * as clsxPackage from "clsx";
import {
  Accordion,
  AlertDialog,
  AspectRatio,
  Avatar,
  Checkbox,
  Collapsible,
  ContextMenu,
  Dialog,
  DropdownMenu,
  HoverCard,
  Label,
  Menubar,
  NavigationMenu,
  Popover,
  Progress,
  RadioGroup,
  ScrollArea,
  Select,
  Separator,
  Slider,
  Slot,
  Switch,
  Tabs,
  Toast,
  Toggle,
  ToggleGroup,
  Tooltip,
} from "radix-ui";
import * as tailwindMergePackage from "tailwind-merge";
import * as accordion from "../ui/accordion";
import * as alert from "../ui/alert";
import * as alertDialog from "../ui/alert-dialog";
import * as aspectRatio from "../ui/aspect-ratio";
import * as avatar from "../ui/avatar";
import * as badge from "../ui/badge";
import * as breadcrumb from "../ui/breadcrumb";
import * as button from "../ui/button";
import * as card from "../ui/card";
import * as checkbox from "../ui/checkbox";
import * as collapsible from "../ui/collapsible";
import * as contextMenu from "../ui/context-menu";
import * as dialog from "../ui/dialog";
import * as dropdownMenu from "../ui/dropdown-menu";
import * as hoverCard from "../ui/hover-card";
import * as input from "../ui/input";
import * as label from "../ui/label";
import * as menubar from "../ui/menubar";
import * as navigationMenu from "../ui/navigation-menu";
import * as pagination from "../ui/pagination";
import * as popover from "../ui/popover";
import * as progress from "../ui/progress";
import * as radioGroup from "../ui/radio-group";
import * as scrollArea from "../ui/scroll-area";
import * as select from "../ui/select";
import * as separator from "../ui/separator";
import * as sheet from "../ui/sheet";
import * as skeleton from "../ui/skeleton";
import * as slider from "../ui/slider";
import * as switchControl from "../ui/switch";
import * as table from "../ui/table";
import * as tabs from "../ui/tabs";
import * as textarea from "../ui/textarea";
import * as toast from "../ui/toast";
import * as toaster from "../ui/toaster";
import * as toggle from "../ui/toggle";
import * as toggleGroup from "../ui/toggle-group";
import * as tooltip from "../ui/tooltip";
import * as useToast from "../ui/use-toast";
import * as useMobile from "../ui/use-mobile";
import * as utils from "../ui/utils";

/** The part of the `radix-ui` package this module bundles. */
const radix = {
  Accordion,
  AlertDialog,
  AspectRatio,
  Avatar,
  Checkbox,
  Collapsible,
  ContextMenu,
  Dialog,
  DropdownMenu,
  HoverCard,
  Label,
  Menubar,
  NavigationMenu,
  Popover,
  Progress,
  RadioGroup,
  ScrollArea,
  Select,
  Separator,
  Slider,
  Slot,
  Switch,
  Tabs,
  Toast,
  Toggle,
  ToggleGroup,
  Tooltip,
};

export {
  accordion,
  alert,
  alertDialog as "alert-dialog",
  aspectRatio as "aspect-ratio",
  avatar,
  badge,
  breadcrumb,
  button,
  card,
  checkbox,
  collapsible,
  contextMenu as "context-menu",
  dialog,
  dropdownMenu as "dropdown-menu",
  hoverCard as "hover-card",
  input,
  label,
  menubar,
  navigationMenu as "navigation-menu",
  pagination,
  popover,
  progress,
  radioGroup as "radio-group",
  scrollArea as "scroll-area",
  select,
  separator,
  sheet,
  skeleton,
  slider,
  switchControl as "switch",
  table,
  tabs,
  textarea,
  toast,
  toaster,
  toggle,
  toggleGroup as "toggle-group",
  tooltip,
  useToast as "use-toast",
  useMobile as "use-mobile",
  utils,
  Accordion as "@radix-ui/react-accordion",
  AlertDialog as "@radix-ui/react-alert-dialog",
  AspectRatio as "@radix-ui/react-aspect-ratio",
  Avatar as "@radix-ui/react-avatar",
  Checkbox as "@radix-ui/react-checkbox",
  Collapsible as "@radix-ui/react-collapsible",
  ContextMenu as "@radix-ui/react-context-menu",
  Dialog as "@radix-ui/react-dialog",
  DropdownMenu as "@radix-ui/react-dropdown-menu",
  HoverCard as "@radix-ui/react-hover-card",
  Label as "@radix-ui/react-label",
  Menubar as "@radix-ui/react-menubar",
  NavigationMenu as "@radix-ui/react-navigation-menu",
  Popover as "@radix-ui/react-popover",
  Progress as "@radix-ui/react-progress",
  RadioGroup as "@radix-ui/react-radio-group",
  ScrollArea as "@radix-ui/react-scroll-area",
  Select as "@radix-ui/react-select",
  Separator as "@radix-ui/react-separator",
  Slider as "@radix-ui/react-slider",
  Slot as "@radix-ui/react-slot",
  Switch as "@radix-ui/react-switch",
  Tabs as "@radix-ui/react-tabs",
  Toast as "@radix-ui/react-toast",
  Toggle as "@radix-ui/react-toggle",
  ToggleGroup as "@radix-ui/react-toggle-group",
  Tooltip as "@radix-ui/react-tooltip",
  radix as "package/radix-ui",
  cvaPackage as "package/class-variance-authority",
  clsxPackage as "package/clsx",
  tailwindMergePackage as "package/tailwind-merge",
};
