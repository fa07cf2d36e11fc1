"""Fair turns for the live pages' ticks when many sessions train on one server at once.

Usage:
    >>> turns = Turnstile(slots=1, duty=0.5)
    >>> ticket = turns.enter()
    >>> turns.wait(ticket, timeout=1.0)   # True: our turn
    True
    >>> turns.leave(ticket)               # done: the next session in line goes

Thirty students pressing Play ask for far more ticks than two cores can give (each wants
ten or more a second). Left alone, every session's thread runs at once and they all slow
down together, clicks included: a Pause waits behind thirty ticks. The turnstile lets ticks
through ``slots`` at a time, first come first served, so:

- **fair**: a session's next tick queues behind every session already waiting, so each
  playing session gets the same number of ticks (round robin);
- **responsive**: ticks use at most ``duty`` of the time (after a tick of ``d`` seconds the
  gate stays shut for ``d * (1 - duty) / duty``), and a click is never queued here; it
  only competes with the one tick running;
- **free when quiet**: a lone session never waits (the gate rests only while others wait).

A waiting tick holds no CPU. The Streamlit glue waits in short slices and gives Streamlit a
chance to stop the wait when its user clicks something (see ``turns.tick_turn``).
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import deque
from collections.abc import Callable


class Turnstile:
    """A first-come-first-served gate for ``slots`` ticks at a time, busy at most ``duty``."""

    def __init__(
        self, slots: int = 1, duty: float = 0.5, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if slots < 1 or not 0 < duty <= 1:
            raise ValueError("slots must be at least 1 and duty in (0, 1]")
        self.slots = slots
        self.duty = duty
        self._clock = clock
        self._cond = threading.Condition()
        self._line: deque[int] = deque()  # tickets waiting, in order of arrival
        self._inside: dict[int, float] = {}  # ticket -> when its turn began
        self._opens_at = 0.0  # the gate rests after each tick (duty cycle)
        self._tickets = itertools.count()
        self.served = 0  # turns given so far (for figures and tests)

    def enter(self) -> int:
        """Join the line; returns the ticket to ``wait`` and ``leave`` with."""
        with self._cond:
            ticket = next(self._tickets)
            self._line.append(ticket)
            return ticket

    def _may_go(self, ticket: int) -> bool:
        free = self.slots - len(self._inside)
        if free <= 0 or ticket not in list(self._line)[:free]:
            return False
        alone = len(self._line) == 1 and not self._inside  # quiet: no need to rest
        return alone or self._clock() >= self._opens_at

    def wait(self, ticket: int, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for ``ticket``'s turn; True once it has begun."""
        deadline = self._clock() + timeout
        with self._cond:
            if ticket in self._inside:
                return True
            while not self._may_go(ticket):
                left = deadline - self._clock()
                if left <= 0:
                    return False
                rest = self._opens_at - self._clock()
                self._cond.wait(min(left, rest) if rest > 0 else left)
            self._line.remove(ticket)
            self._inside[ticket] = self._clock()
            self.served += 1
            return True

    def leave(self, ticket: int) -> None:
        """The tick is over (or was given up while waiting): let the next one go."""
        with self._cond:
            began = self._inside.pop(ticket, None)
            if began is not None:
                took = self._clock() - began
                self._opens_at = max(self._opens_at, self._clock() + took * (1 / self.duty - 1))
            elif ticket in self._line:
                self._line.remove(ticket)
            self._cond.notify_all()

    @property
    def waiting(self) -> int:
        """How many ticks are in line now (a measure of how busy the server is)."""
        with self._cond:
            return len(self._line)
