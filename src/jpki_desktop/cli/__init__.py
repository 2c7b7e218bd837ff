"""The `jpki` command line: a thin client of the core."""
