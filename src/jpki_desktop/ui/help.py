"""Offline help: what each page shows and what to do, official pages for the steps that need
the municipal office or J-LIS, and (demo mode) the demo card's passwords and demo account."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..app.demo import DEMO_PASSWORD, DEMO_PINS, DEMO_USER_ID
from ..card.pins import PinKind
from . import messages as M

translate = QCoreApplication.translate

# Official pages (no tracking parameters); the texts that link to them are translated.
JPKI_PORTAL = "https://www.jpki.go.jp/"
CARD_PORTAL = "https://www.kojinbango-card.go.jp/"
ETAX = "https://www.e-tax.nta.go.jp/"
MOJ_ONLINE = "https://www.touki-kyoutaku-online.moj.go.jp/"


def page_help(page_id: str) -> tuple[str, list[str]]:
    """(title, paragraphs) for a page; unknown pages get the general help."""
    pages = {
        "card": (
            translate("Help", "My card"),
            [
                translate(
                    "Help",
                    "Shows the reader, the card, and how many tries are left for each password. "
                    "Reading the counters never spends a try.",
                ),
                translate(
                    "Help",
                    "A blocked password cannot be unlocked here: the page says where to reset it "
                    "(the municipal office, or a convenience-store kiosk when the other password "
                    "still works).",
                ),
                translate(
                    "Help",
                    "The banner at the top shows the most urgent thing to do, for example a "
                    "certificate that expires soon.",
                ),
            ],
        ),
        "certificates": (
            translate("Help", "Certificates"),
            [
                translate(
                    "Help",
                    "The user authentication certificate is public and shown without a "
                    "password. The signing certificate holds your name, address, date of birth "
                    "and sex, so it is read only after the signing password.",
                ),
                translate(
                    "Help",
                    "Export saves a certificate as PEM or DER; the signing certificate's file "
                    "holds your personal data.",
                ),
            ],
        ),
        "expiry": (
            translate("Help", "Expiry"),
            [
                translate(
                    "Help",
                    "Both certificates expire on the fifth birthday after they were issued (never "
                    "after the card: usually its tenth birthday after issue, the fifth for those "
                    "under 18). Renewal at the municipal office opens three months before.",
                ),
                translate(
                    "Help",
                    "A move or a change of name revokes the signing certificate at once: tick "
                    "what happened to see what still works.",
                ),
                translate(
                    "Help",
                    "Dates may be typed as 1985-06-30, 1985/6/30 or in the Japanese era (S60.6.30). "
                    "Reminders can be saved to your calendar (.ics).",
                ),
            ],
        ),
        "flow": (
            translate("Help", "Apply online"),
            [
                translate(
                    "Help",
                    "Seven steps: reader and card, procedure, form, signing password, signing "
                    "and encryption, sending, and the agency's receipt.",
                ),
                translate(
                    "Help",
                    "The name, address and date of birth on the form must match your signing "
                    "certificate. Nothing is sent to the card before you type the password in "
                    "step 4.",
                ),
                translate(
                    "Help",
                    "The package is encrypted for the agency only. If sending fails it waits "
                    "in the outbox and is sent again later; the receipt is kept.",
                ),
            ],
        ),
        "sign_pdf": (
            translate("Help", "Sign PDF"),
            [
                translate(
                    "Help",
                    "Signs a PDF with your signing certificate, inside the PDF, for the Ministry "
                    "of Justice's online registration (profile 'moj', the default) or with a "
                    "trusted timestamp (PAdES, needs a time-stamping service).",
                ),
                translate(
                    "Help",
                    "Everyone who receives the signed PDF can read your name, address, date of "
                    "birth and sex from the certificate inside it.",
                ),
                translate(
                    "Help",
                    "The original PDF is never changed; a PDF that is encrypted, damaged or "
                    "certified against changes is refused before the card is used.",
                ),
            ],
        ),
        "verify": (
            translate("Help", "Verify"),
            [
                translate(
                    "Help",
                    "Open or drop a signed file (.p7s, signed XML, a submission package, a "
                    "signed PDF) to see who signed it, when, and whether the signature is valid.",
                ),
                translate(
                    "Help",
                    "'Valid, revocation not checked' means the signature is intact but nobody "
                    "asked J-LIS whether the certificate was revoked.",
                ),
            ],
        ),
        "diagnostics": (
            translate("Help", "Diagnostics"),
            [
                translate(
                    "Help",
                    "Checks the smart card service, the reader and the card, without using a "
                    "password try, and says what to do for each problem.",
                ),
                translate(
                    "Help",
                    "The report for a help desk has your personal data masked; choose its "
                    "language before saving.",
                ),
            ],
        ),
        "settings": (
            translate("Help", "Settings"),
            [
                translate(
                    "Help",
                    "Language, the reader to use, how certificates are checked for revocation, "
                    "and the network (proxy). Passwords are never stored.",
                ),
            ],
        ),
    }
    return pages.get(
        page_id,
        (
            translate("Help", "jpki-desktop"),
            [
                translate(
                    "Help", "Choose a page on the left. F1 shows help for the page you are on."
                )
            ],
        ),
    )


def official_links() -> list[tuple[str, str]]:
    return [
        (
            translate(
                "Help", "JPKI portal (J-LIS): certificates, password resets, the kiosk route"
            ),
            JPKI_PORTAL,
        ),
        (
            translate("Help", "My Number card portal: renewal, lost cards, the municipal office"),
            CARD_PORTAL,
        ),
        (translate("Help", "e-Tax (National Tax Agency)"), ETAX),
        (
            translate("Help", "Online registration and deposit system (Ministry of Justice)"),
            MOJ_ONLINE,
        ),
    ]


def demo_section() -> list[str]:
    pins = [f"{M.pin_title(kind)}: <code>{html.escape(DEMO_PINS[kind])}</code>" for kind in PinKind]
    return [
        translate(
            "Help",
            "This is the demo card: a fictitious holder and a test PKI, not issued by J-LIS.",
        ),
        "<br>".join(pins),
        translate("Help", "Demo agency service account: user ID %1, password %2 (fictitious).")
        .replace("%1", f"<code>{DEMO_USER_ID}</code>")
        .replace("%2", f"<code>{html.escape(DEMO_PASSWORD)}</code>"),
    ]


def help_html(page_id: str, *, demo: bool) -> str:
    title, paragraphs = page_help(page_id)
    parts = [f"<h2>{html.escape(title)}</h2>"]
    parts += [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    if demo:
        demo_title = translate("Help", "Demo card")
        parts.append(f"<h3>{html.escape(demo_title)}</h3>")
        parts += [f"<p>{p}</p>" for p in demo_section()]
    official = translate("Help", "Official pages")
    parts.append(f"<h3>{html.escape(official)}</h3><ul>")
    parts += [f"<li><a href='{url}'>{html.escape(text)}</a></li>" for text, url in official_links()]
    parts.append("</ul>")
    office = translate(
        "Help",
        "Steps that need the municipal office (renewal, resets, a new card) cannot be done in this app.",
    )
    parts.append(f"<p>{html.escape(office)}</p>")
    return "".join(parts)


class HelpDialog(QDialog):
    def __init__(self, page_id: str, *, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.page_id = page_id
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(help_html(page_id, demo=demo))
        title = page_help(page_id)[0]
        self.setWindowTitle(translate("Help", "Help: %1").replace("%1", title))
        self.browser.setAccessibleName(self.windowTitle())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("Help", "Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 480)
