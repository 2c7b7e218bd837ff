"""`jpki agency-demo [--port N] [--dir DIR]`: run the reference agency on 127.0.0.1."""

from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from ...app.agency import (
    DEFAULT_DEMO_PORT,
    DEMO_PASSWORD,
    DEMO_USER_ID,
    default_demo_agency_dir,
    start_demo_agency,
)
from .. import exitcodes as X

if TYPE_CHECKING:
    from ...app.agency import RunningAgency


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "agency-demo", help="run the demo agency endpoint on 127.0.0.1 (until Ctrl-C)"
    )
    p.add_argument(
        "--port",
        type=int,
        default=DEFAULT_DEMO_PORT,
        help=f"TCP port (default {DEFAULT_DEMO_PORT}; 0: any)",
    )
    p.add_argument(
        "--dir",
        type=Path,
        help="keys and received submissions (default: user data dir/demo-agency)",
    )
    p.set_defaults(func=run)


def run(
    args: argparse.Namespace,
    *,
    ready: threading.Event | None = None,
    stop: threading.Event | None = None,
) -> int:
    directory = args.dir or default_demo_agency_dir()
    try:
        agency = start_demo_agency(directory, args.port)
    except OSError as exc:
        print(
            f"jpki: cannot listen on 127.0.0.1:{args.port} ({exc.strerror or exc})", file=sys.stderr
        )
        return X.ERROR
    if getattr(args, "json", False):
        _print_json(agency)
    else:
        _print_text(agency)
    if ready is not None:
        ready.set()
    try:
        (stop or threading.Event()).wait()
    except KeyboardInterrupt:
        pass
    finally:
        agency.stop()
    return X.OK


def _print_json(agency: RunningAgency) -> None:
    data = {
        "url": agency.url,
        "submissions": f"{agency.url}/v1/submissions",
        "procedures": f"{agency.url}/procedures",
        "tls_ca": str(agency.keys.path("tls-ca.pem")),
        "accepted": str(agency.directory / "accepted"),
        "demo_account": {"user_id": DEMO_USER_ID, "password": DEMO_PASSWORD},
    }
    print(json.dumps(data, ensure_ascii=False), flush=True)


def _print_text(agency: RunningAgency) -> None:
    print(
        f"demo agency listening on {agency.url}  (127.0.0.1 only; DEMO keys, not a government service)"
    )
    print(f"  submissions:  POST {agency.url}/v1/submissions")
    print(f"  procedures:   GET  {agency.url}/procedures")
    print(f"  TLS CA (pinned by the demo procedures): {agency.keys.path('tls-ca.pem')}")
    print(f"  accepted submissions are kept in {agency.directory / 'accepted'}")
    print(
        f"  demo service account (tax procedure): user id {DEMO_USER_ID}, password {DEMO_PASSWORD}"
    )
    print("  trusts the demo virtual card's signing CA. Stop with Ctrl-C.", flush=True)
