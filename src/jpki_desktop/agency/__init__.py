"""The reference (demo) agency, all of it: what a receiving agency does with a package, for the
demo and the tests. Never a production service; everything it makes says DEMO.

    location        its data directory and the URL file a running agency announces itself in
    encryption_key  the certificate packages are encrypted to (`jpki --demo package`)
    keys            receipt-signing key, TLS CA and server certificate (`DemoAgencyKeys`)
    resolver        `@demo/...` references of procedure files (`reference_resolver()`)
    opener          decrypt + verify a received package (the signing engine's verifier)
    applicant       the form's applicant against the signing certificate's attributes
    accounts        service accounts (user id + password hash)
    records         what it accepted and rejected, idempotency keys, receipt numbers
    service         `ReferenceAgency`: the decisions, and the signed answers
    server          `start_agency()`: HTTPS on 127.0.0.1 in a thread (`RunningAgency`)
"""
