"""The server fixtures of tests/server, with short timeouts and an optional fallback model."""

from __future__ import annotations

from typing import Any

import pytest

from tests.server.conftest import *  # noqa: F403  (the server, socket and REST fixtures)

from .cases import FIRST_TOKEN_TIMEOUT, IDLE_TIMEOUT

SERVER_MODEL = "anthropic/claude-test-model"
SERVER_FALLBACK = "anthropic/claude-test-fallback"


@pytest.fixture(params=[False, True], ids=["alone", "fallback"])
def with_fallback(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


@pytest.fixture
def jp_server_config(with_fallback: bool) -> dict[str, Any]:
    return {
        "ServerApp": {"jpserver_extensions": {"jupyter_componentgen": True}},
        "ComponentGen": {
            "model": SERVER_MODEL,
            "edit_model": "",
            "fallback_models": [SERVER_FALLBACK] if with_fallback else [],
            "first_token_timeout": FIRST_TOKEN_TIMEOUT,
            "idle_timeout": IDLE_TIMEOUT,
            "total_timeout": 20.0,
            "max_retries": 0,
        },
    }
