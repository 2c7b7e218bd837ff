"""The reference agency as the source of `@demo/...` references in procedure files: a caller
that wants the shipped demo procedures to work passes `reference_resolver()` to
`procedures.load_catalogue(resolver=...)` (the CLI and the GUI do)."""

from __future__ import annotations

from pathlib import Path

from ..procedures.resolve import MaterialResolver
from .keys import ensure_key_files, key_path
from .location import default_demo_agency_dir, demo_base_url


class ReferenceAgencyMaterial:
    """`procedures.resolve.ReferenceMaterial` for the demo agency in `directory` (default:
    `$JPKI_DEMO_AGENCY` or the user data directory, looked up when first needed). Its keys are
    generated on first read, as a real agency's would exist before anyone submits to it."""

    def __init__(self, directory: Path | None = None) -> None:
        self._directory = directory

    @property
    def directory(self) -> Path:
        return self._directory or default_demo_agency_dir()

    def base_url(self) -> str:
        return demo_base_url(self.directory)

    def read(self, name: str) -> bytes:
        if "/" in name or "\\" in name or name.startswith("."):
            raise FileNotFoundError(name)
        return key_path(ensure_key_files(self.directory), name).read_bytes()


def reference_resolver(directory: Path | None = None) -> MaterialResolver:
    """A resolver for procedure files that also knows the reference agency's material."""
    return MaterialResolver(ReferenceAgencyMaterial(directory))
