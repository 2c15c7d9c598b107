"""Fixtures shared by every test folder: the scripted LLM provider and an environment pointing at it."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import Any

import pytest

from tests.provider import ScriptedProvider


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    """Playwright's browser: Debian's Chromium (Playwright's own download is not used)."""
    from tests.e2e.servers import chromium_launch_args

    try:
        return chromium_launch_args()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture
def provider() -> Iterator[ScriptedProvider]:
    """A running scripted provider on 127.0.0.1 (Anthropic and OpenAI streaming APIs)."""
    with ScriptedProvider() as server:
        yield server


@pytest.fixture
def llm_env(provider: ScriptedProvider, monkeypatch: pytest.MonkeyPatch) -> ScriptedProvider:
    """Provider keys and base URLs in the environment, all pointing at ``provider``."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", "test-anthropic-key")
    monkeypatch.setenv("ANTHROPIC_BASE_URL", provider.url)
    monkeypatch.delenv("ANTHROPIC_AUTH_TOKEN", raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", "test-openai-key")
    monkeypatch.setenv("OPENAI_BASE_URL", provider.url + "/v1")
    monkeypatch.delenv("OPENAI_API_BASE", raising=False)
    monkeypatch.setenv("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    return provider


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests that use Playwright's browser fixtures last.

    Playwright's sync API keeps an event loop running in the main thread from the first test that starts
    its session-scoped ``playwright`` fixture to the end of the run; an asyncio test (or ``asyncio.run``)
    after that point fails with "cannot be called from a running event loop".
    """
    items.sort(key=lambda item: "playwright" in getattr(item, "fixturenames", ()))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, Any]:
    """Keep each phase's report on the test item, so fixtures can save evidence when the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report
