"""Use case: sign a PDF with the card.

Order (binding, see issue 11): check the PDF (refusals before the card is touched) → tell the
user what the signature reveals (:data:`PRIVACY_NOTICE`) → open the card, check it can sign
(no try spent) → ask the signing password ONCE → VERIFY → one COMPUTE DIGITAL SIGNATURE → write
the output atomically. For ``pades-b-t`` the time-stamping authority is asked for a first token
before the password, so a TSA that is down fails before any try could be spent.

:func:`sign_pdf` drives the whole flow with an ``unlock`` callable (the CLI passes its
one-password card context manager); :func:`sign_pdf_on_card` is the card-thread job for the GUI,
which asks the password itself before queuing it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError

from ..card.connect import OpenCard
from ..card.pins import PinBuffer
from ..signing.errors import InvalidInput, TimestampError, TimestampFailed
from ..signing.formats.pdf.inspect import PdfInfo, inspect_pdf
from ..signing.formats.pdf.profiles import RULES
from ..signing.formats.pdf.sign import PdfSignOptions, PdfSignResult
from ..signing.formats.pdf.sign import sign_pdf as _sign
from ..signing.formats.pdf.stamp import VisibleStamp, parse_visible
from ..signing.formats.timestamp import Rfc3161TimeStamper
from ..signing.signers.raw import RawSigner
from ..trust.aio import run_sync
from .signing import card_signer

TSA_TIMEOUT_S = 15.0
MAX_TSA_REPLY = 64 * 1024


@dataclass(frozen=True)
class PrivacyNotice:
    """What a PDF signature reveals and to whom; the CLI and GUI phrase it (ja + en)."""

    attributes: tuple[str, ...] = ("name", "address", "birth_date", "sex")
    readers: str = "anyone_who_receives_the_pdf"


PRIVACY_NOTICE = PrivacyNotice()


@dataclass(frozen=True)
class PdfSignRequest:
    source: Path
    output: Path
    options: PdfSignOptions = PdfSignOptions()
    tsa_url: str | None = None


def default_timestamper(url: str) -> TimeStamper:
    """The one RFC 3161 client (signing/formats/timestamp.py): through the one HTTP client, every
    answer checked (status, nonce, imprint, token signature) before it is used."""
    return Rfc3161TimeStamper(url)


def inspect(path: Path) -> PdfInfo:
    """What the page shows of a PDF before signing; a PDF that cannot be signed is refused."""
    return inspect_pdf(path)


def visible_stamp(spec: str) -> VisibleStamp:
    """`PAGE:X1,Y1,X2,Y2` as typed on the command line."""
    return parse_visible(spec)


def prepare(request: PdfSignRequest) -> PdfInfo:
    """The checks that need no card: the PDF can be signed, the options fit the profile."""
    needs_timestamp = RULES[request.options.profile].needs_timestamp
    if needs_timestamp and not request.tsa_url:
        raise InvalidInput("tsa_required")
    if request.tsa_url and not needs_timestamp:  # said, not silently dropped
        raise InvalidInput("tsa_unused")
    if request.output.exists() and os.path.samefile(request.source, request.output):
        raise InvalidInput("output_is_input", str(request.output))
    return inspect_pdf(request.source)


def probe_timestamper(
    request: PdfSignRequest, make: Callable[[str], TimeStamper] = default_timestamper
) -> TimeStamper | None:
    """For profiles with a timestamp: one token request now (pyHanko needs one anyway to size
    the signature and keeps it), so a TSA that is down is reported before the password."""
    if not RULES[request.options.profile].needs_timestamp or not request.tsa_url:
        return None
    stamper = make(request.tsa_url)
    try:
        run_sync(stamper.async_dummy_response("sha256"))
    except TimestampError:
        raise
    except (TimestampRequestError, OSError, ValueError) as exc:
        raise TimestampFailed(request.tsa_url, str(exc.args[0]) if exc.args else "") from None
    return stamper


def sign_with(
    request: PdfSignRequest,
    signer: RawSigner,
    timestamper: TimeStamper | None,
    now: dt.datetime | None = None,
) -> PdfSignResult:
    return _sign(
        request.source,
        request.output,
        signer,
        request.options,
        timestamper=timestamper,
        now=now,
    )


def sign_pdf(
    request: PdfSignRequest,
    unlock: Callable[[], AbstractContextManager[RawSigner]],
    *,
    notify: Callable[[PrivacyNotice], None] = lambda _n: None,
    make_timestamper: Callable[[str], TimeStamper] = default_timestamper,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> PdfSignResult:
    """The whole flow; `unlock()` opens the card, checks it and asks the password once."""
    prepare(request)
    stamper = probe_timestamper(request, make_timestamper)
    notify(PRIVACY_NOTICE)
    with unlock() as signer:
        return sign_with(request, signer, stamper, now())


def sign_pdf_on_card(
    card: OpenCard,
    request: PdfSignRequest,
    pin: PinBuffer,
    final_try_confirmed: bool,
    make_timestamper: Callable[[str], TimeStamper] = default_timestamper,
) -> PdfSignResult:
    """Card-thread job (GUI): the password was asked after the privacy notice; the caller
    wipes `pin`. Refusals that need no card come first, as in :func:`sign_pdf`."""
    prepare(request)
    stamper = probe_timestamper(request, make_timestamper)
    with card_signer(card, pin, final_try_confirmed) as signer:  # the one unlock sequence
        return sign_with(request, signer, stamper)
