/** The part of plotly.js that the `react-plotly.js` stand-in uses (the package ships no types). */
declare module "plotly.js-dist-min" {
  export interface Figure {
    data: unknown[];
    layout?: Record<string, unknown>;
    config?: Record<string, unknown>;
    frames?: unknown[];
  }
  /** The element Plotly draws into, once plotted. */
  export interface PlotElement extends HTMLDivElement {
    data: unknown[];
    layout: Record<string, unknown>;
    _transitionData?: { _frames?: unknown[] };
    on(event: string, handler: (...args: unknown[]) => void): void;
    removeListener(event: string, handler: (...args: unknown[]) => void): void;
  }
  export interface PlotlyStatic {
    react(element: HTMLElement, figure: Figure): Promise<PlotElement>;
    purge(element: HTMLElement): void;
    Plots: { resize(element: HTMLElement): void };
  }
  const Plotly: PlotlyStatic;
  export default Plotly;
}
