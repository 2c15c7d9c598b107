/** The panel's CSS, in JupyterLab's theme variables so it follows light, dark and custom themes. */

const CSS = `
.cg-panel-widget,.cg-panel-diff-widget{
--cg-text:var(--jp-ui-font-color1);
--cg-muted:color-mix(in srgb,var(--jp-ui-font-color0) 68%,var(--jp-layout-color1));
--cg-accent-text:color-mix(in srgb,var(--jp-brand-color1) 72%,var(--jp-ui-font-color0));
--cg-error-text:color-mix(in srgb,var(--jp-error-color1) 72%,var(--jp-ui-font-color0));
--cg-warn-text:color-mix(in srgb,var(--jp-warn-color1) 55%,var(--jp-ui-font-color0));
--cg-request-bg:color-mix(in srgb,var(--jp-brand-color1) 16%,var(--jp-layout-color1));
--cg-selected-bg:color-mix(in srgb,var(--jp-brand-color1) 12%,var(--jp-layout-color1));
--cg-hover-bg:color-mix(in srgb,var(--jp-ui-font-color0) 6%,var(--jp-layout-color1));
--cg-warn-bg:color-mix(in srgb,var(--jp-warn-color1) 12%,var(--jp-layout-color1));
--cg-error-bg:color-mix(in srgb,var(--jp-error-color1) 10%,var(--jp-layout-color1));
}
.cg-panel-widget{background:var(--jp-layout-color1);color:var(--cg-text);font-family:var(--jp-ui-font-family);font-size:var(--jp-ui-font-size1);min-width:0}
.cg-panel{display:flex;flex-direction:column;height:100%;box-sizing:border-box;overflow:hidden;min-width:0}
.cg-panel *{box-sizing:border-box}
.cg-panel-header{display:flex;align-items:baseline;flex-wrap:wrap;gap:2px 8px;padding:8px 12px 6px;border-bottom:var(--jp-border-width) solid var(--jp-border-color2)}
.cg-panel-title{margin:0;font-size:var(--jp-ui-font-size1);font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:var(--cg-text)}
.cg-panel-notebook{color:var(--cg-muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0;flex:1}
.cg-panel-connection{margin-left:auto;font-size:var(--jp-ui-font-size0);color:var(--cg-muted);white-space:nowrap}
.cg-panel-connection::before{content:"";display:inline-block;width:7px;height:7px;border-radius:50%;margin-right:4px;background:var(--jp-warn-color1)}
.cg-panel-connection[data-state="open"]::before{background:var(--jp-success-color1)}
.cg-panel-connection[data-state="closed"]::before{background:var(--jp-error-color1)}
.cg-panel-notice{display:flex;gap:6px;align-items:flex-start;margin:6px 12px 0;padding:6px 8px;border-left:3px solid var(--jp-error-color1);background:var(--cg-error-bg);color:var(--cg-text);white-space:pre-wrap;overflow-wrap:anywhere}
.cg-panel-notice span{flex:1;min-width:0}
.cg-panel-notice button{border:0;background:none;color:var(--cg-text);cursor:pointer;font-size:16px;line-height:1}
.cg-panel-empty{margin:0;padding:8px 12px;color:var(--cg-muted);overflow-wrap:anywhere}
.cg-panel-empty code{font-family:var(--jp-code-font-family);color:var(--cg-text)}
.cg-panel-components{list-style:none;margin:0;padding:4px 0;max-height:30%;min-height:48px;overflow:auto;flex:none;border-bottom:var(--jp-border-width) solid var(--jp-border-color2);outline:none}
.cg-panel-components:focus-visible{box-shadow:inset 0 0 0 1px var(--jp-brand-color1)}
.cg-panel-component{padding:5px 12px 5px 9px;cursor:pointer;border-left:3px solid transparent}
.cg-panel-component:hover{background:var(--cg-hover-bg)}
.cg-panel-component[aria-selected="true"]{background:var(--cg-selected-bg);border-left-color:var(--jp-brand-color1)}
.cg-panel-component-head{display:flex;align-items:center;gap:6px;min-width:0}
.cg-panel-component-name{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0}
.cg-panel-component-sub{color:var(--cg-muted);font-size:var(--jp-ui-font-size0);margin-top:2px;overflow-wrap:anywhere;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden}
.cg-panel-component-sub[data-state="none"]{color:var(--cg-warn-text)}
.cg-panel-meta{color:var(--cg-muted);font-size:var(--jp-ui-font-size0);margin-top:2px;overflow-wrap:anywhere}
.cg-panel-badge{flex:none;font-family:var(--jp-code-font-family);font-size:var(--jp-ui-font-size0);padding:0 6px;border-radius:9px;background:var(--jp-layout-color2);color:var(--cg-text);border:var(--jp-border-width) solid var(--jp-border-color2)}
.cg-panel-running{flex:none;font-size:var(--jp-ui-font-size0);color:var(--cg-accent-text)}
.cg-panel-running[data-phase="queued"]{color:var(--cg-warn-text)}
.cg-panel-selected{display:flex;flex-direction:column;flex:1;min-height:0;position:relative}
.cg-panel-tabs{display:flex;gap:2px;padding:6px 12px 0;border-bottom:var(--jp-border-width) solid var(--jp-border-color2)}
.cg-panel-tab{font:inherit;border:0;background:none;padding:4px 8px;cursor:pointer;color:var(--cg-muted);border-bottom:2px solid transparent;white-space:nowrap}
.cg-panel-tab:hover{color:var(--cg-text)}
.cg-panel-tab[aria-selected="true"]{color:var(--cg-text);border-bottom-color:var(--jp-brand-color1)}
.cg-panel-conversation{flex:1;min-height:0;overflow:auto;padding:8px 12px}
.cg-panel-exchanges{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:10px}
.cg-panel-exchange{display:flex;flex-direction:column;gap:4px;min-width:0}
.cg-panel-bubble{padding:6px 8px;border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere;color:var(--cg-text)}
.cg-panel-request{align-self:flex-end;max-width:90%;background:var(--cg-request-bg);border:var(--jp-border-width) solid color-mix(in srgb,var(--jp-brand-color1) 35%,var(--jp-layout-color1))}
.cg-panel-reply{background:var(--jp-layout-color1);border:var(--jp-border-width) solid var(--jp-border-color2)}
.cg-panel-explanation{margin-bottom:4px}
.cg-panel-status{display:flex;flex-wrap:wrap;gap:2px 8px;font-size:var(--jp-ui-font-size0);color:var(--cg-muted);white-space:normal}
.cg-panel-status>span{overflow-wrap:anywhere;min-width:0}
.cg-panel-status[data-phase="streaming"] .cg-panel-phase,.cg-panel-status[data-phase="connecting"] .cg-panel-phase,.cg-panel-status[data-phase="sending"] .cg-panel-phase{color:var(--cg-accent-text);font-weight:600}
.cg-panel-status[data-phase="queued"] .cg-panel-phase{color:var(--cg-warn-text);font-weight:600}
.cg-panel-status[data-phase="error"] .cg-panel-phase{color:var(--cg-error-text);font-weight:600}
.cg-panel-error{margin-top:6px;padding:4px 6px;border-left:3px solid var(--jp-error-color1);background:var(--cg-error-bg);color:var(--cg-text);display:flex;flex-direction:column;align-items:flex-start;gap:4px}
.cg-panel-error-text{overflow-wrap:anywhere}
.cg-panel-small-button.jp-Button{height:24px;min-width:0;padding:0 8px;font-size:var(--jp-ui-font-size0);white-space:nowrap}
.cg-panel-findings{list-style:none;margin:6px 0 0;padding:0;display:flex;flex-direction:column;gap:4px;white-space:normal}
.cg-panel-finding{padding:4px 6px;border-left:3px solid var(--jp-error-color1);background:var(--cg-error-bg);border-radius:2px}
.cg-panel-finding-head{display:flex;flex-wrap:wrap;gap:2px 8px;align-items:baseline}
.cg-panel-finding-rule{font-weight:600;color:var(--cg-error-text)}
.cg-panel-finding-where{font-family:var(--jp-code-font-family);font-size:var(--jp-ui-font-size0);color:var(--cg-text)}
.cg-panel-finding-snippet{display:block;margin-top:2px;padding:2px 4px;font-family:var(--jp-code-font-family);font-size:var(--jp-code-font-size);background:var(--jp-layout-color1);color:var(--cg-text);white-space:pre-wrap;overflow-wrap:anywhere}
.cg-panel-fix-bar{flex:none;display:flex;flex-wrap:wrap;gap:6px 8px;align-items:center;margin:0 12px 6px;padding:6px 8px;border-left:3px solid var(--jp-error-color1);background:var(--cg-error-bg);color:var(--cg-text)}
.cg-panel-fix-text{flex:1 1 140px;min-width:0}
.cg-panel-fix-title{font-weight:600;color:var(--cg-error-text)}
.cg-panel-fix-detail{font-size:var(--jp-ui-font-size0);color:var(--cg-text);overflow-wrap:anywhere;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden}
.cg-panel-reported-label{font-style:italic}
.cg-panel-reported-text{font-family:var(--jp-code-font-family)}
.cg-panel-code-tail{margin:4px 0;max-height:120px;overflow:auto;padding:4px 6px;font-family:var(--jp-code-font-family);font-size:var(--jp-code-font-size);background:var(--jp-cell-editor-background);color:var(--jp-content-font-color1,var(--cg-text));border:var(--jp-border-width) solid var(--jp-border-color2);border-radius:3px;white-space:pre}
.cg-panel-chat{flex:none;padding:8px 12px;border-top:var(--jp-border-width) solid var(--jp-border-color2);display:flex;flex-direction:column;gap:6px;position:relative}
.cg-panel-input{width:100%;resize:vertical;min-height:52px;font-family:var(--jp-ui-font-family);font-size:var(--jp-ui-font-size1);padding:6px;background:var(--jp-input-background,var(--jp-layout-color1));color:var(--cg-text);border:var(--jp-border-width) solid var(--jp-border-color1);border-radius:3px}
.cg-panel-input::placeholder{color:var(--cg-muted);opacity:1}
.cg-panel-input:focus{outline:none;border-color:var(--jp-brand-color1)}
.cg-panel-chat-bar{display:flex;gap:6px;align-items:center;justify-content:flex-end}
.cg-panel-chat-hint{flex:1;min-width:0;font-size:var(--jp-ui-font-size0);color:var(--cg-muted)}
.cg-panel-picker{display:flex;flex-direction:column;gap:4px;min-width:0}
.cg-panel-model{display:flex;align-items:baseline;gap:6px;width:100%;min-height:26px;padding:3px 8px;font:inherit;text-align:left;cursor:pointer;color:var(--cg-text);background:var(--jp-input-background,var(--jp-layout-color1));border:var(--jp-border-width) solid var(--jp-border-color1);border-radius:3px}
.cg-panel-model:hover{border-color:var(--jp-brand-color1)}
.cg-panel-model:focus-visible{outline:1px solid var(--jp-brand-color1);outline-offset:1px}
.cg-panel-model-label{flex:none;font-size:var(--jp-ui-font-size0);color:var(--cg-muted)}
.cg-panel-model-name{flex:1;min-width:0;font-family:var(--jp-code-font-family);font-size:var(--jp-code-font-size);overflow-wrap:anywhere}
.cg-panel-model[data-picked="true"] .cg-panel-model-name{font-weight:600}
.cg-panel-model-part{display:inline-block;max-width:100%;overflow-wrap:anywhere}
.cg-panel-model-caret{flex:none;color:var(--cg-muted)}
.cg-panel-model-problem{padding:4px 6px;border-left:3px solid var(--jp-warn-color1);background:var(--cg-warn-bg);color:var(--cg-text);font-size:var(--jp-ui-font-size0);overflow-wrap:anywhere}
.cg-panel-picker-popup{position:absolute;left:8px;right:8px;bottom:calc(100% - 4px);z-index:10;display:flex;flex-direction:column;max-height:min(60vh,420px);background:var(--jp-layout-color1);color:var(--cg-text);border:var(--jp-border-width) solid var(--jp-border-color1);border-radius:4px;box-shadow:var(--jp-elevation-z4)}
.cg-panel-picker-title{flex:none;padding:6px 8px 4px;font-size:var(--jp-ui-font-size0);font-weight:600;color:var(--cg-muted);border-bottom:var(--jp-border-width) solid var(--jp-border-color2)}
.cg-panel-model-options{list-style:none;margin:0;padding:4px 0;overflow:auto;flex:1 1 auto;min-height:0;outline:none}
.cg-panel-model-loading{padding:5px 8px;color:var(--cg-muted)}
.cg-panel-model-option{display:flex;flex-direction:column;gap:1px;padding:5px 8px 5px 6px;cursor:pointer;border-left:3px solid transparent}
.cg-panel-model-option[data-active="true"]{background:var(--cg-hover-bg)}
.cg-panel-model-options:focus-visible .cg-panel-model-option[data-active="true"]{outline:1px solid var(--jp-brand-color1);outline-offset:-1px}
.cg-panel-model-option[aria-selected="true"]{border-left-color:var(--jp-brand-color1);background:var(--cg-selected-bg)}
.cg-panel-model-option-name{font-family:var(--jp-code-font-family);font-size:var(--jp-code-font-size);overflow-wrap:anywhere}
.cg-panel-model-option[aria-selected="true"] .cg-panel-model-option-name{font-weight:600}
.cg-panel-model-option-tags{font-size:var(--jp-ui-font-size0);color:var(--cg-muted);overflow-wrap:anywhere}
.cg-panel-model-option-problem{font-size:var(--jp-ui-font-size0);color:var(--cg-warn-text);font-weight:600;overflow-wrap:anywhere}
.cg-panel-model-other{flex:none;display:flex;flex-direction:column;gap:3px;padding:6px 8px 8px;border-top:var(--jp-border-width) solid var(--jp-border-color2)}
.cg-panel-model-other-label{font-size:var(--jp-ui-font-size0);color:var(--cg-muted)}
.cg-panel-model-other-row{display:flex;gap:6px;min-width:0}
.cg-panel-model-other-input{flex:1;min-width:0;height:24px;padding:0 6px;font-family:var(--jp-code-font-family);font-size:var(--jp-code-font-size);background:var(--jp-input-background,var(--jp-layout-color1));color:var(--cg-text);border:var(--jp-border-width) solid var(--jp-border-color1);border-radius:3px}
.cg-panel-model-other-input::placeholder{color:var(--cg-muted);opacity:1}
.cg-panel-model-other-problem{font-size:var(--jp-ui-font-size0);color:var(--cg-error-text)}
.cg-panel-versions{flex:1;min-height:0;overflow:auto;padding:8px 12px;display:flex;flex-direction:column;gap:8px}
.cg-panel-opened-wide{display:flex;gap:6px;align-items:flex-start;padding:6px 8px;border-left:3px solid var(--jp-brand-color1);background:var(--cg-selected-bg);color:var(--cg-text);font-size:var(--jp-ui-font-size0)}
.cg-panel-opened-wide span{flex:1;min-width:0}
.cg-panel-version-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}
.cg-panel-version{padding:6px 8px;border:var(--jp-border-width) solid var(--jp-border-color2);border-radius:4px;min-width:0}
.cg-panel-version[data-current="true"]{border-color:var(--jp-brand-color1);box-shadow:inset 3px 0 0 var(--jp-brand-color1)}
.cg-panel-version-head{display:flex;align-items:center;flex-wrap:wrap;gap:2px 6px}
.cg-panel-version-author{margin-top:3px;font-weight:600;overflow-wrap:anywhere}
.cg-panel-current{font-size:var(--jp-ui-font-size0);font-weight:600;color:var(--cg-accent-text)}
.cg-panel-version-when{margin-left:auto;font-size:var(--jp-ui-font-size0);color:var(--cg-muted);white-space:nowrap}
.cg-panel-version-prompt{margin-top:2px;overflow-wrap:anywhere;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden}
.cg-panel-row-actions{display:flex;flex-wrap:wrap;gap:6px;margin-top:4px;justify-content:flex-end}
.cg-panel-row-actions .jp-Button{height:24px;min-width:0;padding:0 8px;font-size:var(--jp-ui-font-size0);white-space:nowrap}
.cg-panel-editor{margin-top:6px;display:flex;flex-direction:column;gap:4px}
.cg-panel-editor-bar{position:sticky;top:-8px;z-index:2;margin-top:0;padding:4px 0;align-items:center;background:var(--jp-layout-color1)}
.cg-panel-editor-title{flex:1 1 100%;font-size:var(--jp-ui-font-size0);color:var(--cg-muted)}
.cg-panel-editor-host{max-height:55vh}
.cg-panel-compare-bar{display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px;margin-bottom:4px}
.cg-panel-compare-bar select{flex:none;width:auto;min-width:64px;height:24px}
.cg-panel-compare-bar .jp-Button{height:24px;min-width:0;padding:0 8px;font-size:var(--jp-ui-font-size0);white-space:nowrap}
.cg-panel-diff-heads{display:flex;font-size:var(--jp-ui-font-size0);color:var(--cg-muted)}
.cg-panel-diff-heads span{flex:1;padding:0 4px;min-width:0}
.cg-panel-diff,.cg-panel-editor-host{border:var(--jp-border-width) solid var(--jp-border-color2);border-radius:3px;overflow:auto;max-height:60vh;background:var(--jp-cell-editor-background)}
.cg-panel-diff .cm-mergeView,.cg-panel-diff-widget .cm-mergeView{font-size:var(--jp-code-font-size)}
.cg-panel-diff .cm-collapsedLines,.cg-panel-diff-widget .cm-collapsedLines{background:var(--jp-layout-color2);color:var(--cg-text);border-block:var(--jp-border-width) solid var(--jp-border-color2)}
/* The merge view's fold marks use U+299A, which common UI fonts lack (it draws as a box); U+2195 is everywhere. */
.cg-panel-diff .cm-collapsedLines.cm-collapsedLines::before,.cg-panel-diff .cm-collapsedLines.cm-collapsedLines::after,.cg-panel-diff-widget .cm-collapsedLines.cm-collapsedLines::before,.cg-panel-diff-widget .cm-collapsedLines.cm-collapsedLines::after{content:"\\2195"}
.cg-panel-diff-widget{overflow:auto;padding:8px;background:var(--jp-layout-color1);color:var(--cg-text)}
.cg-panel-diff-widget .cg-panel-diff-heads{padding-bottom:4px;color:var(--cg-text)}
.cg-panel-diff-widget .cg-panel-diff-heads span{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.cg-panel-diff-dialog .jp-Dialog-content{width:min(1400px,94vw);max-width:none;height:88vh;max-height:none}
.cg-panel-diff-dialog .jp-Dialog-body{flex:1;min-height:0;display:flex;flex-direction:column}
.cg-panel-diff-dialog .cg-panel-diff-widget{flex:1;min-height:0;padding:0}
`;

const STYLE_ID = "jupyter-componentgen-panel-styles";

export function ensurePanelStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.appendChild(style);
}
