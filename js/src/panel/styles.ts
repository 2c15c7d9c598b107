/** The panel's CSS, in JupyterLab's theme variables so it follows light, dark and custom themes. */

const CSS = `
.cg-panel-widget{background:var(--jp-layout-color1);color:var(--jp-ui-font-color1);font-family:var(--jp-ui-font-family);font-size:var(--jp-ui-font-size1)}
.cg-panel{display:flex;flex-direction:column;height:100%;box-sizing:border-box;overflow:hidden}
.cg-panel-header{display:flex;align-items:baseline;gap:8px;padding:8px 12px 6px;border-bottom:var(--jp-border-width) solid var(--jp-border-color2)}
.cg-panel-title{margin:0;font-size:var(--jp-ui-font-size1);font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:var(--jp-ui-font-color1)}
.cg-panel-notebook{color:var(--jp-ui-font-color2);overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0;flex:1}
.cg-panel-connection{margin-left:auto;font-size:var(--jp-ui-font-size0);color:var(--jp-ui-font-color2)}
.cg-panel-connection::before{content:"";display:inline-block;width:7px;height:7px;border-radius:50%;margin-right:4px;background:var(--jp-warn-color1)}
.cg-panel-connection[data-state="open"]::before{background:var(--jp-success-color1)}
.cg-panel-connection[data-state="closed"]::before{background:var(--jp-error-color1)}
.cg-panel-notice{display:flex;gap:6px;align-items:flex-start;margin:6px 12px 0;padding:6px 8px;border-left:3px solid var(--jp-error-color1);background:var(--jp-layout-color2);white-space:pre-wrap}
.cg-panel-notice span{flex:1}
.cg-panel-notice button{border:0;background:none;color:var(--jp-ui-font-color2);cursor:pointer;font-size:16px;line-height:1}
.cg-panel-empty{padding:8px 12px;color:var(--jp-ui-font-color2)}
.cg-panel-components{list-style:none;margin:0;padding:4px 0;max-height:30%;min-height:48px;overflow:auto;flex:none;border-bottom:var(--jp-border-width) solid var(--jp-border-color2);outline:none}
.cg-panel-component{padding:5px 12px;cursor:pointer;border-left:3px solid transparent}
.cg-panel-component:hover{background:var(--jp-layout-color2)}
.cg-panel-component[aria-selected="true"]{background:var(--jp-layout-color2);border-left-color:var(--jp-brand-color1)}
.cg-panel-component-head{display:flex;align-items:center;gap:6px}
.cg-panel-component-name{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.cg-panel-component-sub,.cg-panel-meta{color:var(--jp-ui-font-color2);font-size:var(--jp-ui-font-size0);margin-top:2px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.cg-panel-badge{font-family:var(--jp-code-font-family);font-size:var(--jp-ui-font-size0);padding:0 6px;border-radius:9px;background:var(--jp-layout-color3);color:var(--jp-ui-font-color1)}
.cg-panel-running{font-size:var(--jp-ui-font-size0);color:var(--jp-brand-color1)}
.cg-panel-running[data-phase="queued"]{color:var(--jp-warn-color1)}
.cg-panel-selected{display:flex;flex-direction:column;flex:1;min-height:0}
.cg-panel-tabs{display:flex;gap:2px;padding:6px 12px 0;border-bottom:var(--jp-border-width) solid var(--jp-border-color2)}
.cg-panel-tab{font:inherit;border:0;background:none;padding:4px 8px;cursor:pointer;color:var(--jp-ui-font-color2);border-bottom:2px solid transparent}
.cg-panel-tab[aria-selected="true"]{color:var(--jp-ui-font-color1);border-bottom-color:var(--jp-brand-color1)}
.cg-panel-conversation{flex:1;min-height:0;overflow:auto;padding:8px 12px}
.cg-panel-exchanges{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:10px}
.cg-panel-exchange{display:flex;flex-direction:column;gap:4px}
.cg-panel-bubble{padding:6px 8px;border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere}
.cg-panel-request{align-self:flex-end;max-width:90%;background:var(--jp-brand-color3);color:var(--jp-ui-font-color1)}
.cg-panel-reply{background:var(--jp-layout-color2)}
.cg-panel-reply .cg-panel-meta{white-space:normal}
.cg-panel-explanation{margin-bottom:4px}
.cg-panel-status{display:flex;flex-wrap:wrap;gap:2px 8px;font-size:var(--jp-ui-font-size0);color:var(--jp-ui-font-color2)}
.cg-panel-status[data-phase="streaming"] .cg-panel-phase,.cg-panel-status[data-phase="connecting"] .cg-panel-phase{color:var(--jp-brand-color1)}
.cg-panel-status[data-phase="queued"] .cg-panel-phase{color:var(--jp-warn-color1);font-weight:600}
.cg-panel-status[data-phase="error"] .cg-panel-phase{color:var(--jp-error-color1)}
.cg-panel-error{margin-top:4px;color:var(--jp-error-color1)}
.cg-panel-findings{list-style:none;margin:6px 0 0;padding:0;display:flex;flex-direction:column;gap:4px}
.cg-panel-finding{padding:4px 6px;border-left:3px solid var(--jp-error-color1);background:var(--jp-layout-color1);border-radius:2px}
.cg-panel-finding-head{display:flex;flex-wrap:wrap;gap:2px 8px;align-items:baseline}
.cg-panel-finding-rule{font-weight:600;color:var(--jp-error-color1)}
.cg-panel-finding-where{font-family:var(--jp-code-font-family);font-size:var(--jp-ui-font-size0);color:var(--jp-ui-font-color2)}
.cg-panel-finding-snippet{display:block;margin-top:2px;padding:2px 4px;font-family:var(--jp-code-font-family);font-size:var(--jp-code-font-size);background:var(--jp-cell-editor-background);white-space:pre-wrap;overflow-wrap:anywhere}
.cg-panel-fix-bar{flex:none;display:flex;gap:8px;align-items:center;margin:0 12px;padding:6px 8px;border-left:3px solid var(--jp-error-color1);background:var(--jp-layout-color2)}
.cg-panel-fix-text{flex:1;min-width:0}
.cg-panel-fix-title{font-weight:600;color:var(--jp-error-color1)}
.cg-panel-fix-detail{font-size:var(--jp-ui-font-size0);color:var(--jp-ui-font-color2);overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.cg-panel-reported-label{font-style:italic}
.cg-panel-reported-text{font-family:var(--jp-code-font-family)}
.cg-panel-code-tail{margin:4px 0;max-height:120px;overflow:auto;padding:4px 6px;font-family:var(--jp-code-font-family);font-size:var(--jp-code-font-size);background:var(--jp-cell-editor-background);border:var(--jp-border-width) solid var(--jp-border-color2);border-radius:3px;white-space:pre}
.cg-panel-chat{flex:none;padding:8px 12px;border-top:var(--jp-border-width) solid var(--jp-border-color2);display:flex;flex-direction:column;gap:6px}
.cg-panel-input{width:100%;box-sizing:border-box;resize:vertical;min-height:52px;font-family:var(--jp-ui-font-family);font-size:var(--jp-ui-font-size1);padding:6px;background:var(--jp-input-background,var(--jp-layout-color1));color:var(--jp-ui-font-color1);border:var(--jp-border-width) solid var(--jp-border-color1);border-radius:3px}
.cg-panel-input:focus{outline:none;border-color:var(--jp-brand-color1)}
.cg-panel-chat-bar{display:flex;gap:6px;align-items:center}
.cg-panel-model{flex:1;min-width:0}
.cg-panel-versions{flex:1;min-height:0;overflow:auto;padding:8px 12px;display:flex;flex-direction:column;gap:8px}
.cg-panel-version-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}
.cg-panel-version{padding:6px 8px;border:var(--jp-border-width) solid var(--jp-border-color2);border-radius:4px}
.cg-panel-version[data-current="true"]{border-color:var(--jp-brand-color1)}
.cg-panel-version-head{display:flex;align-items:center;gap:6px}
.cg-panel-version-author{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.cg-panel-current{font-size:var(--jp-ui-font-size0);color:var(--jp-brand-color1)}
.cg-panel-version-when{margin-left:auto;font-size:var(--jp-ui-font-size0);color:var(--jp-ui-font-color2);white-space:nowrap}
.cg-panel-version-prompt{margin-top:2px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.cg-panel-row-actions{display:flex;gap:6px;margin-top:4px;justify-content:flex-end}
.cg-panel-row-actions .jp-Button{height:24px;min-width:0;padding:0 8px;font-size:var(--jp-ui-font-size0)}
.cg-panel-compare-bar{display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px;margin-bottom:4px}
.cg-panel-compare-bar select{flex:none;width:auto;min-width:64px;height:24px}
.cg-panel-compare-bar .jp-Button{height:24px;min-width:0;padding:0 8px;font-size:var(--jp-ui-font-size0);white-space:nowrap}
.cg-panel-diff-heads{display:flex;font-size:var(--jp-ui-font-size0);color:var(--jp-ui-font-color2)}
.cg-panel-diff-heads span{flex:1;padding:0 4px}
.cg-panel-diff,.cg-panel-editor-host{border:var(--jp-border-width) solid var(--jp-border-color2);border-radius:3px;overflow:auto;max-height:60vh;background:var(--jp-cell-editor-background)}
.cg-panel-diff .cm-mergeView{font-size:var(--jp-code-font-size)}
.cg-panel-diff-widget{overflow:auto;padding:8px;background:var(--jp-layout-color1);color:var(--jp-ui-font-color1)}
.cg-panel-diff-widget .cg-panel-diff-heads span{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
`;

const STYLE_ID = "jupyter-componentgen-panel-styles";

export function ensurePanelStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.appendChild(style);
}
