"""Qt-native translations: Japanese by default, English complete, switchable at run time.

Source strings are English; `i18n/jpki_desktop_<lang>.qm` holds the translations (compiled
from the `.ts` files next to them by `pyside6-lrelease`). Installing a translator makes Qt send
`QEvent.LanguageChange` to every widget, which then sets its kept texts again and calls its
`retranslate()` (widgets/base.py).

After changing user-visible strings (tests/ui/test_i18n.py checks this)::

    cd src/jpki_desktop/ui
    ../../../.venv/bin/pyside6-lupdate $(find . -name '*.py') -ts i18n/jpki_desktop_ja.ts i18n/jpki_desktop_en.ts
    # translate the new entries (Qt Linguist: .venv/bin/pyside6-linguist), then
    ../../../.venv/bin/pyside6-lrelease i18n/jpki_desktop_ja.ts i18n/jpki_desktop_en.ts
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

logger = logging.getLogger(__name__)

I18N_DIR = Path(__file__).parent / "i18n"
DEFAULT_LANGUAGE = "ja"
# Each language is named in its own script so a user who cannot read the current one finds theirs.
LANGUAGES = {"ja": "日本語", "en": "English"}
TRANSLATOR_NAME = "jpki-desktop-translator"


class PseudoTranslator(QTranslator):
    """Wraps every translatable string in ⟦…⟧ (tests: text without the marks did not go
    through tr()) and stretches it by 40% (layouts must survive longer translations)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if not source:
            return source
        pad = "～" * max(1, len(source) * 2 // 5)
        return f"⟦{source}{pad}⟧"

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False


class Translations:
    """Owns the installed translators; `switch(lang)` replaces them."""

    def __init__(self) -> None:
        self.language = ""
        self._installed: list[QTranslator] = []

    def switch(self, language: str) -> str:
        if language not in LANGUAGES and language != "pseudo":
            language = DEFAULT_LANGUAGE
        app = QCoreApplication.instance()
        assert app is not None
        # The translators are the application's, not this object's: remove every one we ever
        # installed (another window, or an earlier test, may have installed them).
        # (children(), not findChildren(): they are the app's own, and findChildren costs ~15 ms
        # of the first window's start-up)
        for tr in app.children():
            if isinstance(tr, QTranslator) and tr.objectName() == TRANSLATOR_NAME:
                app.removeTranslator(tr)
                tr.deleteLater()
                tr.setObjectName("")
        self._installed.clear()
        if language == "pseudo":
            self._install(app, PseudoTranslator(app))
        else:
            ours = QTranslator(app)
            if ours.load(str(I18N_DIR / f"jpki_desktop_{language}.qm")):
                self._install(app, ours)
            else:
                logger.warning("no translation file for %s", language)
            qt = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(QLocale(language), "qtbase", "_", qt_dir):
                self._install(app, qt)
        QLocale.setDefault(
            QLocale(QLocale.Language.Japanese if language == "ja" else QLocale.Language.English)
        )
        self.language = language
        return language

    def _install(self, app: QCoreApplication, translator: QTranslator) -> None:
        translator.setObjectName(TRANSLATOR_NAME)
        app.installTranslator(translator)
        self._installed.append(translator)
