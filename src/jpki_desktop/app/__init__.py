"""Use cases: plain functions over the core, shared by the GUI and the CLI (no Qt, no printing)."""
