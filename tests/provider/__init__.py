"""A scripted LLM provider over real HTTP, speaking the Anthropic and OpenAI streaming APIs."""

from .recorded import RecordedRequest
from .recordings import BROKEN_COMPONENT_ERROR_LINE, RecordingResponder, pascal_case, recording
from .script import Fault, Script, tokenize
from .server import ScriptedProvider

__all__ = [
    "BROKEN_COMPONENT_ERROR_LINE",
    "Fault",
    "RecordedRequest",
    "RecordingResponder",
    "Script",
    "ScriptedProvider",
    "pascal_case",
    "recording",
    "tokenize",
]
