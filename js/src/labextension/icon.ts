/** The extension's icon: a framed pair of angle brackets. */
import { LabIcon } from "@jupyterlab/ui-components";

export const componentIcon = new LabIcon({
  name: "jupyter-componentgen:component",
  svgstr:
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24">' +
    '<g class="jp-icon3" fill="none" stroke="#616161" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">' +
    '<rect x="3" y="3" width="18" height="18" rx="2"/><path d="M9 9l-3 3 3 3M15 9l3 3-3 3"/></g></svg>',
});
