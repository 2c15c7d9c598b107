import { GripVerticalIcon } from "lucide-react";
import type { ComponentProps } from "react";
import { Panel, PanelGroup, Separator } from "../libraries/resizable-panels";
import { cn } from "./utils";

// Sizes are percentages when they are bare numbers, as in the versions of the panels shadcn was written for.
export function ResizablePanelGroup({
  className,
  direction,
  orientation,
  ...props
}: ComponentProps<typeof PanelGroup>) {
  const chosen = orientation ?? direction ?? "horizontal";
  return (
    <PanelGroup
      data-slot="resizable-panel-group"
      data-panel-group-direction={chosen}
      orientation={chosen}
      className={cn("flex h-full w-full data-[panel-group-direction=vertical]:flex-col", className)}
      {...props}
    />
  );
}

export function ResizablePanel(props: ComponentProps<typeof Panel>) {
  return <Panel data-slot="resizable-panel" {...props} />;
}

export function ResizableHandle({
  withHandle,
  className,
  ...props
}: ComponentProps<typeof Separator> & { withHandle?: boolean }) {
  return (
    <Separator
      data-slot="resizable-handle"
      className={cn(
        "relative flex w-px items-center justify-center bg-border after:absolute after:inset-y-0 after:left-1/2 after:w-1 after:-translate-x-1/2",
        "focus-visible:outline-hidden focus-visible:ring-1 focus-visible:ring-ring focus-visible:ring-offset-1",
        "[[data-panel-group-direction=vertical]_&]:h-px [[data-panel-group-direction=vertical]_&]:w-full",
        "[[data-panel-group-direction=vertical]_&]:after:left-0 [[data-panel-group-direction=vertical]_&]:after:h-1 [[data-panel-group-direction=vertical]_&]:after:w-full",
        "[[data-panel-group-direction=vertical]_&]:after:translate-x-0 [[data-panel-group-direction=vertical]_&]:after:-translate-y-1/2 [[data-panel-group-direction=vertical]_&>div]:rotate-90",
        className,
      )}
      {...props}
    >
      {withHandle && (
        <div className="z-10 flex h-4 w-3 items-center justify-center rounded-xs border bg-border">
          <GripVerticalIcon className="size-2.5" />
        </div>
      )}
    </Separator>
  );
}
