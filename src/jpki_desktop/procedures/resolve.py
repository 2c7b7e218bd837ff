"""Resolve an agency's references: inline PEM, a file next to the procedure, or `@demo/...`
(the reference agency's generated material in the user data directory)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import AgencyMaterialMissing

if TYPE_CHECKING:
    from cryptography import x509

    from .model import Agency

DEMO_PREFIX = "@demo"


def _demo_path(agency: Agency, name: str) -> Path:
    from ..agency.keys import ensure_demo_agency

    return ensure_demo_agency(agency.demo_dir).path(name)


def resolve_endpoint(agency: Agency) -> str:
    ref = agency.endpoint
    if not ref.startswith(DEMO_PREFIX):
        return ref
    from ..agency.keys import demo_base_url

    base = demo_base_url(agency.demo_dir)
    return base.rstrip("/") + "/" + ref[len(DEMO_PREFIX) :].lstrip("/")


def load_pem(agency: Agency, what: str, ref: str) -> bytes:
    key = f"pem:{what}"
    cached = agency._cache.get(key)
    if isinstance(cached, bytes):
        return cached
    if ref.lstrip().startswith("-----BEGIN"):
        data = ref.encode("ascii")
    else:
        if ref.startswith(DEMO_PREFIX + "/"):
            path = _demo_path(agency, ref[len(DEMO_PREFIX) + 1 :])
        else:
            path = Path(ref)
            if not path.is_absolute() and agency.base_dir is not None:
                path = agency.base_dir / path
        try:
            data = path.read_bytes()
        except OSError:
            raise AgencyMaterialMissing(what, ref) from None
    agency._cache[key] = data
    return data


def load_cert(agency: Agency, what: str, ref: str) -> x509.Certificate:
    from cryptography import x509

    try:
        return x509.load_pem_x509_certificate(load_pem(agency, what, ref))
    except ValueError:
        raise AgencyMaterialMissing(what, ref) from None
