"""Reader-level probes: readers found, card present, ATR, reader not locked by another program.

Everything here reads reader states (SCardGetStatusChange with a zero timeout); only the access
probe connects, once, and hands that connection to the card probes.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any

from ..card.atr import AtrKind, Interface, classify, interface_from_reader_name
from ..card.errors import CardRemoved, NoCard, ReaderBusy, TransportError
from .model import Probe, ProbeResult, Status, result

READERS = Probe("readers", "Card readers")
CARD_PRESENT = Probe("card_present", "Card in the reader")
ATR = Probe("atr", "Card type from its ATR")
ACCESS = Probe("reader_access", "Reader not locked by another program")

# PC/SC codes (the same on pcsc-lite, Windows and macOS) for cards the reader cannot talk to.
_PROTOCOL_PROBLEMS = {
    0x8010000F: "card protocol mismatch: the reader and the card found no common protocol",
    0x8010001C: "the reader cannot use this card's protocol (card unsupported)",
    0x80100066: "the card does not respond to the reader (unresponsive card)",
    0x80100067: "the reader could not power the card (unpowered card)",
    0x80100065: "the card is not supported by this reader",
}
PROTOCOL_FIX = (
    "The card's answer to reset does not follow the standard a My Number card uses, so the "
    "reader cannot talk to it. Check that this is a My Number card and that it is inserted chip "
    "first; take it out, clean the chip and insert it again, or try another reader."
)

INSERT_CARD = (
    "Insert your My Number card. Contact reader: chip first, chip side as the reader shows. "
    "Contactless reader: lay the card flat on the reader and leave it there during the check."
)


@dataclass(frozen=True)
class ReaderView:
    name: str
    present: bool
    mute: bool  # a card is in, but it does not answer
    exclusive: bool  # another program holds the reader exclusively
    in_use: bool  # another program has the card open (shared)
    atr: bytes

    @property
    def interface(self) -> Interface:
        by_name = interface_from_reader_name(self.name)
        if by_name is not Interface.UNKNOWN or not self.atr:
            return by_name
        return classify(self.atr).interface


def read_views(pcsc: ModuleType) -> list[ReaderView]:
    with pcsc.Context() as ctx:
        names = ctx.list_readers()
        states = ctx.reader_states(names) if names else {}
    return [
        ReaderView(
            name,
            bool(flags & pcsc.STATE_PRESENT),
            bool(flags & pcsc.STATE_PRESENT and flags & pcsc.STATE_MUTE),
            bool(flags & pcsc.STATE_EXCLUSIVE),
            bool(flags & pcsc.STATE_INUSE),
            atr,
        )
        for name, (flags, atr) in states.items()
    ]


def probe_readers(pcsc: ModuleType, flatpak: bool = False) -> tuple[ProbeResult, list[ReaderView]]:
    views = read_views(pcsc)
    if not views:
        fix = (
            "Connect the card reader. If it is connected, unplug it and plug it in again, "
            "preferably directly into the computer. Most USB readers need no driver on Linux and "
            "macOS; on Windows install the maker's driver if the reader came with one."
        )
        if flatpak:
            fix += " Readers are managed by pcscd on the host: check there with 'pcsc_scan'."
        return result(READERS, Status.FAIL, "No card reader was found.", fix, readers=[]), views
    described = [
        f"{v.name}" + (f" ({v.interface.value})" if v.interface is not Interface.UNKNOWN else "")
        for v in views
    ]
    detail = f"{len(views)} reader{'s' if len(views) > 1 else ''}: " + "; ".join(described) + "."
    data = [
        {"name": v.name, "interface": v.interface.value, "card_present": v.present} for v in views
    ]
    return result(READERS, Status.OK, detail, readers=data), views


def probe_card_present(
    views: list[ReaderView], wanted: str | None
) -> tuple[ProbeResult, ReaderView | None]:
    if wanted is not None:
        views = [v for v in views if v.name == wanted] or [
            v for v in views if wanted.lower() in v.name.lower()
        ]
        if not views:
            return result(
                CARD_PRESENT,
                Status.FAIL,
                f"There is no reader called '{wanted}'.",
                "Check the reader name with 'jpki readers', or leave the reader choice out.",
            ), None
    answering = [v for v in views if v.present and not v.mute]
    if answering:
        known = [v for v in answering if classify(v.atr).kind is not AtrKind.UNKNOWN]
        chosen = (known or answering)[0]
        more = f" ({len(answering)} cards in all; checking this one)" if len(answering) > 1 else ""
        return result(
            CARD_PRESENT, Status.OK, f"A card is in '{chosen.name}'{more}.", reader=chosen.name
        ), chosen
    mute = [v for v in views if v.mute]
    if mute:
        return result(
            CARD_PRESENT,
            Status.FAIL,
            f"A card is in '{mute[0].name}' but it does not answer.",
            "Take the card out and insert it again the right way round (chip first). If it "
            "still does not answer, clean the chip gently with a dry cloth or try another reader.",
            reader=mute[0].name,
        ), None
    return result(CARD_PRESENT, Status.FAIL, "No card is in the reader.", INSERT_CARD), None


def probe_atr(view: ReaderView) -> ProbeResult:
    info = classify(view.atr)
    data: dict[str, Any] = {
        "atr": info.hex,
        "kind": info.kind.value,
        "interface": info.interface.value,
        "label": info.label,
    }
    where = f" ({info.interface.value})" if info.interface is not Interface.UNKNOWN else ""
    if info.kind is AtrKind.MY_NUMBER:
        return result(ATR, Status.OK, f"Known My Number card ATR{where}, {info.label}.", **data)
    if info.kind is AtrKind.JUKI_OR_MY_NUMBER:
        return result(
            ATR,
            Status.OK,
            "ATR of a JPKI card: used by My Number cards and by the old Basic Resident "
            "Registration card (住基カード). The token check below tells which.",
            **data,
        )
    if info.kind is AtrKind.JUKI:
        return result(
            ATR,
            Status.WARN,
            f"This looks like the old Basic Resident Registration card (住基カード){where}.",
            "Its electronic certificates can no longer be used or renewed. Use your My Number card.",
            **data,
        )
    if not info.well_formed:
        return result(
            ATR,
            Status.WARN,
            "The card's answer to reset (ATR) is malformed.",
            "Take the card out and insert it again. If this persists, clean the chip or try "
            "another reader or USB port.",
            **data,
        )
    return result(
        ATR,
        Status.OK,
        f"ATR not in the table of known My Number card ATRs{where}. Newer cards and some "
        "contactless readers give other ATRs; the JPKI check below decides.",
        **data,
    )


def probe_reader_access(pcsc: ModuleType, view: ReaderView) -> tuple[ProbeResult, object | None]:
    """Connect (shared) once. Another program holding the reader exclusively makes this fail
    with a sharing violation; we report it and never stop that program."""
    busy_fix = (
        "Another program has locked the card reader: close other smart-card programs (for "
        "example a browser add-on, another My Number or e-Tax app, or a PDF signer) and run the "
        "check again. jpki-desktop never stops other programs."
    )
    try:
        transport = pcsc.PcscTransport(view.name)
    except ReaderBusy as exc:
        if exc.transaction:  # a shared connection inside a PC/SC transaction that never ended
            return result(
                ACCESS,
                Status.FAIL,
                f"'{view.name}' is in use by another program: it holds the card in a "
                "transaction and did not let go within the wait.",
                busy_fix,
                exclusive=False,
                transaction=True,
            ), None
        return result(
            ACCESS,
            Status.FAIL,
            f"'{view.name}' is in use by another program, which has locked it.",
            busy_fix,
            exclusive=True,
        ), None
    except (NoCard, CardRemoved):
        return result(
            ACCESS,
            Status.FAIL,
            "The card was taken out before the check could connect.",
            INSERT_CARD,
        ), None
    except TransportError as exc:
        problem = _PROTOCOL_PROBLEMS.get(exc.code or 0)
        if problem is not None:
            return result(
                ACCESS,
                Status.FAIL,
                f"Could not connect to the card in '{view.name}': {problem} (ATR "
                f"{view.atr.hex(' ').upper() or 'none'}).",
                PROTOCOL_FIX,
                protocol_problem=True,
                pcsc_code=f"{exc.code:#010x}",
            ), None
        return result(
            ACCESS,
            Status.FAIL,
            f"Could not connect to the card in '{view.name}' ({exc.detail or 'PC/SC error'}).",
            INSERT_CARD,
            protocol_problem=False,
            pcsc_code=f"{exc.code:#010x}" if exc.code is not None else None,
        ), None
    if view.in_use:
        return result(
            ACCESS,
            Status.OK,
            "Connected. Another program also has the card open (shared); that is fine, but close "
            "it if you see errors.",
            in_use=True,
        ), transport
    return result(
        ACCESS, Status.OK, "Connected; no other program holds the reader.", in_use=False
    ), transport
