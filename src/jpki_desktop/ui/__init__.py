"""The PySide6 desktop GUI. The only package that imports PySide6 (see tests/architecture)."""
