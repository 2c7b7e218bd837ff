"""The one trust module: anchors, validation contexts, path checks, conversions, reasons.

    anchors     the bundled J-LIS CA certificates (fingerprint-checked on load), CA naming
    context     trust_roots(), validation_context() (the one certvalidator factory),
                Revocation / RevocationMode
    paths       TrustContext, validate_path(cert, usage, at_time, context) -> [Finding]
    fetchers    CRL/OCSP fetching for certvalidator through the one HTTP client (net.http)
    convert     cryptography <-> asn1crypto <-> DER/PEM
    aio         run_sync(): pyHanko's coroutines from synchronous code
    reasons     Reason, Finding: the vocabulary every verdict and check uses

Shared by the verifier (signing/verification/verify.py), the own-certificate check (validity/check.py)
and timestamp-token checks. Qt-free, synchronous, no card access.
"""
