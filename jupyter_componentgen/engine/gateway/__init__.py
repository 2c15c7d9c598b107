"""The model gateway: one streaming interface over every provider, with timeouts, retries, fallbacks and cancel.

- ``client.py``: ``Gateway``, what the engine calls (attempts, backoff, fallback models, cancel);
- ``backend.py``: the interface of one provider's client; ``anthropic_backend.py`` (Claude, with prompt
  caching) and ``litellm_backend.py`` (every other model) implement it; a new provider goes there;
- ``types.py``: the request and the stream items; ``errors.py``: provider failures as ``GenerationError``
  with advice the person can act on; ``pricing.py``: cost of a call; ``redaction.py``: no key in a message.

Importing this package does not import litellm or anthropic: a backend loads its client on first use.
"""

from __future__ import annotations

from .client import FallingBack, Gateway, KeyStatus, key_status, warm_up

__all__ = ["FallingBack", "Gateway", "KeyStatus", "key_status", "warm_up"]
