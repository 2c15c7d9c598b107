"""Hostile messages for the frame -> page fuzz test: hypothesis strategies, and the scripts that post them
from inside the component's frame, a neighbouring widget's frame, frames an attacker made, and the page.

Messages are JSON built in Python; ``{"$js": kind}`` objects stand for values JSON cannot carry (BigInt, a
cyclic object, a 2 MB string, a function that cannot be cloned...), which the posting script makes."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

# Who posts: the fuzzed widget's component frame, the other widget's component frame, a frame made in the
# notebook page, and the notebook page itself. (A component cannot make a frame inside its own: the runtime's
# lockdown refuses it, and the bench checks that it does.)
SENDERS = ("target", "neighbour", "page_stranger", "page")
# Where each sender can post to: "parent" (for a component, its preview's relay frame, the way to its
# host), "top" (the notebook page, bypassing the relay) or "self".
DESTINATIONS: dict[str, tuple[str, ...]] = {
    "target": ("parent", "parent", "top"),
    "neighbour": ("parent", "top"),
    "page_stranger": ("parent",),
    "page": ("self",),
}
EMIT_LIMIT_BYTES = 64 * 1024
EMIT_BURST = 30
EMIT_PER_SECOND = 30

_leaf = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats()
    | st.text(max_size=40)
)
json_value = st.recursive(
    _leaf,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
special_value = st.one_of(
    st.sampled_from(
        [
            "bigint",
            "date",
            "map",
            "set",
            "regexp",
            "cyclic",
            "buffer",
            "undefined",
            "error",
            "function",
            "nan",
        ]
    ).map(lambda kind: {"$js": kind}),
    st.sampled_from([65_000, 70_000, 300_000, 2_000_000]).map(lambda size: {"$js": "string", "size": size}),
    st.sampled_from([50, 2_000, 20_000]).map(lambda size: {"$js": "deep", "size": size}),
)
value = st.one_of(json_value, json_value, special_value)


def _shaped(sender: str) -> st.SearchStrategy[dict[str, Any]]:
    """Messages of every shape in schema/frame.schema.json, valid before any mutation."""
    number = st.floats(min_value=0, max_value=1e6) | st.integers(min_value=0, max_value=10**6)
    return st.one_of(
        st.fixed_dictionaries({"type": st.just("ready"), "stage": st.sampled_from(["bootstrap", "runtime"])}),
        st.fixed_dictionaries(
            {
                "type": st.just("rendered"),
                "id": st.integers(min_value=0, max_value=40),
                "partial": st.booleans(),
                "applied": st.booleans(),
            },
            optional={"compile_ms": number, "render_ms": number, "painted_at": number},
        ),
        st.fixed_dictionaries(
            {
                "type": st.just("error"),
                "phase": st.sampled_from(["compile", "runtime", "import"]),
                "message": st.text(max_size=80),
            },
            optional={
                "id": st.integers(min_value=0, max_value=40),
                "stack": st.text(max_size=80),
                "line": st.integers(min_value=1, max_value=10**6),
                "column": st.integers(min_value=0, max_value=10**6),
            },
        ),
        st.fixed_dictionaries({"type": st.just("resize"), "height": number}),
        # Emit names say who sent them, so the kernel's side can tell where each one came from.
        st.fixed_dictionaries(
            {
                "type": st.just("emit"),
                "name": st.text(min_size=1, max_size=60).map(lambda n: f"{sender}:{n}"),
            },
            optional={"payload": value},
        ),
        # Shapes that travel the other way (page -> frame), sent upwards.
        st.fixed_dictionaries({"type": st.just("load_runtime"), "source": st.text(min_size=1, max_size=40)}),
        st.fixed_dictionaries(
            {
                "type": st.just("render"),
                "id": st.integers(min_value=0, max_value=40),
                "code": st.text(max_size=40),
                "props": st.dictionaries(st.text(max_size=5), json_value, max_size=3),
                "partial": st.booleans(),
            }
        ),
        st.fixed_dictionaries(
            {"type": st.just("props"), "props": st.dictionaries(st.text(max_size=5), value)}
        ),
    )


@st.composite
def _mutated(draw: st.DrawFn, sender: str) -> dict[str, Any]:
    message = dict(draw(_shaped(sender)))
    how = draw(st.sampled_from(["none", "none", "drop", "set", "add", "retype"]))
    keys = sorted(message)
    if how == "drop":
        message.pop(draw(st.sampled_from(keys)))
    elif how == "set":
        message[draw(st.sampled_from(keys))] = draw(value)
    elif how == "add":
        # e.g. a message claiming to speak for another widget's frame
        extra = draw(
            st.sampled_from(["frame", "widget", "source", "version", "origin"]) | st.text(max_size=8)
        )
        message[extra] = draw(st.sampled_from(["fuzz_neighbour", "fuzz_target"]) | value)
    elif how == "retype":
        message["type"] = draw(value | st.sampled_from(["emit ", "EMIT", "ready", "resize"]))
    return message


def message(sender: str) -> st.SearchStrategy[Any]:
    return st.one_of(_mutated(sender), _mutated(sender), json_value, special_value)


def _huge(message: Any) -> bool:
    text = json.dumps(message, default=str)
    return '"$js": "string"' in text or '"$js": "deep"' in text


@st.composite
def post(draw: st.DrawFn) -> dict[str, Any]:
    """One message from one sender to one window, sent ``repeat`` times (a flood when large)."""
    sender = draw(st.sampled_from(SENDERS))
    body = draw(message(sender))
    repeat = draw(st.integers(min_value=1, max_value=3) | st.sampled_from([50, 200]))
    return {
        "sender": sender,
        "to": draw(st.sampled_from(DESTINATIONS[sender])),
        "message": body,
        "repeat": 1 if _huge(body) else repeat,
    }


batches = st.lists(post(), min_size=1, max_size=8)


# Posts items ({to, message, repeat}) from the window it runs in; returns how many posts went out and how
# many the browser refused (e.g. a function cannot be cloned).
POST_JS = """
(items) => {
  const special = (spec) => {
    switch (spec.$js) {
      case 'string': return 'x'.repeat(spec.size);
      case 'deep': { let v = []; for (let i = 0; i < spec.size; i++) v = [v]; return v; }
      case 'bigint': return 10n ** 30n;
      case 'date': return new Date(0);
      case 'map': return new Map([['type', 'emit']]);
      case 'set': return new Set(['emit']);
      case 'regexp': return /emit/g;
      case 'cyclic': { const o = {type: 'emit', name: 'cyclic'}; o.payload = o; return o; }
      case 'buffer': return new ArrayBuffer(16);
      case 'error': return new Error('emit');
      case 'function': return () => 'emit';
      case 'nan': return NaN;
      default: return undefined;
    }
  };
  const build = (v) => {
    if (Array.isArray(v)) return v.map(build);
    if (v && typeof v === 'object') {
      if (typeof v.$js === 'string') return special(v);
      const out = {};
      for (const [key, item] of Object.entries(v)) out[key] = build(item);
      return out;
    }
    return v;
  };
  const windows = {parent: () => parent, top: () => top, self: () => window};
  let posted = 0;
  let refused = 0;
  for (const item of items) {
    const data = build(item.message);
    const target = windows[item.to]();
    for (let i = 0; i < item.repeat; i++) {
      try {
        target.postMessage(data, '*');
        posted++;
      } catch (error) {
        refused++;
      }
    }
  }
  return {posted, refused};
}
"""

# Counts, in the notebook page, the messages that reach it by who sent them (the previews' relay frames
# are marked with data-cg-role by the test).
COUNT_SOURCES_JS = """
() => {
  if (window.__cgSources) return;
  const counts = {};
  window.__cgSources = counts;
  const sourceOf = (source) => {
    if (source === window) return 'page';
    for (const iframe of document.querySelectorAll('iframe')) {
      const win = iframe.contentWindow;
      if (!win) continue;
      const role = iframe.dataset.cgRole || iframe.name || 'other';
      if (source === win) return role;
      if (win.frames.length > 0 && source === win.frames[0]) return role + ':component';
    }
    return 'unknown';
  };
  window.addEventListener('message', (event) => {
    const key = sourceOf(event.source);
    counts[key] = (counts[key] || 0) + 1;
  }, true);
}
"""

# Makes a frame named ``name`` inside the document it runs in (a srcdoc frame: about:srcdoc is not subject
# to the component frame's frame-src), and waits until it loaded.
MAKE_FRAME_JS = """
(name) => new Promise((resolve) => {
  const frame = document.createElement('iframe');
  frame.name = name;
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.srcdoc = '<!DOCTYPE html><title>' + name + '</title><p>' + name + '</p>';
  frame.style.cssText = 'width:10px;height:10px;border:0';
  frame.addEventListener('load', () => resolve(true), {once: true});
  document.body.appendChild(frame);
})
"""

# Counts, inside a component's frame, the load_runtime messages its relay frame passes it.
COUNT_RUNTIME_LOADS_JS = """
() => {
  if (window.__cgRuntimeLoads !== undefined) return window.__cgRuntimeLoads;
  window.__cgRuntimeLoads = 0;
  window.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'load_runtime') window.__cgRuntimeLoads++;
  });
  return 0;
}
"""
