"""The procedure catalogue: the procedures shipped with the app (package data) plus any folder
the user or an administrator adds."""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import UnknownProcedure
from .loader import load_procedure_file
from .model import AgencyInfo, Procedure, ResolvedAgency
from .resolve import AgencyResolver, MaterialResolver

BUILTIN_PACKAGE = "jpki_desktop.resources.procedures"


def builtin_dir() -> Path:
    return Path(str(importlib.resources.files(BUILTIN_PACKAGE)))


class Catalogue:
    """Procedures by id, and the resolver that reads their agencies' material (by default
    inline and file references only; the caller injects one that knows the reference agency)."""

    def __init__(
        self, procedures: Iterable[Procedure], resolver: AgencyResolver | None = None
    ) -> None:
        self._by_id: dict[str, Procedure] = {}
        for p in procedures:
            self._by_id[p.id] = p  # later folders override earlier ones
        self.resolver: AgencyResolver = resolver or MaterialResolver()

    def resolve(self, agency: AgencyInfo) -> ResolvedAgency:
        """The agency's endpoint URL and certificates, read now (AgencyMaterialMissing)."""
        return self.resolver(agency)

    def __iter__(self) -> Iterator[Procedure]:
        return iter(sorted(self._by_id.values(), key=lambda p: p.id))

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, procedure_id: str) -> Procedure:
        try:
            return self._by_id[procedure_id]
        except KeyError:
            raise UnknownProcedure(procedure_id) from None

    def ids(self) -> list[str]:
        return sorted(self._by_id)


def load_catalogue(
    extra_dirs: Iterable[Path] = (),
    *,
    resolver: AgencyResolver | None = None,
    builtin: bool = True,
) -> Catalogue:
    """Load every `*.json` of the built-in folder, then of `extra_dirs` (same id: later wins).

    `resolver`: reads the agencies' material when asked (`Catalogue.resolve`); loading reads
    no certificate and generates nothing.
    """
    folders = ([builtin_dir()] if builtin else []) + [Path(d) for d in extra_dirs]
    procedures = []
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            procedures.append(load_procedure_file(path))
    return Catalogue(procedures, resolver)
