"""The wizard's working data (what the user chose and typed; never a PIN)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...card.pins import PinBuffer
from ...procedures import Procedure
from .backend import SignedPackage, SubmissionReceipt


@dataclass
class FlowData:
    procedure: Procedure | None = None
    values: dict[str, str] = field(default_factory=dict)
    attachments: list[Path] = field(default_factory=list)
    package: SignedPackage | None = None
    receipt: SubmissionReceipt | None = None
    saved_to: Path | None = None
    # Handed from step 4 to step 5 within one event: step 5 queues the job at once and the
    # card thread wipes the buffer. Never kept across user interaction.
    pending_pin: tuple[PinBuffer, bool] | None = None

    def discard_package(self) -> None:
        if self.package is not None:
            self.package.path.unlink(missing_ok=True)
        self.package = None
        self.receipt = None
        self.saved_to = None

    def take_pin(self) -> tuple[PinBuffer, bool] | None:
        pending, self.pending_pin = self.pending_pin, None
        return pending

    def wipe_pending_pin(self) -> None:
        pending = self.take_pin()
        if pending is not None:
            pending[0].wipe()
