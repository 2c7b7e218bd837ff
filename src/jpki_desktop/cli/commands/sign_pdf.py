"""`jpki [--demo|--reader NAME] sign-pdf IN.pdf -o OUT.pdf [--profile moj|pades-b-t] [--tsa URL]
[--visible PAGE:X1,Y1,X2,Y2] [--reason TEXT] [--location TEXT] [--password-stdin] [--final-try]`.

A signature inside the PDF (an incremental update; an already signed PDF gets one more). The
default profile ``moj`` follows the Ministry of Justice registration system's rules; nothing is
appended after the signature, so the file can be submitted as it is.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ...app import pdf as use_case
from ...app.signing import card_unlocked
from ...signing.formats.pdf.profiles import Profile
from ...signing.formats.pdf.sign import PdfSignOptions
from ..common import add_output_option, add_password_options, emit
from ._signing import signing_card

PRIVACY_TEXT = (
    "注意: PDF に埋め込まれる署名用電子証明書には、あなたの氏名・住所・生年月日・性別が記録されています。"
    "この PDF を受け取った人は誰でもそれを読むことができます。\n"
    "Note: the signing certificate embedded in the PDF carries your name, address, date of birth "
    "and sex. Anyone who receives this PDF can read them."
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sign-pdf", help="sign a PDF with the card (signature inside the PDF)")
    p.add_argument("file", metavar="IN.pdf", help="the PDF to sign (never modified)")
    add_output_option(p, "the signed PDF", metavar="OUT.pdf", required=True)
    p.add_argument(
        "--profile",
        choices=[x.value for x in Profile],
        default=Profile.MOJ.value,
        help="moj (default): Ministry of Justice registration system rules, no timestamp; "
        "pades-b-t: PAdES with an RFC 3161 timestamp (needs --tsa)",
    )
    p.add_argument(
        "--tsa",
        metavar="URL",
        help="with --profile pades-b-t: the RFC 3161 time-stamping authority of the signature "
        "timestamp",
    )
    p.add_argument(
        "--visible",
        metavar="PAGE:X1,Y1,X2,Y2",
        help="a visible stamp on PAGE (from 1) in this rectangle, in points from the lower left",
    )
    p.add_argument("--reason", metavar="TEXT", help="reason for signing (/Reason)")
    p.add_argument("--location", metavar="TEXT", help="place of signing (/Location)")
    add_password_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    options = PdfSignOptions(
        profile=Profile(args.profile),
        visible=use_case.visible_stamp(args.visible) if args.visible else None,
        reason=args.reason,
        location=args.location,
    )
    request = use_case.PdfSignRequest(Path(args.file), Path(args.output), options, args.tsa)
    result = use_case.sign_pdf(
        request,
        lambda: card_unlocked(*signing_card(args)),
        notify=lambda _notice: print(PRIVACY_TEXT, file=sys.stderr),
    )
    data = {
        "output": str(result.output),
        "signed": str(request.source),
        "profile": result.profile.value,
        "field": result.field_name,
        "signing_time": result.signing_time.isoformat(),
        "co_signature": result.signatures_before > 0,
        "signatures_before": result.signatures_before,
        "size": result.size,
    }
    text = (
        f"Signed {request.source} -> {result.output} ({result.profile.value}, {result.field_name})"
    )
    if result.signatures_before:
        text += f"; co-signature after {result.signatures_before} earlier signature(s)"
    emit(args, data, text)
    return 0
