"""The validity core: certificates, expiry rules, attribute changes, revocation checks, reminders.

Pure, synchronous and Qt-free; the clock is always injected (`today` / `now`). This package
never imports `jpki_desktop.card` (the card layer may import us). Results are frozen
dataclasses with `.to_json()`; enums carry machine codes, and the UI/CLI phrase them.

Stable API (for the CLI and the GUI's Expiry page):

* ``certificate.parse_certificate(der, issuers=()) -> JpkiCertificate``: kind (sign/auth/CA),
  subject, issuer, generation (2015/2019/2023/test/unknown), serial, ``valid_from``/``valid_until``
  (Japan days), CRL/OCSP URLs, and for signing certificates ``attributes`` (name, birth date +
  和暦, sex, address, substitute flags). Raises ``MalformedCertificate`` / ``NotJpkiCertificate``.
* ``expiry.evaluate(Facts, today) -> ExpiryReport`` with ``.sign``, ``.auth``, ``.card``
  ``Timeline``: state (valid / renewal_open / expired / not_issued / unknown), issued, expires,
  renewal_from, notice_from/notice_until, reminder (30 days before), days_left, limit (what
  fixed the date), source (certificate / card_face / rule), reason, ends_with_card, estimated.
  ``Facts.from_certificates(auth, sign, sign_present=..., birth_date=..., ...)`` builds the input
  from parsed certificates; ``Facts(birth_date=..., issued=...)`` works without a card.
* ``attributes.check_attributes(cert.attributes, recorded, events) -> AttributeCheck``:
  verdict (unchanged / changed / change_declared / not_compared), differing fields,
  ``sign_revoked``, ``auth_keeps_working``, actions.
* ``check.check_certificate(der, now=, endpoints=Endpoints(...), extra_roots=, cache=CrlCache(),
  offline=) -> CheckResult``: outcome (valid / revoked / invalid / unchecked), basis
  (ocsp_online / crl_online / crl_cached / none), checked_at, CRL dates, revocation time and
  reason, attempts. Network trouble never raises and never yields "valid".
* ``reminders.build_calendar(report, now=) -> bytes`` (.ics); ``reminders.reminders(report)``.

Modules: :mod:`.dates` (birthdays, clamped months, 和暦, Japan time), :mod:`.trust` (bundled
J-LIS CA certificates, generations), :mod:`.revocation` (HTTP fetch, CRL cache).
"""
