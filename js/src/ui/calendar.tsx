import { ChevronDownIcon, ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { useEffect, useRef, type ComponentProps } from "react";
import { DayPicker, getDefaultClassNames, type DayButton } from "react-day-picker";
import { Button, buttonVariants } from "./button";
import { cn } from "./utils";

type CalendarProps = ComponentProps<typeof DayPicker> & {
  buttonVariant?: ComponentProps<typeof Button>["variant"];
  /** react-day-picker 8's name for autoFocus, which older code still passes. */
  initialFocus?: boolean;
};

export function Calendar({
  className,
  classNames,
  showOutsideDays = true,
  captionLayout = "label",
  buttonVariant = "ghost",
  formatters,
  components,
  initialFocus,
  ...props
}: CalendarProps) {
  const base = getDefaultClassNames();
  const navButton = cn(
    buttonVariants({ variant: buttonVariant }),
    "size-(--cell-size) select-none p-0 aria-disabled:opacity-50",
  );
  return (
    <DayPicker
      showOutsideDays={showOutsideDays}
      autoFocus={props.autoFocus ?? initialFocus}
      className={cn(
        "group/calendar bg-background p-3 [--cell-size:--spacing(8)] [[data-slot=card-content]_&]:bg-transparent [[data-slot=popover-content]_&]:bg-transparent",
        String.raw`rtl:**:[.rdp-button\_next>svg]:rotate-180 rtl:**:[.rdp-button\_previous>svg]:rotate-180`,
        className,
      )}
      captionLayout={captionLayout}
      formatters={{
        formatMonthDropdown: (date) => date.toLocaleString("default", { month: "short" }),
        ...formatters,
      }}
      classNames={{
        root: cn("w-fit", base.root),
        months: cn("relative flex flex-col gap-4 md:flex-row", base.months),
        month: cn("flex w-full flex-col gap-4", base.month),
        nav: cn("absolute inset-x-0 top-0 flex w-full items-center justify-between gap-1", base.nav),
        button_previous: cn(navButton, base.button_previous),
        button_next: cn(navButton, base.button_next),
        month_caption: cn(
          "flex h-(--cell-size) w-full items-center justify-center px-(--cell-size)",
          base.month_caption,
        ),
        dropdowns: cn(
          "flex h-(--cell-size) w-full items-center justify-center gap-1.5 text-sm font-medium",
          base.dropdowns,
        ),
        dropdown_root: cn(
          "relative rounded-md border border-input shadow-xs has-focus:border-ring has-focus:ring-[3px] has-focus:ring-ring/50",
          base.dropdown_root,
        ),
        dropdown: cn("absolute inset-0 bg-popover opacity-0", base.dropdown),
        caption_label: cn(
          "select-none font-medium",
          captionLayout === "label"
            ? "text-sm"
            : "flex h-8 items-center gap-1 rounded-md pl-2 pr-1 text-sm [&>svg]:size-3.5 [&>svg]:text-muted-foreground",
          base.caption_label,
        ),
        month_grid: "w-full border-collapse",
        weekdays: cn("flex", base.weekdays),
        weekday: cn(
          "flex-1 select-none rounded-md text-[0.8rem] font-normal text-muted-foreground",
          base.weekday,
        ),
        week: cn("mt-2 flex w-full", base.week),
        week_number_header: cn("w-(--cell-size) select-none", base.week_number_header),
        week_number: cn("select-none text-[0.8rem] text-muted-foreground", base.week_number),
        day: cn(
          "group/day relative aspect-square h-full w-full select-none p-0 text-center",
          "[&:first-child[data-selected=true]_button]:rounded-l-md [&:last-child[data-selected=true]_button]:rounded-r-md",
          base.day,
        ),
        range_start: cn("rounded-l-md bg-accent", base.range_start),
        range_middle: cn("rounded-none", base.range_middle),
        range_end: cn("rounded-r-md bg-accent", base.range_end),
        today: cn(
          "rounded-md bg-accent text-accent-foreground data-[selected=true]:rounded-none",
          base.today,
        ),
        outside: cn("text-muted-foreground aria-selected:text-muted-foreground", base.outside),
        disabled: cn("text-muted-foreground opacity-50", base.disabled),
        hidden: cn("invisible", base.hidden),
        ...classNames,
      }}
      components={{
        Root: ({ className, rootRef, ...rest }) => (
          <div data-slot="calendar" ref={rootRef} className={cn(className)} {...rest} />
        ),
        Chevron: ({ className, orientation, ...rest }) => {
          const Icon =
            orientation === "left"
              ? ChevronLeftIcon
              : orientation === "right"
                ? ChevronRightIcon
                : ChevronDownIcon;
          return <Icon className={cn("size-4", className)} {...rest} />;
        },
        DayButton: CalendarDayButton,
        WeekNumber: ({ children, ...rest }) => (
          <td {...rest}>
            <div className="flex size-(--cell-size) items-center justify-center text-center">{children}</div>
          </td>
        ),
        ...components,
      }}
      {...props}
    />
  );
}

export function CalendarDayButton({ className, day, modifiers, ...props }: ComponentProps<typeof DayButton>) {
  const base = getDefaultClassNames();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (modifiers.focused) ref.current?.focus();
  }, [modifiers.focused]);
  const single =
    modifiers.selected && !modifiers.range_start && !modifiers.range_end && !modifiers.range_middle;
  return (
    <Button
      ref={ref}
      variant="ghost"
      size="icon"
      data-day={day.date.toLocaleDateString()}
      data-selected-single={single}
      data-range-start={modifiers.range_start}
      data-range-end={modifiers.range_end}
      data-range-middle={modifiers.range_middle}
      className={cn(
        "flex aspect-square size-auto w-full min-w-(--cell-size) flex-col gap-1 font-normal leading-none",
        "data-[selected-single=true]:bg-primary data-[selected-single=true]:text-primary-foreground",
        "data-[range-middle=true]:bg-accent data-[range-middle=true]:text-accent-foreground",
        "data-[range-start=true]:rounded-md data-[range-start=true]:bg-primary data-[range-start=true]:text-primary-foreground",
        "data-[range-end=true]:rounded-md data-[range-end=true]:bg-primary data-[range-end=true]:text-primary-foreground",
        "group-data-[focused=true]/day:relative group-data-[focused=true]/day:z-10 group-data-[focused=true]/day:border-ring group-data-[focused=true]/day:ring-[3px] group-data-[focused=true]/day:ring-ring/50",
        "dark:hover:text-accent-foreground [&>span]:text-xs [&>span]:opacity-70",
        // The day's cell already dims a disabled day; dimming the button too would make it unreadable.
        "disabled:opacity-100",
        base.day,
        className,
      )}
      {...props}
    />
  );
}
