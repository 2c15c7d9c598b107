"""A component as one self-contained HTML file that renders offline in any browser.

The page carries the component's code, its props, the iframe runtime and the library modules the component
imports (and nothing more) as JSON, plus the standalone host script, which builds the same sandboxed iframe
(opaque origin, no-network CSP) that the notebook widget uses and serves the frame those modules.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from typing import Any

from jupyter_componentgen.engine.runtime_modules import module_ids_for_code, module_source
from jupyter_componentgen.resources import static_asset

CONFIG_ELEMENT_ID = "componentgen-config"

# The outer page runs only its own inline scripts and frames the sandboxed component. A srcdoc iframe
# inherits this policy on top of its own (checked in Chromium), so beyond the bare minimum it allows what
# the frame's own policy allows the component: data:/blob: images, fonts and media (e.g. a chart exported
# to a blob: image). Network access stays closed at both levels. No base-uri: the frames inherit it, and the
# relay frame sets a neutral base of its own (see js/src/host/srcdoc.ts); this page's static markup has no <base>.
PAGE_CSP = "; ".join(
    (
        "default-src 'none'",
        "script-src 'unsafe-inline'",
        "style-src 'unsafe-inline'",
        "frame-src 'self' about:",
        "img-src data: blob:",
        "font-src data: blob:",
        "media-src data: blob:",
        "connect-src 'none'",
        "form-action 'none'",
    )
)

# Inside <script>, the HTML parser ends the element at "</script" and treats "<!--" specially, whatever
# the script's type; these escapes mean the same to JSON and JavaScript but not to the HTML parser.
_SCRIPT_CLOSE = re.compile(r"</(?=script)", re.IGNORECASE)


def _json_for_script(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # In JSON, "<" can only occur inside strings, where "\/" and "\u003c" are valid escapes.
    text = text.replace("</", "<\\/").replace("<!--", "\\u003c!--")
    # Line and paragraph separators end a line in older JavaScript parsers.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _javascript_for_script(source: str) -> str:
    # "<\/script" is the same string or regular expression in JavaScript; the bundles never use "</script"
    # as code outside those. "<!--" becomes "<\x21--" for the same reason.
    return _SCRIPT_CLOSE.sub("<\\/", source).replace("<!--", "<\\x21--")


def standalone_html(name: str, code: str, props: dict[str, Any], repairs: Sequence[str] = ()) -> str:
    """An HTML page rendering component ``name`` from ``code`` with ``props``, offline and sandboxed.

    ``repairs`` says what the deterministic repairs changed in ``code`` (listed in the page's config).
    """
    modules = {module_id: module_source(module_id) for module_id in module_ids_for_code(code)}
    config = {
        "name": name,
        "code": code,
        "props": props,
        "repairs": list(repairs),
        "runtime": static_asset("runtime.js"),
        "modules": modules,
    }
    host_script = _javascript_for_script(static_asset("standalone.js"))
    title = html.escape(name)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{PAGE_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="jupyter-componentgen">\n'
        f"<title>{title}</title>\n"
        "</head>\n"
        "<body>\n"
        f'<script id="{CONFIG_ELEMENT_ID}" type="application/json">{_json_for_script(config)}</script>\n'
        f"<script>{host_script}</script>\n"
        "</body>\n"
        "</html>\n"
    )
