"""A long computation in a background thread, with progress and a cancel button's worth.

Usage:
    >>> job = Job(lambda report: train_gensim(sentences, config, progress=report)).start()
    >>> job.fraction, job.message, job.done      # poll from the page, e.g. twice a second
    >>> job.cancel()                             # honoured at the next progress report
    >>> job.result, job.error                    # when done (error is a message, or None)

The work function gets ``report(fraction, message)``; calling it after :meth:`cancel`
raises :class:`Cancelled`, which ends the work early. Nothing here knows about Streamlit:
the page keeps the Job in its session state and redraws while ``not job.done``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from explorer.i18n import _, current_language, use_language


class Cancelled(Exception):
    """Raised inside the work function when the job was cancelled."""


class Job:
    """Runs ``work(report)`` once in a daemon thread."""

    def __init__(self, work: Callable[[Callable[[float, str], None]], Any]) -> None:
        self._work = work
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.fraction = 0.0
        # The thread speaks the language of the session that started it (its reports and
        # errors are shown there), since no session is known inside it.
        self._language = current_language()
        self.message = _("starting")
        self.result: Any = None
        self.error: str | None = None
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

    def _report(self, fraction: float, message: str) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.fraction, self.message = float(fraction), message

    def _run(self) -> None:
        use_language(self._language)
        try:
            self.result = self._work(self._report)
            self.fraction, self.message = 1.0, _("done")
        except Cancelled:
            self.cancelled, self.message = True, _("cancelled")
        except Exception as err:  # noqa: BLE001 - the page shows it instead of crashing
            self.error = str(err) or type(err).__name__
            self.message = _("failed")
        finally:
            self.done = True
