/**
 * `react-plotly.js` for components: a `Plot` component with react-plotly's props (data, layout, config,
 * frames, revision, style, className, divId, useResizeHandler, onInitialized/onUpdate/onPurge/onError and
 * the plotly_* event handlers as onClick, onHover, onSelected, onRelayout…), drawn with Plotly.react.
 */
import Plotly, { type Figure, type PlotElement, type PlotlyStatic } from "plotly.js-dist-min";
import { useEffect, useLayoutEffect, useRef, type CSSProperties, type ReactElement } from "react";

type Handler = (...args: unknown[]) => void;
type FigureCallback = (figure: Figure, element: HTMLElement) => void;

export interface PlotParams {
  data: unknown[];
  layout?: Record<string, unknown>;
  config?: Record<string, unknown>;
  frames?: unknown[];
  revision?: number;
  style?: CSSProperties;
  className?: string;
  divId?: string;
  useResizeHandler?: boolean;
  debug?: boolean;
  onInitialized?: FigureCallback;
  onUpdate?: FigureCallback;
  onPurge?: FigureCallback;
  onError?: (error: unknown) => void;
  [handler: `on${string}`]: unknown;
}

// react-plotly's handler props and the plotly events they listen to.
const EVENTS = [
  "AfterExport",
  "AfterPlot",
  "Animated",
  "AnimatingFrame",
  "AnimationInterrupted",
  "AutoSize",
  "BeforeExport",
  "BeforeHover",
  "ButtonClicked",
  "Click",
  "ClickAnnotation",
  "Deselect",
  "DoubleClick",
  "Framework",
  "Hover",
  "LegendClick",
  "LegendDoubleClick",
  "Relayout",
  "Relayouting",
  "Restyle",
  "Redraw",
  "Selected",
  "Selecting",
  "SliderChange",
  "SliderEnd",
  "SliderStart",
  "SunburstClick",
  "Transitioning",
  "TransitionInterrupted",
  "Unhover",
  "WebGlContextLost",
];

// react-plotly's own default: the plot keeps its layout's size.
const DEFAULT_STYLE: CSSProperties = { position: "relative", display: "inline-block" };

function figureOf(element: PlotElement): Figure {
  return { data: element.data, layout: element.layout, frames: element._transitionData?._frames };
}

/** react-plotly.js's factory: a Plot component bound to a Plotly build. */
export function createPlotlyComponent(plotly: PlotlyStatic): (props: PlotParams) => ReactElement {
  return function Plot(props: PlotParams): ReactElement {
    const ref = useRef<HTMLDivElement>(null);
    const plotted = useRef<PlotElement | null>(null);
    const attached = useRef(new Map<string, Handler>());
    const latest = useRef(props);
    latest.current = props;
    const { data, layout, config, frames, useResizeHandler } = props;

    useLayoutEffect(() => {
      const element = ref.current;
      if (!element) return;
      let cancelled = false;
      const first = plotted.current === null;
      plotly
        .react(element, { data, layout, config, frames })
        .then((result) => {
          if (cancelled) return;
          plotted.current = result;
          const handlers = attached.current;
          for (const name of EVENTS) {
            const wanted = latest.current[`on${name}`] as Handler | undefined;
            const event = `plotly_${name.toLowerCase()}`;
            const current = handlers.get(event);
            if (current === wanted) continue;
            if (current) result.removeListener(event, current);
            if (typeof wanted === "function") {
              result.on(event, wanted);
              handlers.set(event, wanted);
            } else handlers.delete(event);
          }
          const callback = first ? latest.current.onInitialized : latest.current.onUpdate;
          callback?.(figureOf(result), result);
        })
        .catch((error: unknown) => {
          if (latest.current.onError) latest.current.onError(error);
          else console.error(error);
        });
      return () => {
        cancelled = true;
      };
    });

    useEffect(() => {
      if (!useResizeHandler) return;
      const resize = (): void => {
        if (ref.current && plotted.current) plotly.Plots.resize(ref.current);
      };
      window.addEventListener("resize", resize);
      return () => window.removeEventListener("resize", resize);
    }, [useResizeHandler]);

    useEffect(
      () => () => {
        const element = plotted.current;
        if (!element) return;
        latest.current.onPurge?.(figureOf(element), element);
        plotly.purge(element);
        plotted.current = null;
      },
      [],
    );

    return (
      <div id={props.divId} ref={ref} style={props.style ?? DEFAULT_STYLE} className={props.className} />
    );
  };
}

const Plot = createPlotlyComponent(Plotly);
export default Plot;
