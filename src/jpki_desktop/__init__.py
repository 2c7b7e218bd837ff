"""jpki-desktop: a desktop client for the My Number card and JPKI."""

__version__ = "0.1.0"
APP_NAME = "jpki-desktop"
