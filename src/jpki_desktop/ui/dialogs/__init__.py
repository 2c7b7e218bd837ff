"""Dialogs. All open with `open()` (window-modal, no nested event loop) and report by signal."""
