"""RFC 3161 signature timestamps (CAdES-T) from a time-stamping authority (TSA).

:class:`Rfc3161TimeStamper` is a pyHanko ``TimeStamper`` whose only network access is ONE
injected function ``post(url, body, content_type) -> bytes``, so proxy, TLS and timeout policy
live in one HTTP client. Every answer is checked before it is used: a granted status, our
nonce, the imprint we asked for, and a token signature that verifies with the TSA certificate
inside it. Trust in the TSA is the verifier's job (:mod:`.timestamp_check`), with the same
trust options as the signature itself.

A TSA that is down, slow, or answers anything else raises a :class:`~.errors.TimestampError`;
callers request the token before anything is written, so nothing is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from asn1crypto import cms, tsp
from pyhanko.sign.general import extract_signer_info
from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError, handle_tsp_response
from pyhanko.sign.validation.generic_cms import validate_sig_integrity

from ...net.errors import BadScheme, HttpError, ResponseTooLarge, TimedOut
from ...net.http import HttpClient, HttpSettings
from ...trust.aio import run_sync
from ...trust.convert import embedded_certificates, signer_certificate
from ..errors import TsaBadAnswer, TsaRefused, TsaUnreachable

Post = Callable[[str, bytes, str], bytes]  # (url, body, content type) -> response body

QUERY_TYPE = "application/timestamp-query"
MAX_ANSWER = 256 * 1024  # a token is a few KiB; anything much larger is not a TSA answer
TOTAL_TIMEOUT = 20.0  # seconds for the whole exchange


def default_post(
    url: str,
    body: bytes,
    content_type: str,
    *,
    timeout: float = TOTAL_TIMEOUT,
    max_bytes: int = MAX_ANSWER,
    settings: HttpSettings | None = None,
) -> bytes:
    """POST `body` through the one HTTP client (proxy settings, TLS verification, a deadline
    for the whole exchange, a size limit) and return the answer body."""
    client = HttpClient(settings or HttpSettings())
    try:
        answer = client.post(
            url,
            body,
            content_type=content_type,
            timeout=timeout,
            max_bytes=max_bytes,
            headers={"Accept": "application/timestamp-reply"},
        )
    except BadScheme:
        raise TsaUnreachable(url, "scheme") from None
    except ResponseTooLarge:
        raise TsaBadAnswer(url, "too_large") from None
    except TimedOut:
        raise TsaUnreachable(url, "timeout") from None
    except HttpError as exc:
        raise TsaUnreachable(url, type(exc).__name__) from None
    if not 200 <= answer.status < 300:
        raise TsaBadAnswer(url, f"http_status {answer.status}")
    return answer.body


def _token_signature_verifies(token: cms.ContentInfo) -> bool:
    """The token's own signature (integrity only, no trust), with pyHanko's CMS checks."""
    sd = token["content"]
    signer_info = extract_signer_info(sd)
    signer_cert = signer_certificate(signer_info["sid"], embedded_certificates(sd))
    if signer_cert is None:
        return False
    content = bytes(sd["encap_content_info"]["content"])
    md = signer_info["digest_algorithm"]["algorithm"].native
    intact, valid = validate_sig_integrity(
        signer_info,
        signer_cert,
        expected_content_type="tst_info",
        actual_digest=hashlib.new(md, content).digest(),
    )
    return bool(intact and valid)


class Rfc3161TimeStamper(TimeStamper):
    """Asks `url` for RFC 3161 tokens through `post`; checks every answer before use."""

    def __init__(self, url: str, post: Post = default_post) -> None:
        super().__init__(include_nonce=True)  # type: ignore[no-untyped-call]
        self.url = url
        self._post = post

    async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
        raw = self._post(self.url, req.dump(), QUERY_TYPE)
        try:
            # parse the outer structure now (the token's insides are checked in
            # async_timestamp); `.native` on the whole answer costs seconds in asn1crypto
            response = tsp.TimeStampResp.load(raw, strict=True)
            response["status"]["status"].native  # noqa: B018
        except (ValueError, TypeError, KeyError, IndexError, OverflowError):
            raise TsaBadAnswer(self.url, "not_a_timestamp_response") from None
        return response

    async def async_timestamp(self, message_digest: bytes, md_algorithm: str) -> cms.ContentInfo:
        nonce, req = self.request_cms(message_digest, md_algorithm)  # type: ignore[no-untyped-call]
        response = await self.async_request_tsa_response(req)
        try:
            token = handle_tsp_response(response, nonce)
        except TimestampRequestError as exc:
            if response["status"]["status"].native != "granted":
                raise TsaRefused(self.url, response["status"]["status"].native) from exc
            raise TsaBadAnswer(self.url, "nonce") from exc
        except (ValueError, TypeError, KeyError, AttributeError):
            raise TsaBadAnswer(self.url, "token") from None
        try:
            info = token["content"]["encap_content_info"]["content"].parsed
            imprint = info["message_imprint"]
            asked = (md_algorithm, message_digest)
            got = (imprint["hash_algorithm"]["algorithm"].native, imprint["hashed_message"].native)
            ok = _token_signature_verifies(token)
        except (ValueError, TypeError, KeyError, AttributeError):
            raise TsaBadAnswer(self.url, "token") from None
        if got != asked:
            raise TsaBadAnswer(self.url, "imprint")
        if not ok:
            raise TsaBadAnswer(self.url, "token_signature")
        # a fresh, unparsed copy: the checks above parsed the token, and asn1crypto
        # re-serialises a parsed tree very slowly when pyHanko embeds it
        return cms.ContentInfo.load(token.dump())

    def probe(self) -> None:
        """One request over a dummy digest: a TSA that is down or broken fails here, before
        the card is touched."""
        run_sync(self.async_timestamp(hashlib.sha256(b"").digest(), "sha256"))
