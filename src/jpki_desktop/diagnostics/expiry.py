"""Certificate expiry probe, on top of the validity engine.

The exact expiry date is the holder's birthday (certificates end on the 5th birthday after
issue), so it only goes into `data` under private keys; the sentences say "more than three
months", "within three months" or "expired".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cryptography import x509

from ..validity.certificate import parse_certificate
from ..validity.dates import jst_date, last_valid_day
from ..validity.expiry import CertDates, Facts, evaluate, renewal_opens
from .model import Probe, ProbeResult, Status, result

PRIVATE = ("expires", "days_left", "renewal_from")
RENEW = (
    "Renew the certificates at your municipal office (bring the card; renewal is free). "
    "Renewal is possible from three months before expiry."
)


def _timeline(
    der: bytes, sign_present: bool | None, now: dt.datetime
) -> tuple[str, dt.date, dt.date, str]:
    """(state, last valid day, renewal opens, source) from the validity engine, or from the
    certificate's notAfter alone when the engine cannot read it (say so in `source`)."""
    today = jst_date(now)
    try:
        cert = parse_certificate(der)
        report = evaluate(
            Facts(
                auth=CertDates(cert.valid_from, cert.valid_until),
                sign_present=sign_present,
                auth_present=True,
            ),
            today,
        )
        t = report.auth
        assert t.expires is not None and t.renewal_from is not None
        return t.state.value, t.expires, t.renewal_from, "validity engine"
    except Exception:  # not a JPKI-profile certificate: fall back to notAfter
        c = x509.load_der_x509_certificate(der)
        last, start = last_valid_day(c.not_valid_after_utc), jst_date(c.not_valid_before_utc)
        renewal = renewal_opens(last)
        state = (
            "not_issued"
            if today < start
            else "expired"
            if today > last
            else "renewal_open"
            if today >= renewal
            else "valid"
        )
        return state, last, renewal, "notAfter"


def probe_expiry(
    probe: Probe, auth_der: bytes, sign_present: bool | None, now: dt.datetime
) -> ProbeResult:
    state, last, renewal, source = _timeline(auth_der, sign_present, now)
    data: dict[str, Any] = {
        "state": state,
        "source": source,
        "expires": last.isoformat(),
        "renewal_from": renewal.isoformat(),
        "days_left": (last - jst_date(now)).days,
        "sign_certificate": "not on the card"
        if sign_present is False
        else "assumed to expire with the auth certificate",
    }
    sign_note = (
        " The signing certificate is not read (it needs its password); it normally expires on the same day."
        if sign_present is not False
        else ""
    )
    if state == "valid":
        return result(
            probe,
            Status.OK,
            "The user authentication certificate is valid for more than three months." + sign_note,
            private=PRIVATE,
            **data,
        )
    if state == "renewal_open":
        return result(
            probe,
            Status.WARN,
            "The user authentication certificate expires within three months." + sign_note,
            RENEW,
            private=PRIVATE,
            **data,
        )
    if state == "expired":
        return result(
            probe,
            Status.FAIL,
            "The user authentication certificate has expired." + sign_note,
            RENEW
            + " Until then, e-Tax, Myna Portal login and convenience-store services do not work.",
            private=PRIVATE,
            **data,
        )
    return result(
        probe,
        Status.WARN,
        "The certificate is not valid yet.",
        "Check that the computer's date and time are correct.",
        private=PRIVATE,
        **data,
    )
