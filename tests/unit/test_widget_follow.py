"""The kernel following changes made through the server: a view's ``external_update`` reloads the history."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from jupyter_componentgen.engine.usage import Usage
from jupyter_componentgen.kernel.api import Component
from jupyter_componentgen.kernel.widget import ComponentWidget
from jupyter_componentgen.resources import load_schema
from jupyter_componentgen.store import Store
from tests.provider import Script, ScriptedProvider, recording
from tests.unit.kernel_helpers import CommRecorder, from_view, kernel_side

FIRST = "export default function Card() { return <div>first</div>; }\n"
SERVER = "export default function Card() { return <div>from the panel</div>; }\n"


@pytest.fixture
def comms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CommRecorder]:
    with kernel_side(tmp_path, monkeypatch) as recorder:
        yield recorder


def server_store(component: Component) -> Store:
    """A second handle on the component's history, as the server extension opens it."""
    store = component._context.store
    return Store(store.db_path, store.notebook)


def save_as_server(component: Component, code: str, author: str = "llm") -> int:
    with server_store(component) as store:
        current = store.current(component.name)
        record = store.add_version(
            component.name,
            code=code,
            prompt="make the bars green",
            parent=current.number if current else None,
            model="anthropic/claude-sonnet-4-5" if author == "llm" else None,
            author=author,
            usage=Usage(input_tokens=10, output_tokens=20),
            latency_ms=5,
        )
        return record.number


def external_update(version: Any) -> dict[str, Any]:
    return {"type": "external_update", "version": version}


def test_the_message_is_part_of_the_widget_protocol() -> None:
    validator = jsonschema.Draft202012Validator(load_schema("widget"))
    validator.validate(external_update(3))
    for bad in (external_update(0), external_update("3"), {"type": "external_update"}):
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(bad)


def test_a_version_saved_by_the_server_becomes_the_kernels_code_and_version(comms: CommRecorder) -> None:
    card = Component("card", create=True)
    card.set_code(FIRST)
    assert card.version == 1
    number = save_as_server(card, SERVER)

    from_view(card, external_update(number))

    assert (card.version, card.code) == (2, SERVER)
    assert card.status["phase"] == "idle"
    # The views get the new state through the usual state update.
    assert any(state.get("version") == 2 and state.get("code") == SERVER for state in comms.updates(card))


def test_a_rollback_and_a_hand_edit_made_elsewhere_are_followed(comms: CommRecorder) -> None:
    card = Component("card", create=True)
    card.set_code(FIRST)
    save_as_server(card, SERVER)
    from_view(card, external_update(2))

    with server_store(card) as store:
        store.set_current("card", 1)
    from_view(card, external_update(1))
    assert (card.version, card.code) == (1, FIRST)

    hand = "export default function Card() { return <b>by hand</b>; }\n"
    number = save_as_server(card, hand, author="user")
    from_view(card, external_update(number))
    assert (card.version, card.code) == (3, hand)
    assert card.versions[-1].author == "user"


def test_the_history_wins_over_a_stale_version_number(comms: CommRecorder) -> None:
    """Two quick changes: the view names the first, the kernel shows the history's current one."""
    card = Component("card", create=True)
    card.set_code(FIRST)
    save_as_server(card, SERVER)
    newest = "export default function Card() { return <i>newest</i>; }\n"
    save_as_server(card, newest)

    from_view(card, external_update(2))

    assert (card.version, card.code) == (3, newest)


def test_an_echo_of_the_kernels_own_version_sends_nothing(comms: CommRecorder) -> None:
    card = Component("card", create=True)
    card.set_code(FIRST)
    before = len(comms.updates(card))

    from_view(card, external_update(1))
    for bad in (0, -1, "2", True, None):
        from_view(card, external_update(bad))

    assert len(comms.updates(card)) == before
    assert card.version == 1


def test_a_widget_without_a_history_ignores_the_message(comms: CommRecorder) -> None:
    widget = ComponentWidget("loose", code=FIRST, version=1)
    before = len(comms.updates(widget))

    from_view(widget, external_update(5))

    assert (widget.version, widget.code) == (1, FIRST)
    assert len(comms.updates(widget)) == before


def test_the_kernels_own_generation_is_not_interrupted(
    comms: CommRecorder, llm_env: ScriptedProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPONENTGEN_CACHE", "false")
    card = Component("card", create=True)
    card.set_code(FIRST)
    llm_env.enqueue(Script(recording("sales_card"), tokens_per_second=60))
    card.start("make it a sales card")
    comms.wait_for(lambda: any(m.data["content"]["type"] == "delta" for m in comms.custom(card)))
    number = save_as_server(card, SERVER)

    from_view(card, external_update(number))

    assert card.generating
    assert card.version == 1
    card.cancel()
    card.wait(timeout=10)
    assert card.version == 1
