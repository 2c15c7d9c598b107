"""JupyterLab for the browser security tests: the escape corpus answered by the scripted provider, a loopback
listener the hostile code aims at, and probes of the notebook page and of each component's iframe."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from playwright.sync_api import Frame

from tests.e2e.lab import LabPage, Widget, hook
from tests.e2e.servers import RECORDINGS_DIR, LabServer, ProviderControl, ProviderProcess

from .listener import Listener

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("*.jsx"))
# Component names carry a prefix so no case's name is part of another's (the provider picks its answer by the
# longest recording name found in the prompt: "cookie_read" is inside "parent_cookie_read", not inside
# "hostile_parent_cookie_read").
PREFIX = "hostile_"
FUZZ_RECORDING = "emit_button"

LAB_ENV = {
    # Every case is generated at once in a few cells: no per-minute or concurrency limit gets in the way.
    "COMPONENTGEN_GENERATIONS_PER_MINUTE": "0",
    "COMPONENTGEN_MAX_CONCURRENT_GENERATIONS": "0",
    # A hostile component that throws would otherwise ask the model for a fix, doubling the run's work.
    "COMPONENTGEN_AUTO_FIX": "0",
}


def component_name(case: Path) -> str:
    return PREFIX + case.stem


def write_recordings(folder: Path, listener: Listener) -> None:
    """One provider answer per corpus case (aimed at ``listener``), plus the fuzz test's component."""
    folder.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        name = component_name(case)
        code = listener.fill(case.read_text(encoding="utf-8"))
        (folder / f"{name}.txt").write_text(
            f"Here is {name}.\n\n/// START {name}\n{code.rstrip()}\n/// END {name}\n", encoding="utf-8"
        )
    shutil.copy(RECORDINGS_DIR / f"{FUZZ_RECORDING}.txt", folder / f"{FUZZ_RECORDING}.txt")


class SecurityLab:
    """The loopback listener, the scripted provider answering from the corpus, and an isolated JupyterLab."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.listener = Listener()
        self.provider = ProviderProcess(workdir, recordings=workdir / "recordings")
        self.server: LabServer | None = None

    def start(self) -> None:
        self.listener.start()
        write_recordings(self.workdir / "recordings", self.listener)
        control = self.provider.start()
        control.reset()
        self.control: ProviderControl = control
        self.server = LabServer(self.workdir / "lab", self.provider.url, extra_env=LAB_ENV)
        self.server.start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
        self.provider.stop()
        self.listener.stop()


def cell_widgets(lab: LabPage, index: int, count: int, timeout: float = 60.0) -> list[Widget]:
    """The ``count`` ComponentWidget views cell ``index`` displayed, in display order."""
    outputs = lab.cell(index).locator(".jp-OutputArea-output").filter(has=lab.page.locator(hook("cg-status")))
    outputs.nth(count - 1).wait_for(state="attached", timeout=timeout * 1000)
    return [Widget(outputs.nth(position)) for position in range(count)]


def clear_outputs(lab: LabPage, index: int) -> None:
    """Drop cell ``index``'s outputs: their views and iframes leave the page."""
    lab.page.evaluate(
        "([path, index]) => window.__cgLab.cell(path, index).model.outputs.clear()", [lab.path, index]
    )


def widget_frames(widget: Widget, timeout: float = 30.0) -> tuple[Frame, Frame]:
    """The preview's relay frame and the component's own frame inside it."""
    relay = widget.iframe.element_handle(timeout=timeout * 1000).content_frame()
    assert relay is not None, "the preview's iframe has no document"
    component = relay.locator("iframe").element_handle(timeout=timeout * 1000).content_frame()
    assert component is not None, "the component's iframe has no document"
    return relay, component


# Marks the notebook page: things a contained component cannot touch, checked after it ran.
MARK_PARENT_JS = """
() => {
  document.cookie = 'cgsecret=parent; path=/';
  localStorage.setItem('cgsecret', 'parent');
  sessionStorage.setItem('cgsecret', 'parent');
  if (!document.getElementById('cg-parent-marker')) {
    const marker = document.createElement('div');
    marker.id = 'cg-parent-marker';
    marker.hidden = true;
    marker.textContent = 'parent';
    document.body.appendChild(marker);
  }
  window.jupyterapp.__cgSentinel = 'parent';
}
"""

# The notebook page as hostile code would leave it. Text nodes that show code or findings are skipped: the
# widget's code panel and error box quote the hostile source, "PWNED" included.
PARENT_STATE_JS = """
() => {
  const quoted = (node) => node.parentElement?.closest('.cg-code, .cg-error, .jp-InputArea, .cg-explanation');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const pwned = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue.includes('PWNED') && !quoted(node)) pwned.push(node.parentElement.tagName);
  }
  return {
    url: location.href,
    title: document.title,
    cookie: document.cookie,
    local: JSON.stringify(Object.entries(localStorage).filter(([k]) => k === 'cgsecret' || k === 'pwned')),
    session: JSON.stringify(Object.entries(sessionStorage).filter(([k]) => k === 'cgsecret' || k === 'pwned')),
    marker: document.getElementById('cg-parent-marker')?.textContent ?? null,
    sentinel: window.jupyterapp?.__cgSentinel ?? null,
    app: typeof window.jupyterapp?.commands?.execute,
    pwned: pwned.join(','),
  };
}
"""


def parent_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What changed on the notebook page between two PARENT_STATE_JS readings."""
    problems = [
        f"the page's {key} changed from {before[key]!r} to {after[key]!r}"
        for key in ("url", "cookie", "local", "session", "marker", "sentinel", "app", "pwned")
        if before[key] != after[key]
    ]
    if "PWNED" in str(after["title"]):
        problems.append(f"the page's title changed to {after['title']!r}")
    return problems


# Run inside a component's iframe after its code ran: what that window can reach of its parent.
FRAME_PROBE_JS = """
() => {
  const reach = (get) => {
    try {
      const value = get();
      return value === null || value === undefined ? String(value) : typeof value;
    } catch (error) {
      return 'refused';
    }
  };
  return {
    url: location.href,
    origin: self.origin,
    parentDocument: reach(() => parent.document),
    parentApp: reach(() => parent.jupyterapp),
    topDocument: reach(() => top.document),
    frameElement: reach(() => window.frameElement),
    opener: reach(() => window.opener),
    cookie: reach(() => document.cookie),
    // The browser's own storage (the window's localStorage is an in-memory stand-in the runtime provides).
    browserStorage: reach(() => Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage').get.call(window)),
    hostile: document.querySelector('[data-testid="hostile"]') !== null,
  };
}
"""

# A contained frame: opaque origin, its own srcdoc document, no way to the page or to storage.
CONTAINED_FRAME = {
    "url": "about:srcdoc",
    "origin": "null",
    "parentDocument": "refused",
    "parentApp": "refused",
    "topDocument": "refused",
    "frameElement": "null",
    "opener": "null",
    "cookie": "refused",
    "browserStorage": "refused",
}


def frame_escapes(probe: dict[str, Any]) -> list[str]:
    return [
        f"its frame's {key} is {probe.get(key)!r}, expected {value!r}"
        for key, value in CONTAINED_FRAME.items()
        if probe.get(key) != value
    ]
