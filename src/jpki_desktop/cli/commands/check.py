"""`jpki check`: is my certificate valid and not revoked? (自己の電子証明書の有効性確認)

Checks the auth certificate on the card (no PIN), the signing certificate too with --sign
(asks the signing password), or a certificate file with --cert. Exit 0 valid, 9 not valid or
revoked, 10 could not check. Endpoints: --ocsp-url / --crl-url (or JPKI_OCSP_URL / JPKI_CRL_URL,
space-separated), then the certificate's own pointers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os

from ...app.times import japan_time
from ...app.validity import check_certificates, demo_endpoints, start_demo_responder
from ...net.http import HttpSettings
from ...validity.check import Basis, CheckResult, Outcome, Reason
from ...validity.dates import JST
from ...validity.revocation import Endpoints, Method
from .. import exitcodes as X
from ..common import add_http_options, add_list_option, add_password_options, emit
from ..sentences import aside
from ..validity_card import read_card

NAMES = {
    "auth": "User authentication certificate",
    "sign": "Signing certificate",
    "file": "Certificate",
}
REASONS: dict[Reason | None, str] = {
    Reason.UNTRUSTED: "not issued by a JPKI CA this program trusts",
    Reason.MALFORMED: "not a readable certificate",
    Reason.KEY_USAGE: "its key usage does not fit (not a signing or authentication certificate)",
    Reason.CERT_EXPIRED: "expired",
    Reason.CERT_NOT_YET_VALID: "not valid yet",
    Reason.BAD_PATH: "its chain to the JPKI CA does not verify",
    Reason.NOT_JPKI: "not a JPKI certificate",
    Reason.ANCHOR_MISSING: (
        "issued by a J-LIS CA whose certificate is not bundled and could not be pinned "
        "(e.g. the 2019 auth CA), so its chain cannot be verified here"
    ),
    Reason.NO_ENDPOINT: (
        "no revocation service is configured. J-LIS answers only licensed verifiers; "
        "give --ocsp-url/--crl-url (or JPKI_OCSP_URL / JPKI_CRL_URL)"
    ),
    Reason.RESPONDER_FAILED: "no revocation service gave a usable answer",
    Reason.STATUS_UNKNOWN: "the OCSP responder does not know this certificate",
    Reason.STALE_CACHE: "the cached CRL is out of date and no service answered",
}


def _at(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an ISO date-time, got {text!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=JST)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("check", help="is my certificate valid and not revoked? (exit 0 / 9 / 10)")
    p.add_argument(
        "--sign",
        action="store_true",
        help="also check the signing certificate (asks the signing password)",
    )
    p.add_argument(
        "--cert",
        metavar="FILE",
        help="check this certificate file (PEM or DER) instead of the card",
    )
    add_list_option(p, "--ca", "FILE", "trust this extra CA certificate (test hierarchies only)")
    add_list_option(p, "--ocsp-url", "URL", "an OCSP responder to ask before the certificate's own")
    add_list_option(p, "--crl-url", "URL", "a CRL to fetch before the certificate's own")
    p.add_argument(
        "--no-cert-pointers", action="store_true", help="ignore URLs inside the certificate"
    )
    p.add_argument("--offline", action="store_true", help="use the cached CRL only; send nothing")
    p.add_argument(
        "--prefer",
        choices=[m.value for m in Method],
        default="ocsp",
        help="which of OCSP and CRL to try first (default ocsp)",
    )
    add_http_options(p, timeout=10.0, peer="a revocation service")
    p.add_argument(
        "--at", type=_at, metavar="DATETIME", help="check as of this moment (default: now)"
    )
    add_password_options(p)
    p.set_defaults(func=run)


def endpoints_from(args: argparse.Namespace) -> Endpoints:
    ocsp = args.ocsp_url or os.environ.get("JPKI_OCSP_URL", "").split()
    crl = args.crl_url or os.environ.get("JPKI_CRL_URL", "").split()
    return Endpoints(
        tuple(ocsp),
        tuple(crl),
        not args.no_cert_pointers,
        Method(args.prefer),
        args.timeout,
        HttpSettings(proxy=getattr(args, "proxy", None)),
    )


def _when(moment: dt.datetime | None) -> str:
    return japan_time(moment, seconds=False, missing="?")


def result_lines(label: str, r: CheckResult) -> list[str]:
    head = f"{NAMES.get(label, label)}" + (
        f" (serial {r.serial}, {r.generation.value} CA)" if r.serial and r.generation else ""
    )
    if r.outcome is Outcome.VALID:
        lines = [f"{head}: VALID, not revoked"]
    elif r.outcome is Outcome.REVOKED:
        lines = [f"{head}: REVOKED on {_when(r.revoked_at)}{aside(r.revocation_reason)}"]
    elif r.outcome is Outcome.INVALID:
        why = "empty file" if r.detail == "empty" else REASONS.get(r.reason, str(r.reason))
        return [f"{head}: NOT VALID - {why}"]
    else:
        lines = [f"{head}: COULD NOT CHECK - {REASONS[r.reason]}"]
        lines += [
            f"    {a.method.value} {a.url}: {a.problem.replace('_', ' ')}{aside(a.detail)}"
            for a in r.attempts
        ]
        return lines
    if r.basis is Basis.CRL_CACHED:
        lines.append(
            f"    checked offline at {_when(r.checked_at)} against the cached CRL of "
            f"{_when(r.crl_this_update)} (downloaded {_when(r.crl_fetched_at)})"
        )
    else:
        via = "OCSP" if r.basis is Basis.OCSP_ONLINE else "CRL"
        lines.append(f"    checked online ({via} {r.url}) at {_when(r.checked_at)}")
    return lines


def exit_code(results: list[CheckResult]) -> int:
    outcomes = {r.outcome for r in results}
    if outcomes & {Outcome.INVALID, Outcome.REVOKED}:
        return X.INVALID
    if Outcome.UNCHECKED in outcomes:
        return X.UNCHECKED
    return X.OK


def _targets(args: argparse.Namespace) -> tuple[list[tuple[str, bytes]], list[bytes], list[bytes]]:
    """(label, DER) to check, extra trusted roots, CA certificates read from the card."""
    extra = [open(path, "rb").read() for path in args.ca]
    if args.cert:
        with open(args.cert, "rb") as f:
            return [("file", f.read())], extra, []
    reading = read_card(args, with_sign=args.sign)
    if args.demo:  # the virtual card's test CA, never trusted for a real card
        extra += list(reading.ca_certificates)
    targets = [(c.kind.value, c.der) for c in (reading.auth, reading.sign) if c is not None]
    return targets, extra, list(reading.ca_certificates)


def run(args: argparse.Namespace) -> int:
    targets, extra, card_cas = _targets(args)
    now = args.at or dt.datetime.now(dt.UTC)
    endpoints = endpoints_from(args)
    demo = None
    if args.demo and not args.cert and not (endpoints.ocsp_urls or endpoints.crl_urls):
        # the demo PKI's own responder on 127.0.0.1: the whole check, shown working
        demo = start_demo_responder()
    try:
        results = check_certificates(
            dict(targets),
            now=now,
            endpoints=(
                (
                    lambda label: demo_endpoints(
                        endpoints, demo, "sign" if label == "sign" else "auth"
                    )
                )
                if demo is not None
                else endpoints
            ),
            extra_roots=extra,
            card_cas=card_cas,
            offline=args.offline,
        )
    finally:
        if demo is not None:
            demo.stop()
    code = exit_code(list(results.values()))
    lines = [line for label, r in results.items() for line in result_lines(label, r)]
    if not results:
        lines, code = ["This card holds no certificate to check."], X.INVALID
    if demo is not None:
        lines.append("(demo: answered by the demo card's test CA on 127.0.0.1, not by J-LIS)")
    data = {"exit_code": code, **{k: r.to_json() for k, r in results.items()}}
    if demo is not None:
        data["demo_responder"] = demo.base_url
    emit(args, data, "\n".join(lines))
    return code
