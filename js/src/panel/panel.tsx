/** @jsxRuntime classic */
/**
 * The "Components" side panel: the active notebook's components, and for the selected one its
 * conversation with a chat box, or its versions with diff, restore and hand edits.
 */
import type { IEditorLanguageRegistry } from "@jupyterlab/codemirror";
import type { Extension } from "@codemirror/state";
import { ReactWidget } from "@jupyterlab/ui-components";
import type { Message } from "@lumino/messaging";
import * as React from "react";
import { ChatBox } from "./chat-box";
import { ComponentsList } from "./components-list";
import type { PanelController } from "./controller";
import { Conversation } from "./conversation";
import { componentLanguage } from "./editors";
import { FixBar } from "./fix-bar";
import type { VersionInfo } from "./rest";
import {
  fixOffer,
  generationOf,
  hasVersion,
  isActive,
  isCancellable,
  modelChoices,
  modelFor,
  routeText,
  type PanelState,
} from "./state";
import { ensurePanelStyles } from "./styles";
import { Versions } from "./versions";

type Tab = "chat" | "versions";

function runningPhases(state: PanelState): Record<string, string> {
  const running: Record<string, string> = {};
  for (const generation of Object.values(state.generations)) {
    if (isActive(generation)) {
      running[generation.component] = generation.sending ? "sending" : generation.following.phase;
    }
  }
  return running;
}

/** The route of each version this page saw a generation save, by version number. */
function routesOf(state: PanelState, component: string): Record<number, string> {
  const routes: Record<number, string> = {};
  for (const generation of Object.values(state.generations)) {
    const { version, route } = generation.following;
    if (generation.component === component && version !== null && routeText(route)) {
      routes[version] = routeText(route);
    }
  }
  return routes;
}

function useLanguage(languages: IEditorLanguageRegistry | null): Extension | null {
  const [language, setLanguage] = React.useState<Extension | null>(null);
  React.useEffect(() => {
    let live = true;
    void componentLanguage(languages).then((found) => live && setLanguage(found));
    return () => {
      live = false;
    };
  }, [languages]);
  return language;
}

function Header({ state }: { state: PanelState }): React.ReactElement {
  const name = state.notebook ? state.notebook.split("/").pop() : null;
  const connection =
    state.connection === "open" ? "live" : state.connection === "connecting" ? "connecting…" : "offline";
  return (
    <div className="cg-panel-header">
      <h2 className="cg-panel-title">Components</h2>
      {name ? (
        <span className="cg-panel-notebook" title={state.notebook ?? ""}>
          {name}
        </span>
      ) : null}
      <span className="cg-panel-connection" data-state={state.connection} data-testid="cg-panel-connection">
        {connection}
      </span>
    </div>
  );
}

/** Opens a diff of two versions in the main area, in the given language. */
export type OpenDiff = (left: VersionInfo, right: VersionInfo, language: Extension | null) => void;

function SelectedComponent(props: {
  controller: PanelController;
  state: PanelState;
  component: string;
  language: Extension | null;
  openDiff: OpenDiff;
}): React.ReactElement {
  const { controller, state, component, language, openDiff } = props;
  const [tab, setTab] = React.useState<Tab>("chat");
  const [pickerOpen, setPickerOpen] = React.useState(false);
  const generation = generationOf(state, component);
  const running = generation !== null && isActive(generation);
  const versions = state.versionsOf === component ? state.versions : [];
  const offer = fixOffer(state, component);
  const summary = state.components.find((c) => c.name === component);
  const made = summary ? hasVersion(summary) : versions.length > 0;
  const { model, picked } = modelFor(state, component);
  const tabButton = (id: Tab, label: string): React.ReactElement => (
    <button
      type="button"
      role="tab"
      aria-selected={tab === id}
      className="cg-panel-tab"
      data-testid={`cg-panel-tab-${id}`}
      onClick={() => setTab(id)}
    >
      {label}
    </button>
  );
  return (
    <div className="cg-panel-selected">
      <div className="cg-panel-tabs" role="tablist">
        {tabButton("chat", "Conversation")}
        {tabButton("versions", `Versions${versions.length ? ` (${versions.length})` : ""}`)}
      </div>
      {tab === "chat" ? (
        <>
          <Conversation
            versions={versions}
            generation={generation}
            routes={routesOf(state, component)}
            hasVersion={made}
            failure={summary?.last_failure ?? null}
            onChooseModel={() => setPickerOpen(true)}
          />
          {offer ? (
            <FixBar offer={offer} offline={state.connection !== "open"} onFix={() => void controller.fix()} />
          ) : null}
          <ChatBox
            component={component}
            hasVersion={made}
            running={running}
            cancellable={generation !== null && isCancellable(generation)}
            offline={state.connection !== "open"}
            choices={modelChoices(state, component)}
            model={model}
            picked={picked}
            anyModel={state.models?.any_model ?? false}
            pickerOpen={pickerOpen}
            onPickerOpen={setPickerOpen}
            onModel={(chosen) => controller.chooseModel(chosen)}
            onSend={(text) => controller.send(text)}
            onCancel={() => controller.cancel()}
          />
        </>
      ) : (
        <Versions
          versions={versions}
          current={state.versionsOf === component ? state.current : null}
          busy={running}
          language={language}
          onRollback={(version) => controller.rollback(version)}
          onSave={(code, parent) => controller.saveCode(code, parent)}
          onOpenDiff={(left, right) => openDiff(left, right, language)}
        />
      )}
    </div>
  );
}

function PanelView(props: {
  controller: PanelController;
  languages: IEditorLanguageRegistry | null;
  openDiff: OpenDiff;
}): React.ReactElement {
  const { controller, languages, openDiff } = props;
  const state = React.useSyncExternalStore(controller.subscribe, controller.getState);
  const language = useLanguage(languages);
  const selected = state.selected;
  return (
    <div className="cg-panel" data-testid="cg-panel">
      <Header state={state} />
      {state.notice ? (
        <div className="cg-panel-notice" role="alert" data-testid="cg-panel-notice">
          <span>{state.notice}</span>
          <button type="button" aria-label="Dismiss" onClick={() => controller.dismissNotice()}>
            ×
          </button>
        </div>
      ) : null}
      {!state.notebook ? (
        <p className="cg-panel-empty">Open a notebook to see its components.</p>
      ) : state.componentsLoaded && state.components.length === 0 ? (
        <p className="cg-panel-empty">
          No components in this notebook yet. Run a cell with <code>%%component NAME</code> and a description
          to make one.
        </p>
      ) : (
        <ComponentsList
          components={state.components}
          selected={selected}
          running={runningPhases(state)}
          onSelect={(name) => controller.select(name)}
        />
      )}
      {selected ? (
        <SelectedComponent
          key={`${state.notebook}:${selected}`}
          controller={controller}
          state={state}
          component={selected}
          language={language}
          openDiff={openDiff}
        />
      ) : null}
    </div>
  );
}

/** The panel as a Lumino widget for JupyterLab's left area. */
export class ComponentsPanel extends ReactWidget {
  constructor(
    private readonly controller: PanelController,
    private readonly languages: IEditorLanguageRegistry | null,
    private readonly openDiff: OpenDiff,
  ) {
    super();
    ensurePanelStyles(document);
    this.addClass("cg-panel-widget");
  }

  /** Shown again: what changed while it was hidden (e.g. a kernel's failed first generation) shows too. */
  protected onAfterShow(message: Message): void {
    super.onAfterShow(message);
    this.controller.refresh();
  }

  protected render(): React.ReactElement {
    return <PanelView controller={this.controller} languages={this.languages} openDiff={this.openDiff} />;
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.controller.dispose();
    super.dispose();
  }
}
