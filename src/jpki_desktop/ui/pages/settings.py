"""Settings: language (switchable at run time), reader, revocation mode, endpoints and proxy.
Stored in the user's INI file; passwords and PINs are never stored."""

from __future__ import annotations

from urllib.parse import urlparse

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from ...app.card_state import CardState
from ..context import AppContext
from ..i18n import LANGUAGES
from ..settings import ProxyMode, RevocationMode
from ..theme import Tone, tone_color
from ..widgets.base import set_label_text, wrapping_label
from ..widgets.fields import labelled
from .base import Page

URL_KEYS = ("ocsp_url", "crl_url", "tsa_url", "agency_url", "proxy_url")


def valid_url(text: str) -> bool:
    if not text:
        return True
    u = urlparse(text)
    return u.scheme in ("http", "https") and bool(u.netloc)


def _name_choice(label: QLabel, combo: QComboBox, text: str, items: dict[str, str]) -> None:
    """Word a labelled choice: the label's `text` (the combo's name too), and each item's
    text by its data (the value the setting stores)."""
    set_label_text(label, text)
    for i in range(combo.count()):
        combo.setItemText(i, items[combo.itemData(i)])


class SettingsPage(Page):
    page_id = "settings"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        s = ctx.settings
        self.general = QGroupBox(self)
        self.keep_text(self.general.setTitle, lambda: self.tr("General"))
        self.language, self.language_label = labelled(QComboBox(self.general), "languageCombo")
        self.keep_label(self.language_label, lambda: self.tr("La&nguage:"))
        for code, native in LANGUAGES.items():
            self.language.addItem(native, code)
        self.reader, self.reader_label = labelled(QComboBox(self.general), "readerCombo")
        self.keep_label(self.reader_label, lambda: self.tr("Card &reader:"))
        g = QFormLayout(self.general)
        g.addRow(self.language_label, self.language)
        g.addRow(self.reader_label, self.reader)

        self.network = QGroupBox(self)
        self.keep_text(self.network.setTitle, lambda: self.tr("Validity check and network"))
        self.revocation, self.revocation_label = labelled(
            QComboBox(self.network), "revocationCombo"
        )
        for mode in RevocationMode:
            self.revocation.addItem("", mode.value)
        self.edits: dict[str, QLineEdit] = {}
        self.edit_labels: dict[str, QLabel] = {}
        self.proxy, self.proxy_label = labelled(QComboBox(self.network), "proxyCombo")
        for proxy_mode in ProxyMode:
            self.proxy.addItem("", proxy_mode.value)
        n = QFormLayout(self.network)
        n.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        n.addRow(self.revocation_label, self.revocation)
        for key in URL_KEYS:
            edit, label = labelled(QLineEdit(s.get(key), self.network), f"{key}Edit")
            edit.editingFinished.connect(lambda k=key: self._save_url(k))
            self.edits[key], self.edit_labels[key] = edit, label
            if key == "proxy_url":
                n.addRow(self.proxy_label, self.proxy)
            n.addRow(label, edit)
        self.url_error = wrapping_label(parent=self.network, name="urlError")
        self.url_error.hide()
        n.addRow(self.url_error)
        self.privacy = wrapping_label(parent=self, selectable=True)

        self._select(self.language, s.language)
        self._select(self.revocation, s.revocation_mode.value)
        self._select(self.proxy, s.proxy_mode.value)
        self.language.currentIndexChanged.connect(self._on_language)
        self.revocation.currentIndexChanged.connect(
            lambda _i: s.set("revocation_mode", self.revocation.currentData())
        )
        self.proxy.currentIndexChanged.connect(self._on_proxy)
        self.reader.currentIndexChanged.connect(self._on_reader)
        self._readers: tuple[str, ...] = ()
        self._fill_readers(ctx.service.state.readers)
        self._on_proxy()
        self.finish_layout(self.general, self.network, self.privacy)

    def title(self) -> str:
        return self.tr("Settings")

    @staticmethod
    def _select(combo: QComboBox, data: str) -> None:
        i = combo.findData(data)
        if i >= 0:
            combo.setCurrentIndex(i)

    def _on_language(self, _index: int) -> None:
        code = self.language.currentData()
        if code != self.ctx.translations.language:
            self.ctx.settings.set("language", code)
            self.ctx.translations.switch(code)

    def _on_proxy(self, _index: int = 0) -> None:
        mode = self.proxy.currentData()
        self.ctx.settings.set("proxy_mode", mode)
        self.edits["proxy_url"].setEnabled(mode == ProxyMode.MANUAL.value)

    def _on_reader(self, _index: int) -> None:
        if self.reader.signalsBlocked():
            return
        name = self.reader.currentData() or ""
        if name != self.ctx.settings.get("reader"):
            self.ctx.settings.set("reader", name)
            self.ctx.service.set_reader(name or None)

    def _save_url(self, key: str) -> None:
        text = self.edits[key].text().strip()
        if valid_url(text):
            self.ctx.settings.set(key, text)
            self.url_error.hide()
        else:
            self.url_error.setText(
                self.tr("Not saved: enter an address that starts with https:// or http://.")
            )
            self.url_error.setStyleSheet(f"color: {tone_color(self, Tone.DANGER).name()};")
            self.url_error.show()

    def _fill_readers(self, readers: tuple[str, ...]) -> None:
        chosen = self.ctx.settings.get("reader")
        names = tuple(dict.fromkeys((*readers, *([chosen] if chosen else []))))
        self._readers = names
        self.reader.blockSignals(True)
        self.reader.clear()
        self.reader.addItem(self.tr("Automatic: the first reader holding a card"), "")
        for name in names:
            self.reader.addItem(name, name)
        self._select(self.reader, chosen)
        self.reader.blockSignals(False)

    def on_state(self, state: CardState) -> None:
        if state.readers and set(state.readers) - set(self._readers):
            self._fill_readers(state.readers)

    def retranslate(self) -> None:
        super().retranslate()
        current = self.language.findData(self.ctx.translations.language)
        if current >= 0 and current != self.language.currentIndex():  # switched from the menu
            self.language.blockSignals(True)
            self.language.setCurrentIndex(current)
            self.language.blockSignals(False)
        self.reader.setItemText(0, self.tr("Automatic: the first reader holding a card"))
        _name_choice(
            self.revocation_label,
            self.revocation,
            self.tr("Re&vocation check:"),
            {
                RevocationMode.OCSP.value: self.tr("Online: OCSP responder, then CRL"),
                RevocationMode.CRL.value: self.tr("Online: download the CRL"),
                RevocationMode.OFFLINE.value: self.tr("Offline: cached CRL only"),
            },
        )
        labels = {
            "ocsp_url": self.tr("&OCSP responder:"),
            "crl_url": self.tr("CRL a&ddress:"),
            "tsa_url": self.tr("Ti&me-stamping service (RFC 3161):"),
            "agency_url": self.tr("Agency endpoin&t:"),
            "proxy_url": self.tr("Pro&xy address:"),
        }
        placeholders = {
            "ocsp_url": self.tr("As stated in the certificate"),
            "crl_url": self.tr("As stated in the certificate"),
            "tsa_url": self.tr("None: signatures carry no trusted time"),
            "agency_url": self.tr("As stated by the procedure"),
            "proxy_url": "http://proxy.example:8080",
        }
        for key in URL_KEYS:
            set_label_text(self.edit_labels[key], labels[key])
            self.edits[key].setPlaceholderText(placeholders[key])
        _name_choice(
            self.proxy_label,
            self.proxy,
            self.tr("&Proxy:"),
            {
                ProxyMode.SYSTEM.value: self.tr("Use the system settings"),
                ProxyMode.NONE.value: self.tr("No proxy"),
                ProxyMode.MANUAL.value: self.tr("Manual"),
            },
        )
        self.privacy.setText(
            self.tr("Passwords and PINs are never stored. Settings file: %1").replace(
                "%1", self.ctx.settings.file_name
            )
        )
