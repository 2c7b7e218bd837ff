#!/usr/bin/env python3
"""Render every page of the GUI in Japanese and English at 100% and 200% into docs/screenshots/.

    xvfb-run -a -s "-screen 0 2600x2000x24" .venv/bin/python scripts/screenshots.py

Runs on the demo card and the local reference agency (fresh, in a temporary directory), so the
pictures never show a real person's data. Each scale runs in its own process because Qt reads
QT_SCALE_FACTOR once. `--dark` adds the home page and the wizard with a dark palette.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (1000, 720)


def spin(app, seconds: float, until=None) -> None:  # noqa: ANN001
    end = time.monotonic() + seconds
    while time.monotonic() < end and not (until and until()):
        app.processEvents()
        time.sleep(0.005)


def render(scale: str, dark: bool) -> None:
    from PySide6.QtWidgets import QApplication

    from jpki_desktop.ui.app import Options, build, ensure_application, shutdown
    from jpki_desktop.ui.settings import Settings
    from jpki_desktop.ui.theme import dark_palette

    app = ensure_application()
    app.setStyle("Fusion")
    settings = Settings(str(Path(os.environ["JPKI_SHOT_DIR"]) / "settings.ini"))
    window, ctx = build(Options(demo=True, language="ja"), settings=settings)
    window.resize(*SIZE)
    window.show()
    spin(app, 15, lambda: ctx.service.state.ready and ctx.demo_agency is not None)
    spin(app, 0.5)
    prepare(app, window, ctx)
    suffix = f"{scale.replace('.', '')}x"
    for lang in ("ja", "en"):
        ctx.translations.switch(lang)
        spin(app, 0.3)
        for page in window.pages:
            window.show_page(page.page_id)
            if page.page_id == "flow":
                for step, name in ((2, "flow-form"), (6, "flow-receipt")):
                    page.stack.setCurrentIndex(step)
                    page.index = step
                    page._update_buttons()
                    spin(app, 0.2)
                    save(window, f"{name}-{lang}-{suffix}")
                continue
            spin(app, 0.2)
            save(window, f"{page.page_id}-{lang}-{suffix}")
        window.show_page("card")
        spin(app, 0.1)
    if dark:
        app.setPalette(dark_palette())
        for w in QApplication.allWidgets():
            w.setPalette(dark_palette())
        ctx.translations.switch("ja")
        spin(app, 0.3)
        for page in window.pages:
            page.retranslate()  # colours drawn from the palette
        for page_id in ("card", "flow"):
            window.show_page(page_id)
            spin(app, 0.2)
            save(window, f"{page_id}-ja-dark-{suffix}")
    shutdown(ctx)


def prepare(app, window, ctx) -> None:  # noqa: ANN001
    """Something on every page: the signing certificate read, a filled form, a receipt, a
    verified file and a diagnosis."""
    from jpki_desktop.card.jpki import CertSlot

    certs = window.page("certificates")
    certs.select(CertSlot.SIGN)
    certs.ask_for_sign_cert()
    dlg = next(w for w in app.topLevelWidgets() if w.objectName() == "pinDialog" and w.isVisible())
    dlg.entry.edit.setText("ABC123")
    dlg._on_ok()
    spin(app, 10, lambda: ctx.session.sign_cert is not None)
    expiry = window.page("expiry")
    expiry.card_face.setText("2034-06-30")
    expiry.recompute()
    flow = window.page("flow")
    flow.go_next()
    spin(app, 0.3)
    flow.steps[1].select("demo.city.change-of-address")
    flow.go_next()
    spin(app, 0.3)
    form = flow.steps[2]
    form.fill_from_certificate()
    form.set_values(
        {
            "phone": "03-1234-5678",
            "move_date": ctx.today().isoformat(),
            "new_postal_code": "100-0002",
            "new_address": "東京都千代田区新町一丁目1番1号",
            "members": "1",
        }
    )
    flow.go_next()
    spin(app, 0.3)
    flow.steps[3].entry.edit.setText("ABC123")
    flow.go_next()
    spin(app, 15, lambda: flow.data.package is not None)
    package = flow.data.package.path
    flow.go_next()
    spin(app, 0.3)
    flow.go_next()
    spin(app, 20, lambda: flow.index == 6)
    verify = window.page("verify")
    verify.verify(str(package))
    spin(app, 10, lambda: verify.verdict is not None)
    diag = window.page("diagnostics")
    diag.run()
    spin(app, 20, lambda: diag.diagnosis is not None)


def save(window, name: str) -> None:  # noqa: ANN001
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    window.grab().save(str(path), "PNG", 0)  # 0: smallest file
    print(path.relative_to(ROOT))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scale", help="internal: render at one scale factor in this process")
    p.add_argument(
        "--dark",
        action="store_true",
        help="also render the home page and the wizard in a dark palette",
    )
    a = p.parse_args()
    if a.scale:
        render(a.scale, a.dark)
        return 0
    for scale in ("1", "2"):
        with tempfile.TemporaryDirectory(prefix="jpki-shots-") as tmp:
            env = dict(
                os.environ,
                QT_SCALE_FACTOR=scale,
                JPKI_SHOT_DIR=tmp,
                JPKI_DEMO_STATE=str(Path(tmp) / "demo-card"),
                JPKI_DEMO_AGENCY=str(Path(tmp) / "demo-agency"),
                XDG_DATA_HOME=str(Path(tmp) / "data"),
                XDG_CONFIG_HOME=str(Path(tmp) / "config"),
                XDG_CACHE_HOME=str(Path(tmp) / "cache"),
            )
            env.pop("QT_QPA_PLATFORM", None) if os.environ.get("DISPLAY") else None
            args = [sys.executable, __file__, "--scale", scale] + (
                ["--dark"] if a.dark and scale == "1" else []
            )
            subprocess.run(args, env=env, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
