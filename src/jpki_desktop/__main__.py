"""`python -m jpki_desktop` starts the desktop app; the installed packages' launcher runs this."""

from .ui.app import main

raise SystemExit(main())
