"""Diagnostics: what is wrong with the PC/SC service, the reader or the card, and how to fix it.

Synchronous and Qt-free. ``run_diagnosis()`` returns a :class:`Diagnosis` whose results are
:class:`ProbeResult` objects (``id``, ``status`` ok/warn/fail/skipped, ``detail``, ``fix``,
``data``); no probe ever raises. :mod:`.report` renders them as JSON or as a text report for a
help desk, with personal data masked by default.
"""

from .model import Diagnosis, ProbeResult, Status
from .runner import run_diagnosis

__all__ = ["Diagnosis", "ProbeResult", "Status", "run_diagnosis"]
