"""Run every probe in order and never raise.

Each later probe depends on the earlier ones (no service → no readers → no card), so a failure
turns the rest into `skipped` with the reason, instead of a cascade of failures. All card probes
share one connection, inside one PC/SC transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from ..card.connect import open_demo
from ..card.transport import ApduChannel
from ..card.virtual.transport import VirtualTransport
from .card import CARD_PROBES, JPKI_APP, CardProbes
from .model import Diagnosis, Probe, ProbeResult, Status, result, skipped
from .readers import (
    ACCESS,
    ATR,
    CARD_PRESENT,
    READERS,
    ReaderView,
    probe_atr,
    probe_card_present,
    probe_reader_access,
    probe_readers,
)
from .system import LIBRARY, SERVICE, Platform, probe_library, probe_service

logger = logging.getLogger(__name__)
T = TypeVar("T")

INTERNAL_FIX = "Please send this report to your help desk or to the jpki-desktop developers."


def _safe(
    probe: Probe, fn: Callable[[], tuple[ProbeResult, T]], default: T
) -> tuple[ProbeResult, T]:
    """Diagnostics are the one place where catching everything is right: a probe's own bug
    becomes a `fail` line in the report, never a crash of the report."""
    try:
        return fn()
    except Exception as exc:
        # One line for the user's terminal; the traceback only with -vv (debug logging).
        logger.error("probe %s failed: %s", probe.id, type(exc).__name__)
        logger.debug("probe %s failed", probe.id, exc_info=True)
        return result(
            probe,
            Status.FAIL,
            f"This check itself failed ({type(exc).__name__}).",
            INTERNAL_FIX,
            error=type(exc).__name__,
        ), default


class _Run:
    def __init__(self, on_result: Callable[[ProbeResult], None] | None) -> None:
        self.results: list[ProbeResult] = []
        self.on_result = on_result

    def emit(self, r: ProbeResult) -> None:
        self.results.append(r)
        if self.on_result is not None:
            try:
                self.on_result(r)
            except Exception:
                logger.exception("diagnosis callback failed")

    def skip(self, probes: tuple[Probe, ...], why: str) -> None:
        for p in probes:
            self.emit(skipped(p, why))


def run_diagnosis(
    *,
    reader: str | None = None,
    demo: bool = False,
    now: dt.datetime | None = None,
    on_result: Callable[[ProbeResult], None] | None = None,
    platform: Platform | None = None,
) -> Diagnosis:
    """Run all probes. `on_result` receives each result as soon as it is known (the GUI can show
    them live); it runs on the calling thread. Never raises."""
    started = now or dt.datetime.now(dt.UTC)
    run = _Run(on_result)
    apdus, used = 0, None
    try:
        plat = platform or Platform.detect()
    except Exception:
        plat = Platform("unknown")
    lib, pcsc = _safe(LIBRARY, lambda: probe_library(plat), None)
    run.emit(lib)
    service_ok = False
    if pcsc is not None:
        svc, service_ok = _safe(SERVICE, lambda: probe_service(plat, pcsc), False)
        if (
            demo and svc.status is Status.FAIL
        ):  # worth knowing before buying a reader, not a failure
            svc = dataclasses.replace(
                svc,
                status=Status.WARN,
                detail=f"{svc.detail} The demo card does not need it; a real reader does.",
            )
        run.emit(svc)
    else:
        run.emit(skipped(SERVICE, "Skipped: needs the PC/SC library."))
    reader_probes = (READERS, CARD_PRESENT, ATR, ACCESS)
    if demo:
        apdus, used = _demo_card(run, started)
    elif not service_ok:
        run.skip(reader_probes + CARD_PROBES, "Skipped: needs the PC/SC service.")
    else:
        apdus, used = _reader_and_card(run, pcsc, plat, reader, started)
    return Diagnosis(tuple(run.results), apdus, started, used)


def _reader_and_card(
    run: _Run, pcsc: Any, plat: Platform, wanted: str | None, now: dt.datetime
) -> tuple[int, str | None]:
    no_views: list[ReaderView] = []
    readers, views = _safe(READERS, lambda: probe_readers(pcsc, plat.flatpak), no_views)
    run.emit(readers)
    if not views:
        run.skip((CARD_PRESENT, ATR, ACCESS) + CARD_PROBES, "Skipped: needs a card reader.")
        return 0, None
    present, chosen = _safe(CARD_PRESENT, lambda: probe_card_present(views, wanted), None)
    run.emit(present)
    if chosen is None:
        run.skip((ATR, ACCESS) + CARD_PROBES, "Skipped: needs a card in the reader.")
        return 0, None
    run.emit(_safe(ATR, lambda: (probe_atr(chosen), None), None)[0])
    access, transport = _safe(ACCESS, lambda: probe_reader_access(pcsc, chosen), None)
    run.emit(access)
    if transport is None:
        run.skip(CARD_PROBES, "Skipped: could not connect to the card.")
        return 0, chosen.name
    channel = ApduChannel(transport)  # type: ignore[arg-type]
    try:
        _card_probes(run, channel, now)
    finally:
        try:
            channel.close()
        except Exception:
            logger.debug("closing the card connection failed", exc_info=True)
    return channel.apdu_count, chosen.name


def _card_probes(run: _Run, channel: Any, now: dt.datetime) -> None:
    probes = CardProbes(channel, now)
    done: set[str] = set()
    try:
        with channel.transaction():
            for r in probes.run():
                done.add(r.id)
                run.emit(r)
    except Exception as exc:  # the transaction could not begin or end (card pulled, reset)
        if not done:
            run.emit(
                result(
                    JPKI_APP,
                    Status.FAIL,
                    "The card could not be reached (it may have been taken out).",
                    "Insert the card again, leave it in the reader, and run the check again.",
                    error=type(exc).__name__,
                )
            )
            done.add(JPKI_APP.id)
        run.skip(
            tuple(p for p in CARD_PROBES if p.id not in done),
            "Skipped: the card could not be reached.",
        )


def _demo_card(run: _Run, now: dt.datetime) -> tuple[int, str | None]:
    """`--demo`: the built-in virtual card stands in for reader and card."""
    try:
        oc = open_demo()
    except Exception as exc:
        run.emit(
            result(
                READERS,
                Status.FAIL,
                "The built-in demo card could not be opened.",
                INTERNAL_FIX,
                error=type(exc).__name__,
            )
        )
        run.skip((CARD_PRESENT, ATR, ACCESS) + CARD_PROBES, "Skipped: no demo card.")
        return 0, None
    name = VirtualTransport.reader_name
    run.emit(
        result(
            READERS, Status.OK, f"1 reader: {name} (demo).", readers=[{"name": name, "demo": True}]
        )
    )
    run.emit(result(CARD_PRESENT, Status.OK, f"The demo card is in '{name}'.", reader=name))
    run.emit(
        _safe(
            ATR,
            lambda: (probe_atr(ReaderView(name, True, False, False, False, oc.atr)), None),
            None,
        )[0]
    )
    run.emit(result(ACCESS, Status.OK, "Connected to the demo card."))
    try:
        _card_probes(run, oc.channel, now)
    finally:
        oc.close()
    return oc.channel.apdu_count, name
