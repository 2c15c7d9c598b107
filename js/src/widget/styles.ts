/**
 * The view's CSS, in JupyterLab's theme variables (with fallbacks outside Lab), added once per page.
 * Every rule starts at .cg-root so it outranks the output area's own `pre` and `button` rules.
 */

const CSS = `
.cg-root{font-family:var(--jp-ui-font-family,system-ui,sans-serif);font-size:var(--jp-ui-font-size1,13px);color:var(--jp-ui-font-color1,#1f2328);display:flex;flex-direction:column;gap:6px;min-width:0}
.cg-root .cg-status{display:flex;flex-wrap:wrap;align-items:center;gap:4px 10px;color:var(--jp-ui-font-color2,#57606a);line-height:22px}
.cg-root .cg-status .cg-name{font-weight:600;color:var(--jp-ui-font-color1,#1f2328)}
.cg-root .cg-version{font-family:var(--jp-code-font-family,monospace);font-size:var(--jp-code-font-size,12px);padding:0 6px;border-radius:9px;background:var(--jp-layout-color2,#eef1f4);color:var(--jp-ui-font-color1,#1f2328)}
.cg-root .cg-version:empty,.cg-root .cg-status span:empty{display:none}
.cg-root .cg-phase[data-active="true"]{color:var(--jp-brand-color1,#1976d2)}
.cg-root .cg-phase[data-phase="error"]{color:var(--jp-error-color1,#d32f2f)}
.cg-root .cg-cancel{margin-left:auto;font:inherit;padding:1px 10px;border-radius:4px;cursor:pointer;border:1px solid var(--jp-border-color1,#bdbdbd);background:var(--jp-layout-color1,#fff);color:var(--jp-ui-font-color1,#1f2328)}
.cg-root .cg-cancel:hover{border-color:var(--jp-error-color1,#d32f2f);color:var(--jp-error-color1,#d32f2f)}
.cg-root .cg-cancel[hidden]{display:none}
.cg-root details>summary{cursor:pointer;color:var(--jp-ui-font-color2,#57606a);user-select:none}
.cg-root .cg-code{margin:4px 0 0;max-height:240px;overflow:auto;padding:6px 8px;white-space:pre;font-family:var(--jp-code-font-family,monospace);font-size:var(--jp-code-font-size,12px);line-height:1.45;background:var(--jp-cell-editor-background,var(--jp-layout-color2,#f6f8fa));color:var(--jp-content-font-color1,#1f2328);border:1px solid var(--jp-border-color2,#e0e0e0);border-radius:4px}
.cg-root .cg-preview{border:1px solid var(--jp-border-color2,#e0e0e0);border-radius:4px;overflow:hidden;background:#fff}
.cg-root .cg-error{white-space:pre-wrap;padding:6px 10px;border-radius:4px;border-left:3px solid var(--jp-error-color1,#d32f2f);background:var(--jp-rendermime-error-background,rgba(211,47,47,.08));color:var(--jp-ui-font-color1,#1f2328);font-family:var(--jp-code-font-family,monospace);font-size:var(--jp-code-font-size,12px)}
.cg-root .cg-error[hidden],.cg-root .cg-explanation[hidden]{display:none}
.cg-root .cg-error-title{font-weight:600;color:var(--jp-error-color1,#d32f2f)}
.cg-root .cg-error-head{display:flex;align-items:center;gap:8px;font-family:var(--jp-ui-font-family,system-ui,sans-serif);font-size:var(--jp-ui-font-size1,13px);white-space:normal}
.cg-root .cg-fix{margin-left:auto;font:inherit;padding:1px 12px;border-radius:4px;cursor:pointer;border:1px solid var(--jp-brand-color1,#1976d2);background:var(--jp-brand-color1,#1976d2);color:var(--jp-ui-inverse-font-color1,#fff)}
.cg-root .cg-fix:hover{background:var(--jp-brand-color0,#0d47a1);border-color:var(--jp-brand-color0,#0d47a1)}
.cg-root .cg-fix:focus-visible{outline:2px solid var(--jp-brand-color2,#64b5f6);outline-offset:1px}
.cg-root .cg-fix:disabled{opacity:.6;cursor:default}
.cg-root .cg-fix[hidden]{display:none}
.cg-root .cg-error-message{margin-top:2px}
.cg-root .cg-error-reported{margin-top:2px;padding-left:8px;border-left:2px solid var(--jp-border-color1,#d0d7de);color:var(--jp-ui-font-color2,#57606a)}
.cg-root .cg-reported-label{font-family:var(--jp-ui-font-family,system-ui,sans-serif);font-style:italic}
.cg-root .cg-reported-text{font-family:var(--jp-code-font-family,monospace);overflow-wrap:anywhere}
.cg-root .cg-findings{list-style:none;margin:6px 0 0;padding:0;display:flex;flex-direction:column;gap:6px;white-space:normal;font-family:var(--jp-ui-font-family,system-ui,sans-serif);font-size:var(--jp-ui-font-size1,13px)}
.cg-root .cg-finding{display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 8px}
.cg-root .cg-finding-rule{font-family:var(--jp-code-font-family,monospace);font-size:var(--jp-code-font-size,12px);font-weight:600;padding:0 6px;border-radius:9px;background:var(--jp-layout-color2,#eef1f4);color:var(--jp-error-color1,#d32f2f)}
.cg-root .cg-finding-where{font-family:var(--jp-code-font-family,monospace);font-size:var(--jp-code-font-size,12px);color:var(--jp-ui-font-color2,#57606a)}
.cg-root .cg-finding-message{color:var(--jp-ui-font-color1,#1f2328)}
.cg-root .cg-finding-snippet{flex-basis:100%;display:block;margin-top:2px;padding:3px 8px;overflow-x:auto;white-space:pre;font-family:var(--jp-code-font-family,monospace);font-size:var(--jp-code-font-size,12px);background:var(--jp-cell-editor-background,var(--jp-layout-color2,#f6f8fa));color:var(--jp-content-font-color1,#1f2328);border:1px solid var(--jp-border-color2,#e0e0e0);border-radius:3px}
.cg-root .cg-error-note{margin-top:6px;white-space:normal;font-family:var(--jp-ui-font-family,system-ui,sans-serif);font-size:var(--jp-ui-font-size1,13px);color:var(--jp-ui-font-color2,#57606a)}
.cg-root .cg-notice{color:var(--jp-warn-color0,#e65100)}
.cg-root .cg-preview[hidden]{display:none}
.cg-root .cg-explanation-text{margin:4px 0 0;white-space:pre-wrap;color:var(--jp-ui-font-color1,#1f2328)}
`;

const STYLE_ID = "jupyter-componentgen-widget-styles";

export function ensureStyles(doc: Document = document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.appendChild(style);
}
