"""The one primitive every format is built on: a DER DigestInfo in, a PKCS#1 v1.5 signature out.

:class:`RawSigner` is what the formats need; :class:`~.card_signer.CardSigner` is the adapter
for a JPKI card session and :class:`SoftwareSigner` holds a key in memory (tests, demo agency).
Every signature is verified with the certificate's public key before it is used, which catches
a key/certificate mismatch (wrong card, wrong slot) before anything is written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed

from ...card.jpki import DIGEST_INFO_PREFIX, digest_info
from ..errors import SignatureCheckFailed, UnsupportedAlgorithm

ALLOWED_DIGESTS = ("sha256", "sha384", "sha512")
_HASHES: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}
# the software signer also signs SHA-1 DigestInfos: tests need weak signatures to reject
_ALL_HASHES: dict[str, Callable[[], hashes.HashAlgorithm]] = {**_HASHES, "sha1": hashes.SHA1}


@runtime_checkable
class RawSigner(Protocol):
    """Signs a host-built DigestInfo with RSA PKCS#1 v1.5 (what COMPUTE DIGITAL SIGNATURE does)."""

    @property
    def certificate(self) -> x509.Certificate:
        """The signer's certificate (needed before signing: signing-certificate-v2 hashes it)."""
        ...

    @property
    def chain(self) -> Sequence[x509.Certificate]:
        """Issuing CA certificates to embed, nearest first (may be empty)."""
        ...

    def sign_digest_info(self, digest_info_der: bytes) -> bytes: ...


class SignerBase:
    """What every :class:`RawSigner` here holds: its certificate, the chain, and a count of the
    signatures made (tests assert one COMPUTE DIGITAL SIGNATURE per format). Subclasses sign in
    :meth:`_sign`."""

    def __init__(
        self, certificate: x509.Certificate, chain: Sequence[x509.Certificate] = ()
    ) -> None:
        self._certificate = certificate
        self._chain = tuple(chain)
        self.signatures = 0

    @property
    def certificate(self) -> x509.Certificate:
        return self._certificate

    @property
    def chain(self) -> Sequence[x509.Certificate]:
        return self._chain

    def sign_digest_info(self, digest_info_der: bytes) -> bytes:
        self.signatures += 1
        return self._sign(digest_info_der)

    def _sign(self, digest_info_der: bytes) -> bytes:
        raise NotImplementedError


class SoftwareSigner(SignerBase):
    """A :class:`RawSigner` with the key in memory. For tests and the demo agency only."""

    def __init__(
        self,
        key: rsa.RSAPrivateKey,
        certificate: x509.Certificate,
        chain: Sequence[x509.Certificate] = (),
    ) -> None:
        super().__init__(certificate, chain)
        self._key = key

    def _sign(self, digest_info_der: bytes) -> bytes:
        for name, prefix in DIGEST_INFO_PREFIX.items():
            if digest_info_der.startswith(prefix) and name in _ALL_HASHES:
                digest = digest_info_der[len(prefix) :]
                algorithm = _ALL_HASHES[name]()
                return self._key.sign(digest, padding.PKCS1v15(), Prehashed(algorithm))
        raise UnsupportedAlgorithm("unknown DigestInfo")


def sign_digest(signer: RawSigner, hash_name: str, digest: bytes) -> bytes:
    """Sign a precomputed digest and check the result with the certificate's public key."""
    if hash_name not in ALLOWED_DIGESTS:
        raise UnsupportedAlgorithm(hash_name)
    signature = signer.sign_digest_info(digest_info(hash_name, digest))
    public_key = signer.certificate.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise UnsupportedAlgorithm("non-RSA certificate")
    try:
        public_key.verify(signature, digest, padding.PKCS1v15(), Prehashed(_HASHES[hash_name]()))
    except InvalidSignature:
        raise SignatureCheckFailed() from None
    return signature


def sign_data(signer: RawSigner, hash_name: str, data: bytes) -> bytes:
    """Hash `data` here, sign the DigestInfo on the signer (the key never leaves it)."""
    if hash_name not in ALLOWED_DIGESTS:
        raise UnsupportedAlgorithm(hash_name)
    return sign_digest(signer, hash_name, hashlib.new(hash_name, data).digest())
