"""Detached CAdES-BES (or, with a TSA, CAdES-T) signatures (``.p7s``) built by pyHanko around
a :class:`RawSigner`.

Signed attributes: content-type, message-digest, signing-time, signing-certificate-v2. The
signer certificate and its CA certificates are embedded. pyHanko hashes the content and the
DER SET of signed attributes; the signer only ever sees one DigestInfo.
"""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes, Signer
from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from ...trust.aio import run_sync
from ...trust.convert import to_asn1
from ..errors import UnsupportedAlgorithm
from ..signers.raw import ALLOWED_DIGESTS, RawSigner, sign_data


class RawSignerAdapter(Signer):
    """pyHanko's extension point: only ``async_sign_raw`` is ours. It calls the (blocking)
    signer directly: the caller already runs on the card thread (house style 5.4 #9)."""

    def __init__(self, raw: RawSigner) -> None:
        super().__init__(
            signing_cert=to_asn1(raw.certificate),
            # pyhanko-certvalidator leaves from_certs unannotated
            cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
                [to_asn1(c) for c in raw.chain]
            ),
            embed_roots=True,
        )
        self._raw = raw

    async def async_sign_raw(
        self, data: bytes, digest_algorithm: str, dry_run: bool = False
    ) -> bytes:
        if dry_run:
            return bytes(self._raw.certificate.public_key().key_size // 8)  # type: ignore[union-attr]
        return sign_data(self._raw, digest_algorithm, data)


def sign_detached(
    content: bytes | BinaryIO,
    signer: RawSigner,
    *,
    signing_time: dt.datetime | None = None,
    digest_algorithm: str = "sha256",
    timestamper: TimeStamper | None = None,
) -> bytes:
    """DER ContentInfo(SignedData) without the content. `content` may be a binary stream; it is
    hashed in chunks and never held in memory as a whole.

    With a `timestamper` (CAdES-T) the signature value is sent to the TSA after the card has
    signed, and the token becomes the id-aa-signatureTimeStampToken unsigned attribute; a TSA
    failure raises :class:`~.errors.TimestampError` and no signature is returned."""
    if digest_algorithm not in ALLOWED_DIGESTS:
        raise UnsupportedAlgorithm(digest_algorithm)
    when = signing_time or dt.datetime.now(dt.UTC)
    adapter = RawSignerAdapter(signer)
    info = run_sync(
        adapter.async_sign_general_data(
            content,
            digest_algorithm,
            detached=True,
            use_cades=True,
            signed_attr_settings=PdfCMSSignedAttributes(signing_time=when),
            chunk_size=1024 * 1024,
            timestamper=timestamper,
        )
    )
    return bytes(info.dump())
