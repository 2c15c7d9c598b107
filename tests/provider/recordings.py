"""Answer from recorded model outputs: the recording named in the prompt, else the first one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .recorded import last_user_text
from .script import Script

RECORDINGS_DIR = Path(__file__).parent / "recordings"
# broken_component.txt: the JSX syntax error is on this line of the code between its markers (1-based).
BROKEN_COMPONENT_ERROR_LINE = 10


def pascal_case(stem: str) -> str:
    """The component name a recording's markers use: "counter_button" -> "CounterButton"."""
    return "".join(word[:1].upper() + word[1:] for word in stem.split("_") if word)


class RecordingResponder:
    """Picks ``<stem>.txt`` when ``stem`` (or its PascalCase component name, as prompts spell it) appears in
    the request's last user message; the longest such stem wins; otherwise the first recording by name."""

    def __init__(self, directory: Path = RECORDINGS_DIR, tokens_per_second: float = 60.0) -> None:
        self.recordings = {
            path.stem: path.read_text(encoding="utf-8") for path in sorted(directory.glob("*.txt"))
        }
        if not self.recordings:
            raise ValueError(f"no *.txt recordings in {directory}")
        self.tokens_per_second = tokens_per_second

    def pick(self, prompt: str) -> str:
        named = [stem for stem in self.recordings if stem in prompt or pascal_case(stem) in prompt]
        stem = max(named, key=len) if named else next(iter(self.recordings))
        return self.recordings[stem]

    def __call__(self, body: dict[str, Any]) -> Script:
        return Script(self.pick(last_user_text(body)), tokens_per_second=self.tokens_per_second)


def recording(stem: str) -> str:
    """The text of one bundled recording, e.g. ``recording("counter_button")``."""
    return (RECORDINGS_DIR / f"{stem}.txt").read_text(encoding="utf-8")
