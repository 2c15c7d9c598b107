"""Side-panel edits tell the model about the component's data: the cell that made it passed a DataFrame-like
value, the kernel's engine kept its description in the history, and the server's edit prompt carries it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jupyter_componentgen.config import engine_settings, load_settings
from jupyter_componentgen.engine.data import describe_data
from jupyter_componentgen.engine.generation import Engine, GenerationRequest
from jupyter_componentgen.store import Store
from tests.provider import Script, ScriptedProvider, recording

from .conftest import MODEL, StreamFactory, finished

SALES = [
    {"region": "North", "quarter": "Q1", "revenue": 120},
    {"region": "South", "quarter": "Q1", "revenue": 95},
]
FAST = 3000.0


async def test_a_panel_edit_describes_the_data_the_cell_passed(
    server: Any, llm_env: ScriptedProvider, open_stream: StreamFactory, jp_root_dir: Path, notebook: str
) -> None:
    card = recording("sales_card")
    llm_env.enqueue(Script(card, tokens_per_second=FAST), Script(card, tokens_per_second=FAST))
    # The kernel's side: a %%component cell with --data, through the same engine the magic uses.
    kernel_store = Store.for_notebook(jp_root_dir / notebook)
    engine = Engine(engine_settings(load_settings(model=MODEL, max_retries=0)), kernel_store)
    made = await engine.run(
        GenerationRequest("sales_card", "a sales card", data=describe_data(SALES)), lambda event: None
    )
    kernel_store.close()
    assert made.status == "saved", made.error

    client = await open_stream()
    await client.send(
        {
            "type": "edit",
            "id": "e",
            "notebook": notebook,
            "component": "sales_card",
            "instruction": "show revenue per quarter too",
        }
    )
    messages = await client.until(finished)
    assert messages[-1]["event"]["phase"] == "done", messages[-1]

    prompt = llm_env.requests[-1].last_user_text()
    assert "revenue" in prompt
    assert "South" in prompt, "the sample rows the cell's prompt had"
    assert "no data" not in prompt.lower()
