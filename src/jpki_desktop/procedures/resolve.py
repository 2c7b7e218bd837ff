"""Turn an agency as declared (`AgencyInfo`) into one with its material read (`ResolvedAgency`).

Inline PEM and files next to the procedure are read here. `@demo/...` references belong to
the reference (demo) agency, which this package knows nothing about: the caller injects its
material source (`jpki_desktop.agency.resolver.reference_resolver()` does), and without one
such a reference is `AgencyMaterialMissing`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from cryptography import x509

from .errors import AgencyMaterialMissing
from .model import REFERENCE_PREFIX, AgencyInfo, MaterialRef, RefKind, ResolvedAgency


class ReferenceMaterial(Protocol):
    """What the reference agency supplies for `@demo` references."""

    def base_url(self) -> str:
        """Where it listens now, e.g. https://127.0.0.1:47443."""
        ...

    def read(self, name: str) -> bytes:
        """A PEM file of its material by name ("agency.pem"); OSError if there is none."""
        ...


class AgencyResolver(Protocol):
    def __call__(self, agency: AgencyInfo) -> ResolvedAgency: ...


class MaterialResolver:
    """The resolver: reads inline and file references, and `@demo` ones from `reference`.

    Nothing is cached: the endpoint of a reference agency started on port 0 changes, and the
    few small files are cheap to read when a package is built or sent."""

    def __init__(self, reference: ReferenceMaterial | None = None) -> None:
        self.reference = reference

    def __call__(self, agency: AgencyInfo) -> ResolvedAgency:
        return ResolvedAgency(
            info=agency,
            endpoint_url=self.endpoint_url(agency),
            encryption_cert=self.certificate("encryption", agency.encryption_cert),
            receipt_cert=self.certificate("receipt", agency.receipt_cert),
            tls_ca_pem=None if agency.tls_ca is None else self.pem("tls-ca", agency.tls_ca),
        )

    def endpoint_url(self, agency: AgencyInfo) -> str:
        if not agency.endpoint.startswith(REFERENCE_PREFIX):
            return agency.endpoint
        if self.reference is None:
            raise AgencyMaterialMissing("endpoint", agency.endpoint)
        path = agency.endpoint[len(REFERENCE_PREFIX) :].lstrip("/")
        return self.reference.base_url().rstrip("/") + "/" + path

    def pem(self, what: str, ref: MaterialRef) -> bytes:
        if ref.kind is RefKind.INLINE:
            return ref.value.encode("ascii", "replace")
        try:
            if ref.kind is RefKind.REFERENCE:
                if self.reference is None:
                    raise AgencyMaterialMissing(what, str(ref))
                return self.reference.read(ref.value)
            return Path(ref.value).read_bytes()
        except OSError:
            raise AgencyMaterialMissing(what, str(ref)) from None

    def certificate(self, what: str, ref: MaterialRef) -> x509.Certificate:
        try:
            return x509.load_pem_x509_certificate(self.pem(what, ref))
        except ValueError:
            raise AgencyMaterialMissing(what, str(ref)) from None
