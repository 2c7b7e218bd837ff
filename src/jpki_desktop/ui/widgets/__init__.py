"""Reusable widgets: PIN meter and entry, banner, step indicator, timeline."""
