"""`jpki submit PACKAGE.p7m [--procedure ID] [--endpoint URL] [--user-id ID]`, plus
`--flush` (send what is still in the outbox), `--pending` and `--history`."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from ...app.procedures import catalogue as load_catalogue
from ...app.submission import SubmissionService
from ...net.http import HttpSettings as TransportSettings
from ...submission.account import ServiceAccount
from ...submission.client import ClientSettings
from ...submission.receipt import Answer, Receipt
from ...submission.store import Entry, Listing
from .. import exitcodes as X
from ..common import (
    add_http_options,
    add_password_stdin_option,
    add_procedure_option,
    emit,
    warn,
)
from ..errors import describe


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "submit", help="send an encrypted package to the agency and show the receipt"
    )
    p.add_argument("package", nargs="?", type=Path, help="the .p7m made by 'jpki package'")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--flush", action="store_true", help="send every package still in the outbox")
    mode.add_argument("--pending", action="store_true", help="list the outbox")
    mode.add_argument("--history", action="store_true", help="list receipts and rejections")
    add_procedure_option(p, "default: found from the package's recipient")
    p.add_argument(
        "--endpoint", metavar="URL", help="send here instead of the procedure's endpoint"
    )
    p.add_argument(
        "--submission-id", default="", help="the package's submission id (makes retries idempotent)"
    )
    p.add_argument(
        "--manifest-sha256",
        default="",
        help="the package's manifest digest (checked in the receipt)",
    )
    p.add_argument(
        "--user-id", help="service account user id (利用者識別番号); the password is asked for"
    )
    add_password_stdin_option(p, "the service account password")
    p.add_argument(
        "--save-account", action="store_true", help="remember the account in the system keyring"
    )
    p.add_argument(
        "--forget-account", action="store_true", help="remove the remembered account, then stop"
    )
    add_http_options(p, timeout=30.0, peer="the agency")
    p.add_argument(
        "--retries",
        type=int,
        default=2,
        help="extra attempts when the agency is unreachable (default 2)",
    )
    p.add_argument(
        "--lang",
        choices=["ja", "en"],
        default="en",
        help="language of the agency's rejection message (default en)",
    )
    p.add_argument(
        "--store", type=Path, help=argparse.SUPPRESS
    )  # tests: another outbox/history folder
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    return _run(args)


def _service(args: argparse.Namespace) -> SubmissionService:
    settings = ClientSettings(
        transport=TransportSettings(timeout=args.timeout, proxy=args.proxy),
        attempts=max(1, args.retries + 1),
    )
    return SubmissionService(load_catalogue(), store_dir=args.store, settings=settings)


def _run(args: argparse.Namespace) -> int:
    service = _service(args)
    catalogue = service.client.catalogue
    if args.pending:
        return _list(args, _readable(service.scan_outbox()), "outbox is empty")
    if args.history:
        return _list(args, _readable(service.scan_history()), "no submissions yet")
    if args.flush:
        return _flush(args, service)
    if args.package is None:
        print("jpki: give a PACKAGE, or --flush / --pending / --history", file=sys.stderr)
        return X.USAGE
    _flush_earlier(service)
    if args.procedure:
        procedure = catalogue.get(args.procedure)
        agency = procedure.agency
    else:
        procedure = None
        agency, candidates = service.agency_of(args.package)
        if len({p.id for p in candidates}) == 1:
            procedure = candidates[0]
    if args.forget_account:
        gone = service.forget(agency.id)
        print("account removed" if gone else "no account was stored")
        return X.OK
    account = _account(args)
    answer = service.submit(
        args.package,
        procedure,
        account,
        _progress(args),
        agency=agency,
        submission_id=args.submission_id,
        manifest_sha256=args.manifest_sha256,
        endpoint=args.endpoint or "",
    )
    # only after the agency took the account
    if args.save_account and account is not None and not service.remember(agency.id, account):
        warn("no system keyring: the account was not saved")
    return _print_answer(args, answer)


def _readable(listing: Listing) -> list[Entry]:
    """The readable entries; each damaged one is named and left as it is."""
    for d in listing.damaged:
        warn(f"skipped a damaged entry {d.directory} ({d.file}: {d.problem}); it was left as it is")
    return listing.entries


def _flush_earlier(service: SubmissionService) -> None:
    """Deliver what an earlier run left in the outbox (one attempt each), quietly."""
    if not service.pending():
        return
    for r in service.flush(attempts=1):
        if r.answer is not None:
            state = (
                f"receipt {r.answer.receipt_number}"
                if isinstance(r.answer, Receipt)
                else f"rejected ({r.answer.code})"
            )
            print(f"earlier submission {r.entry.meta.entry_id}: {state}", file=sys.stderr)


def _account(args: argparse.Namespace) -> ServiceAccount | None:
    if not args.user_id:
        return None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(f"Password for {args.user_id}: ")
    return ServiceAccount(args.user_id, password)


def _progress(args: argparse.Namespace) -> Callable[[int, int], None] | None:
    if args.json or not sys.stderr.isatty():
        return None

    def show(sent: int, total: int) -> None:
        print(
            f"\rsending {sent * 100 // max(total, 1):3d}% of {total} bytes", end="", file=sys.stderr
        )
        if sent >= total:
            print(file=sys.stderr)

    return show


def _answer_dict(answer: Answer) -> dict[str, object]:
    if isinstance(answer, Receipt):
        return {
            "accepted": True,
            "receipt_number": answer.receipt_number,
            "received_at": answer.received_at.isoformat(),
            "submission_id": answer.submission_id,
            "procedure_id": answer.procedure_id,
            "agency_id": answer.agency_id,
            "manifest_sha256": answer.manifest_sha256,
            "package_sha256": answer.package_sha256,
        }
    return {
        "accepted": False,
        "code": answer.code,
        "message_ja": answer.message_ja,
        "message_en": answer.message_en,
        "details": list(answer.details),
        "submission_id": answer.submission_id,
        "rejected_at": answer.rejected_at.isoformat(),
    }


def _print_answer(args: argparse.Namespace, answer: Answer) -> int:
    d = _answer_dict(answer)
    if isinstance(answer, Receipt):
        text = (
            f"ACCEPTED (receipt verified)\nreceipt number: {answer.receipt_number}\nreceived at:    "
            f"{answer.received_at.isoformat()}\nsubmission id:  {answer.submission_id}\nprocedure:      "
            f"{answer.procedure_id}\nmanifest:       {answer.manifest_sha256}"
        )
        emit(args, d, text)
        return X.OK
    details = f"\ndetails:        {', '.join(answer.details)}" if answer.details else ""
    text = f"REJECTED by the agency ({answer.code}; answer verified)\n{answer.message(args.lang)}{details}"
    emit(args, d, text)
    return X.INVALID


def _flush(args: argparse.Namespace, service: SubmissionService) -> int:
    results = service.flush()
    rows, worst = [], X.OK
    for r in results:
        row: dict[str, object] = {
            "entry": r.entry.meta.entry_id,
            "procedure_id": r.entry.meta.procedure_id,
        }
        if r.answer is not None:
            row.update(_answer_dict(r.answer))
            if not r.answer.accepted:
                worst = max(worst, X.INVALID)
        else:
            assert r.error is not None  # a FlushResult holds an answer or an error
            message, code = describe(r.error)
            row.update({"error": message})
            worst = max(worst, code)
        rows.append(row)
    lines = [
        f"{r['entry']}: "
        + (
            f"accepted, receipt {r['receipt_number']}"
            if r.get("accepted")
            else f"rejected ({r['code']})"
            if "code" in r
            else f"still queued: {r.get('error')}"
        )
        for r in rows
    ]
    emit(args, rows, "\n".join(lines) or "outbox is empty")
    return worst


def _list(args: argparse.Namespace, entries: list[Entry], empty: str) -> int:
    rows = [
        {
            "entry": e.meta.entry_id,
            "procedure_id": e.meta.procedure_id,
            "agency_id": e.meta.agency_id,
            "submission_id": e.meta.submission_id,
            "queued_at": e.meta.queued_at,
            "attempts": e.meta.attempts,
            "last_error": e.meta.last_error,
            "outcome": e.meta.outcome,
            "answered_at": e.meta.answered_at,
            "package": str(e.package),
            "package_sha256": e.meta.package_sha256,
        }
        for e in entries
    ]
    for row, e in zip(rows, entries, strict=True):
        a = e.answer() if e.meta.outcome else None
        if a is not None:
            row["receipt_number" if a.accepted else "code"] = (
                a.receipt_number if isinstance(a, Receipt) else a.code
            )
    lines = []
    for r in rows:
        state = (
            f"accepted {r['receipt_number']}"
            if r["outcome"] == "accepted"
            else f"rejected {r.get('code')}"
            if r["outcome"] == "rejected"
            else f"queued, {r['attempts']} attempt(s), last: {r['last_error'] or '-'}"
        )
        when = r["answered_at"] or r["queued_at"]
        lines.append(
            f"{when}  {r['procedure_id'] or r['agency_id']:<30} {r['submission_id'] or r['entry']}  {state}"
        )
    emit(args, rows, "\n".join(lines) or empty)
    return X.OK
