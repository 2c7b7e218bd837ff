"""PDF signatures with the card, and their verifier. Synchronous and Qt-free.

Signing (:mod:`.sign`)
    ``sign_pdf(source, output, signer, options=PdfSignOptions(), *, timestamper=None, now=None)
    -> PdfSignResult(output, field_name, profile, signing_time, signatures_before, size)``.
    ``PdfSignOptions(profile=Profile.MOJ | Profile.PADES_B_T, visible=VisibleStamp | None,
    reason=None, location=None)``; ``parse_visible("PAGE:X1,Y1,X2,Y2")`` (:mod:`.stamp`). One
    ``sign_digest_info`` per signature; output via ``fileio.atomic_output``; an already signed PDF
    gets one more signature as an incremental update (co-signature).
Profiles (:mod:`.profiles`)
    ``moj``: /adbe.pkcs7.detached, sha256WithRSAEncryption, signed attributes content-type,
    message-digest and signing-time only, /Name = the certificate's CN, /M with a zone, nothing
    after the signature. ``pades-b-t``: /ETSI.CAdES.detached, signing-certificate-v2, RFC 3161
    signature timestamp from a pyHanko ``TimeStamper``.
Refusals (:mod:`.inspect`)
    ``inspect_pdf(path) -> PdfInfo(size, pages, signatures, certified, first_page)``; raises
    ``errors.PdfRefused(reason)`` for ``not_pdf``, ``damaged``, ``encrypted``,
    ``certified_no_changes`` (and ``page_out_of_range`` / ``bad_box`` for a stamp).
Verifying (:mod:`.verify`)
    ``verify_pdf(path, *, trust_roots=(), revocation=None, now=None) -> Verdict`` (kind ``pdf``,
    ``pdf_signatures``: one ``PdfSignatureReport`` per signature, in order). Also reached through
    ``signing.verification.verify.verify_file``. The ValidationContext comes from ``trust.validation_context``.
"""
