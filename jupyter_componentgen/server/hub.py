"""Who receives what: notebook subscriptions and per-generation followers, with no duplicate or gap.

A socket receives a generation's events once it follows that generation: from seq 1 when the generation
starts after the socket subscribed to its notebook (or when the socket asked for it), or from ``after_seq``
when the socket resumes it. A socket that subscribes while a generation is already running learns about it
from ``subscribed.active`` and resumes it; live events and a replay therefore never interleave.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class Listener(Protocol):
    def send(self, text: str) -> None:
        """Queue one text frame; must not block and must not call back into the Hub."""
        ...


Watched = frozenset[str] | None  # the components a listener watches in a notebook; None: all of them


def _merge(first: Watched, second: Watched) -> Watched:
    return None if first is None or second is None else first | second


class Hub:
    def __init__(self) -> None:
        self._subscriptions: dict[str, dict[Listener, Watched]] = {}
        # generation -> listener -> last seq sent to it
        self._followers: dict[str, dict[Listener, int]] = {}

    def subscribe(self, listener: Listener, notebook: str, component: str | None) -> None:
        listeners = self._subscriptions.setdefault(notebook, {})
        asked: Watched = None if component is None else frozenset({component})
        listeners[listener] = _merge(listeners[listener], asked) if listener in listeners else asked

    def drop(self, listener: Listener) -> None:
        """Forget a closed socket everywhere."""
        for notebook, subscribers in list(self._subscriptions.items()):
            subscribers.pop(listener, None)
            if not subscribers:
                del self._subscriptions[notebook]
        for followers in self._followers.values():
            followers.pop(listener, None)

    def notebooks(self) -> list[str]:
        """The notebooks someone subscribed to."""
        return list(self._subscriptions)

    def audience(self, notebook: str, component: str) -> list[Listener]:
        listeners = self._subscriptions.get(notebook, {})
        return [
            listener for listener, watched in listeners.items() if watched is None or component in watched
        ]

    def send_to_list_watchers(self, notebook: str, text: str) -> None:
        """Send to those subscribed to the whole notebook (the side panels listing its components)."""
        for listener, watched in list(self._subscriptions.get(notebook, {}).items()):
            if watched is None:
                listener.send(text)

    def begin(self, generation: str, listeners: Iterable[Listener]) -> None:
        """A generation starts: these listeners will receive all of its events."""
        followers = self._followers.setdefault(generation, {})
        for listener in listeners:
            followers.setdefault(listener, 0)

    def follow(self, generation: str, listener: Listener, after_seq: int) -> None:
        """``listener`` has every event up to ``after_seq`` (a resume just replayed them)."""
        self._followers.setdefault(generation, {})[listener] = after_seq

    def followers(self, generation: str) -> list[Listener]:
        return list(self._followers.get(generation, {}))

    def send_event(self, generation: str, seq: int, text: str) -> None:
        followers = self._followers.get(generation)
        if not followers:
            return
        for listener, last in list(followers.items()):
            if seq > last:
                followers[listener] = seq
                listener.send(text)

    def end(self, generation: str) -> list[Listener]:
        """The generation is over: stop tracking its followers, and return them."""
        return list(self._followers.pop(generation, {}))

    def send_to_notebook(
        self, notebook: str, component: str, text: str, also: Iterable[Listener] = ()
    ) -> None:
        """Send to the notebook's subscribers for ``component`` and to ``also``, once each."""
        for listener in dict.fromkeys([*self.audience(notebook, component), *also]):
            listener.send(text)

    def send_to(self, listeners: Iterable[Listener], text: str) -> None:
        for listener in listeners:
            listener.send(text)

    def rename_notebook(self, old: str, new: str) -> None:
        """Subscriptions follow a renamed notebook (or every notebook inside a renamed folder)."""
        for notebook in list(self._subscriptions):
            if notebook == old or notebook.startswith(old + "/"):
                moved = self._subscriptions.pop(notebook)
                target = self._subscriptions.setdefault(new + notebook[len(old) :], {})
                for listener, watched in moved.items():
                    target[listener] = _merge(target[listener], watched) if listener in target else watched
