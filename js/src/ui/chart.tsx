import {
  createContext,
  useContext,
  useId,
  type ComponentProps,
  type ComponentType,
  type CSSProperties,
  type ReactNode,
} from "react";
import { Legend, ResponsiveContainer, Tooltip } from "recharts";
import { cn } from "./utils";

/** Per data key: its label, icon and colour (one colour, or one per theme). */
export type ChartConfig = Record<
  string,
  { label?: ReactNode; icon?: ComponentType } & (
    | { color?: string; theme?: never }
    | { color?: never; theme: { light: string; dark: string } }
  )
>;

const ChartContext = createContext<{ config: ChartConfig } | null>(null);

function useChart(): { config: ChartConfig } {
  const chart = useContext(ChartContext);
  if (!chart) throw new Error("Chart parts must be used inside a <ChartContainer />.");
  return chart;
}

/** Sets `--color-<key>` for the chart's keys, so series can use `var(--color-<key>)`. */
export function ChartStyle({ id, config }: { id: string; config: ChartConfig }) {
  const keys = Object.entries(config).filter(([, item]) => item.color || item.theme);
  if (keys.length === 0) return null;
  const rules = (["light", "dark"] as const).map((theme) => {
    const selector = theme === "dark" ? `.dark [data-chart="${id}"]` : `[data-chart="${id}"]`;
    const lines = keys
      .map(([key, item]) => {
        const color = item.theme?.[theme] ?? item.color;
        return color ? `  --color-${key}: ${color};` : "";
      })
      .filter(Boolean);
    return `${selector} {\n${lines.join("\n")}\n}`;
  });
  return <style>{rules.join("\n")}</style>;
}

export function ChartContainer({
  id,
  className,
  children,
  config,
  ...props
}: ComponentProps<"div"> & {
  config: ChartConfig;
  children: ComponentProps<typeof ResponsiveContainer>["children"];
}) {
  const generated = useId();
  const chartId = `chart-${(id ?? generated).replace(/:/g, "")}`;
  return (
    <ChartContext.Provider value={{ config }}>
      <div
        data-slot="chart"
        data-chart={chartId}
        className={cn(
          "flex aspect-video justify-center text-xs",
          "[&_.recharts-cartesian-axis-tick_text]:fill-muted-foreground [&_.recharts-cartesian-grid_line[stroke='#ccc']]:stroke-border/50",
          "[&_.recharts-curve.recharts-tooltip-cursor]:stroke-border [&_.recharts-polar-grid_[stroke='#ccc']]:stroke-border",
          "[&_.recharts-radial-bar-background-sector]:fill-muted [&_.recharts-rectangle.recharts-tooltip-cursor]:fill-muted",
          "[&_.recharts-reference-line_[stroke='#ccc']]:stroke-border [&_.recharts-dot[stroke='#fff']]:stroke-transparent",
          "[&_.recharts-layer]:outline-hidden [&_.recharts-sector]:outline-hidden [&_.recharts-sector[stroke='#fff']]:stroke-transparent [&_.recharts-surface]:outline-hidden",
          className,
        )}
        {...props}
      >
        <ChartStyle id={chartId} config={config} />
        <ResponsiveContainer>{children}</ResponsiveContainer>
      </div>
    </ChartContext.Provider>
  );
}

export const ChartTooltip = Tooltip;
export const ChartLegend = Legend;

interface PayloadItem {
  name?: string | number;
  dataKey?: string | number;
  value?: number | string | Array<number | string>;
  color?: string;
  fill?: string;
  payload?: Record<string, unknown>;
}

/** The config entry for a tooltip or legend item, looked up by `key`, its name or its data key. */
function itemConfig(config: ChartConfig, item: PayloadItem, key: string) {
  const payload = item.payload ?? {};
  const named =
    typeof (item as Record<string, unknown>)[key] === "string"
      ? ((item as Record<string, unknown>)[key] as string)
      : typeof payload[key] === "string"
        ? (payload[key] as string)
        : key;
  return config[named] ?? config[key];
}

interface TooltipContentProps extends Omit<ComponentProps<"div">, "content"> {
  active?: boolean;
  payload?: PayloadItem[];
  label?: ReactNode;
  indicator?: "line" | "dot" | "dashed";
  hideLabel?: boolean;
  hideIndicator?: boolean;
  labelFormatter?: (label: ReactNode, payload: PayloadItem[]) => ReactNode;
  labelClassName?: string;
  formatter?: (
    value: PayloadItem["value"],
    name: PayloadItem["name"],
    item: PayloadItem,
    index: number,
    payload: PayloadItem["payload"],
  ) => ReactNode;
  color?: string;
  nameKey?: string;
  labelKey?: string;
}

export function ChartTooltipContent({
  active,
  payload,
  className,
  indicator = "dot",
  hideLabel = false,
  hideIndicator = false,
  label,
  labelFormatter,
  labelClassName,
  formatter,
  color,
  nameKey,
  labelKey,
}: TooltipContentProps) {
  const { config } = useChart();
  if (!active || !payload?.length) return null;
  const first = payload[0];
  const labelEntry = itemConfig(config, first, labelKey ?? String(first.dataKey ?? first.name ?? "value"));
  const labelText =
    !labelKey && typeof label === "string" ? (config[label]?.label ?? label) : labelEntry?.label;
  const heading = hideLabel ? null : labelFormatter ? (
    <div className={cn("font-medium", labelClassName)}>{labelFormatter(labelText ?? label, payload)}</div>
  ) : labelText ? (
    <div className={cn("font-medium", labelClassName)}>{labelText}</div>
  ) : null;
  const nested = payload.length === 1 && indicator !== "dot";
  return (
    <div
      className={cn(
        "grid min-w-[8rem] items-start gap-1.5 rounded-lg border border-border/50 bg-background px-2.5 py-1.5 text-xs shadow-xl",
        className,
      )}
    >
      {!nested && heading}
      <div className="grid gap-1.5">
        {payload.map((item, index) => {
          const key = nameKey ?? String(item.name ?? item.dataKey ?? "value");
          const entry = itemConfig(config, item, key);
          const swatch = color ?? (item.payload?.fill as string | undefined) ?? item.color;
          const Icon = entry?.icon;
          return (
            <div
              key={String(item.dataKey ?? index)}
              className={cn(
                "flex w-full flex-wrap items-stretch gap-2 [&>svg]:h-2.5 [&>svg]:w-2.5 [&>svg]:text-muted-foreground",
                indicator === "dot" && "items-center",
              )}
            >
              {formatter && item.value !== undefined && item.name !== undefined ? (
                formatter(item.value, item.name, item, index, item.payload)
              ) : (
                <>
                  {Icon ? (
                    <Icon />
                  ) : (
                    !hideIndicator && (
                      <div
                        className={cn("shrink-0 rounded-[2px] border-(--color-border) bg-(--color-bg)", {
                          "h-2.5 w-2.5": indicator === "dot",
                          "w-1": indicator === "line",
                          "w-0 border-[1.5px] border-dashed bg-transparent": indicator === "dashed",
                          "my-0.5": nested && indicator === "dashed",
                        })}
                        style={{ "--color-bg": swatch, "--color-border": swatch } as CSSProperties}
                      />
                    )
                  )}
                  <div
                    className={cn(
                      "flex flex-1 justify-between leading-none",
                      nested ? "items-end" : "items-center",
                    )}
                  >
                    <div className="grid gap-1.5">
                      {nested && heading}
                      <span className="text-muted-foreground">{entry?.label ?? item.name}</span>
                    </div>
                    {item.value !== undefined && (
                      <span className="font-mono font-medium tabular-nums text-foreground">
                        {typeof item.value === "number" ? item.value.toLocaleString() : String(item.value)}
                      </span>
                    )}
                  </div>
                </>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

interface LegendContentProps extends ComponentProps<"div"> {
  payload?: PayloadItem[];
  verticalAlign?: "top" | "middle" | "bottom";
  hideIcon?: boolean;
  nameKey?: string;
}

export function ChartLegendContent({
  className,
  hideIcon = false,
  payload,
  verticalAlign = "bottom",
  nameKey,
}: LegendContentProps) {
  const { config } = useChart();
  if (!payload?.length) return null;
  return (
    <div
      className={cn(
        "flex items-center justify-center gap-4",
        verticalAlign === "top" ? "pb-3" : "pt-3",
        className,
      )}
    >
      {payload.map((item) => {
        const entry = itemConfig(config, item, nameKey ?? String(item.dataKey ?? "value"));
        const Icon = entry?.icon;
        return (
          <div
            key={String(item.value)}
            className="flex items-center gap-1.5 [&>svg]:h-3 [&>svg]:w-3 [&>svg]:text-muted-foreground"
          >
            {Icon && !hideIcon ? (
              <Icon />
            ) : (
              <div className="h-2 w-2 shrink-0 rounded-[2px]" style={{ backgroundColor: item.color }} />
            )}
            {entry?.label}
          </div>
        );
      })}
    </div>
  );
}
