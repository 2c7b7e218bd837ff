"""The validity core: certificates, expiry rules, attribute changes, revocation checks, reminders.

Pure, synchronous and Qt-free; the clock is always injected (`today` / `now`). This package
never imports `jpki_desktop.card` (the card layer may import us).

* :mod:`.certificate` — ``parse_certificate(der) -> JpkiCertificate`` (kind, generation, SAN)
* :mod:`.dates` — birthdays, clamped month arithmetic, 和暦, Japan time
* :mod:`.trust` — bundled J-LIS trust anchors and CA generations
"""
