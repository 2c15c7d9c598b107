/**
 * `react-resizable-panels` for components. Version 4 renamed its parts (Group, Separator, `orientation`) and
 * reads bare numbers as pixels; code written for earlier versions (PanelGroup, PanelResizeHandle, `direction`,
 * sizes in percent) is what models write, so both spellings work here.
 */
import type { ComponentProps } from "react";
import { Group, Panel as PanelV4, Separator, useGroupRef, usePanelRef } from "react-resizable-panels";

type Size = number | string | undefined;

const percent = (size: Size): Size => (typeof size === "number" ? `${size}%` : size);

type GroupProps = ComponentProps<typeof Group> & { direction?: "horizontal" | "vertical" };

export function PanelGroup({ direction, orientation, ...props }: GroupProps) {
  return <Group orientation={orientation ?? direction ?? "horizontal"} {...props} />;
}

export function Panel({
  defaultSize,
  minSize,
  maxSize,
  collapsedSize,
  ...props
}: ComponentProps<typeof PanelV4>) {
  return (
    <PanelV4
      defaultSize={percent(defaultSize)}
      minSize={percent(minSize)}
      maxSize={percent(maxSize)}
      collapsedSize={percent(collapsedSize)}
      {...props}
    />
  );
}

export { Group, Separator, Separator as PanelResizeHandle, useGroupRef, usePanelRef };
