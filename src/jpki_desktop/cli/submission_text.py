"""Sentences and exit codes for procedure and submission errors (used by `procedures`,
`submit` and `agency-demo`; the shared cli/errors.py handles card errors)."""

from __future__ import annotations

from ..app.applicant import CERTIFICATE, ApplicantMismatch
from ..procedures import errors as P
from ..procedures.model import ApplicantAttribute
from ..submission import errors as S
from . import exitcodes as X
from .sentences import Sentence, aside, say

UNDELIVERED = {
    "unreachable": "The agency could not be reached",
    "timeout": "The agency did not answer in time",
    "server-error": "The agency had a temporary problem",
    "tls": "The agency's server certificate was refused (not the pinned certificate)",
    "account": "The agency refused the service account (user id or password wrong)",
    "protocol": "The agency's answer could not be understood",
}

ANSWER_INVALID = {
    "wrong-signer": "the answer is not signed by the agency's receipt certificate",
    "bad-signature": "the answer's signature does not verify",
    "digest-mismatch": "the answer was altered",
    "not-cms": "the answer is not a signed document",
    "bad-content": "the answer's content is malformed",
    "package-mismatch": "the answer is about another package",
    "submission-id-mismatch": "the answer is about another submission",
    "manifest-mismatch": "the answer names other signed content",
}


APPLICANT_WORDS = {
    ApplicantAttribute.NAME.value: "name (氏名)",
    ApplicantAttribute.ADDRESS.value: "address (住所)",
    ApplicantAttribute.BIRTH_DATE.value: "date of birth (生年月日)",
}


def describe_mismatch(exc: ApplicantMismatch) -> str:
    """Which basic attributes differ, never their values."""
    if CERTIFICATE in exc.attributes:
        why = "the card's signing certificate does not record the holder's basic attributes"
    else:
        words = [APPLICANT_WORDS.get(a, a) for a in exc.attributes]
        differ = "differs" if len(words) == 1 else "differ"
        why = f"the {' and '.join(words)} in the form {differ} from the signing certificate"
    return (
        f"The form's applicant is not the certificate's holder: {why}. The agency would reject "
        "the package, so the card did not sign and nothing was written. Correct the form "
        "(as written on the card, e.g. with 'jpki procedures fill') and run the command again."
    )


# Errors phrased from their own attributes (see sentences.py).
SENTENCES: dict[type[BaseException], Sentence] = {
    S.AccountRequired: Sentence(
        "The agency '{e.agency_id}' needs your service account: pass --user-id (the password "
        "is asked for), or store it once with --save-account. The package is in the outbox.",
        X.USAGE,
    ),
    S.KeyringUnavailable: Sentence(
        "No usable system keyring; type the account each time (--user-id).", X.ERROR
    ),
    S.UnknownPackage: Sentence(
        "This file is not a package for any known agency ({e.problem}). "
        "Name the procedure with --procedure.",
        X.USAGE,
    ),
    S.StoreEntryDamaged: Sentence(
        "The stored entry {e.directory} is damaged ({e.file}: {e.problem}); it was "
        "skipped and left as it is. Move it away to get rid of this message.",
        X.ERROR,
    ),
    P.UnknownProcedure: Sentence(
        "No procedure '{e.procedure_id}' (see 'jpki procedures').", X.USAGE
    ),
    P.AgencyMaterialMissing: Sentence(
        "The procedure's {e.what} certificate cannot be read ({e.ref}).", X.ERROR
    ),
}


def _next_step(exc: S.Undelivered) -> str:
    """What can get the package through: resending only where the cause may pass by itself."""
    if exc.resend_helps:
        return "It is sent again with 'jpki submit --flush' or the next time the app starts."
    if exc.reason == "account":
        return (
            "Sending it again cannot help until the account is right: run the same "
            "'jpki submit' again with --user-id and the correct password."
        )
    return "Sending it again will not help until the agency fixes its server; ask the agency."


def describe(exc: BaseException) -> tuple[str, int] | None:
    if isinstance(exc, S.Undelivered):
        why = UNDELIVERED.get(exc.reason, exc.reason) + aside(exc.detail)
        return f"{why}. The package is kept in the outbox. {_next_step(exc)}", X.UNCHECKED
    if isinstance(exc, S.AnswerInvalid):
        return (
            f"The agency's answer was NOT accepted: {ANSWER_INVALID.get(exc.problem, exc.problem)}. "
            "The package stays in the outbox.",
            X.INVALID,
        )
    if isinstance(exc, S.AccountFormatError):
        what = exc.label or "user id"
        return f"That is not a valid {what} for '{exc.agency_id}'. Nothing was sent.", X.USAGE
    if isinstance(exc, P.FormXmlError):
        return (
            f"The form does not follow the procedure's template ({exc.problem}"
            f"{aside(exc.detail)}). Nothing was signed. Write the form with 'jpki procedures fill'.",
            X.USAGE,
        )
    if isinstance(exc, ApplicantMismatch):
        return describe_mismatch(exc), X.PIN_REFUSED
    if isinstance(exc, P.ProcedureFileError):
        return f"Procedure file {exc.path}: {exc.problem} {exc.detail}".strip() + ".", X.ERROR
    return say(exc, SENTENCES)
