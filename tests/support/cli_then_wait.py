"""Run `jpki ARGS...` in this process, print "::done:: RC", then wait for one byte on standard
input before exiting, so another process can inspect this one's memory after the command."""

from __future__ import annotations

import os
import sys

from jpki_desktop.cli.main import main

rc = main(sys.argv[1:])
sys.stdout.flush()
os.write(1, f"\n::done:: {rc}\n".encode())
os.read(0, 1)
raise SystemExit(rc)
