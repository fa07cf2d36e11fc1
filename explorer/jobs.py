"""A long computation in a background thread, with progress and a cancel button's worth.

Usage:
    >>> job = Job(lambda report: train_gensim(sentences, config, progress=report)).start()
    >>> job.fraction, job.message, job.done      # poll from the page, e.g. twice a second
    >>> job.cancel()                             # honoured at the next progress report
    >>> job.result, job.error                    # when done (error is a message, or None)
    >>> str(job.message)                         # messages are translated when shown

The work function gets ``report(fraction, message)`` (a :class:`~explorer.i18n.Message`
or plain text); calling it after :meth:`cancel`
raises :class:`Cancelled`, which ends the work early. Nothing here knows about Streamlit:
the page keeps the Job in its session state and redraws while ``not job.done``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from explorer.i18n import M_, Lazy, message_of


class Cancelled(Exception):
    """Raised inside the work function when the job was cancelled."""


class Job:
    """Runs ``work(report)`` once in a daemon thread."""

    def __init__(self, work: Callable[[Callable[[float, Lazy | str], None]], Any]) -> None:
        self._work = work
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.fraction = 0.0
        # No session is known inside the thread: its reports and errors stay messages,
        # translated by the page that shows them (``str``).
        self.message: Lazy | str = M_("starting")
        self.result: Any = None
        self.error: Lazy | str | None = None
        self.cancelled = False
        self.done = False

    def start(self) -> Job:
        self._thread.start()
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until done (for tests and scripts); returns whether it finished."""
        self._thread.join(timeout)
        return self.done

    def _report(self, fraction: float, message: Lazy | str) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.fraction, self.message = float(fraction), message

    def _run(self) -> None:
        try:
            self.result = self._work(self._report)
            self.fraction, self.message = 1.0, M_("done")
        except Cancelled:
            self.cancelled, self.message = True, M_("cancelled")
        except Exception as err:  # noqa: BLE001 - the page shows it instead of crashing
            self.error = message_of(err) or type(err).__name__
            self.message = M_("failed")
        finally:
            self.done = True
