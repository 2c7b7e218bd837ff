"""Signing engine: card signatures, e-Tax-style XML, signed-then-encrypted submission packages,
and their verifier. Synchronous and Qt-free; run it on the card thread (pyHanko's coroutines are
driven with ``asyncio.run`` inside).

Layout, by role: ``signers/`` (who signs: the card, a software key), ``formats/`` (CAdES,
XMLDSig, RFC 3161 timestamps, PDF), ``packaging/`` (the encrypted ASiC-E submission package),
``verification/`` (the verifier and its verdicts); ``errors`` is shared. Trust (anchors, path
and revocation checks) is the one trust module, ``jpki_desktop.trust``.

Stable API (other parts of jpki-desktop depend on these names):

Signers (:mod:`.signers.raw`, :mod:`.signers.card`)
    ``RawSigner`` protocol: ``certificate``, ``chain``, ``sign_digest_info(der) -> bytes``.
    ``CardSigner.unlock(session, pin, final_try_confirmed=False, now=None, crls=None)``: ONE
    VERIFY of the signing password, then reads the signing and signing-CA certificates and
    refuses (``CertificateUnusable``) a certificate expired, not yet valid or revoked by a
    current cached CRL at `now` (default: the computer's clock) before any signature; every
    format then sends one COMPUTE DIGITAL SIGNATURE. ``preflight(session, now=None)`` checks
    (without spending a try) that the card has a signing certificate, the password is not
    blocked and `now` is inside the signing CA's validity. ``SoftwareSigner`` (tests).

Formats
    ``formats.cades.sign_detached(content, signer, signing_time=None, timestamper=None) -> bytes`` (DER
    ``.p7s``, CAdES-BES; CAdES-T with a timestamper).
    ``formats.timestamp.Rfc3161TimeStamper(url, post=default_post)``: a pyHanko ``TimeStamper`` whose
    only network access is ``post(url, body, content_type) -> bytes``; ``.probe()`` before the
    card; raises ``TimestampError`` (``TsaUnreachable``, ``TsaBadAnswer``, ``TsaRefused``).
    ``formats.xmldsig.sign_xml(xml, signer) -> bytes`` (enveloped XMLDSig, rsa-sha256, C14N 1.0; on a
    signed form, a co-signature inside the previous signature's ``ds:Object``).
    ``packaging.package.build_package(form_xml, attachments, *, procedure_id, recipient_cert, signer, output,
    recipient_id=None, submission_id=None, created_at=None, progress=None, timestamper=None)
    -> PackageInfo(
    submission_id, manifest_sha256_hex, created_at, output)``: ASiC-E (``mimetype``, ``form.xml``,
    ``attachments/*``, ``META-INF/submission.xml``, ``META-INF/ASiCManifest.xml``,
    ``META-INF/signature001.p7s``) encrypted as CMS AuthEnvelopedData (AES-256-GCM,
    RSA-OAEP-SHA-256) to ``recipient_cert``; streamed; written atomically. ``recipient_id``
    defaults to the certificate's subject (RFC 4514); ``submission_id`` to a random UUID.

PDF (:mod:`.formats.pdf`)
    ``pdf.sign.sign_pdf(source, output, signer, options, timestamper=None)`` (profiles ``moj`` and
    ``pades-b-t``), ``pdf.inspect.inspect_pdf(path)`` (refusals before the card),
    ``pdf.verify.verify_pdf(path, ...)``; see ``signing/formats/pdf/__init__.py``.

Verifier (:mod:`.verification.verify`)
    ``verify_file(path, *, content=None, decrypt_key=None, decrypt_cert=None, trust_roots=(),
    revocation=Revocation(), now=None, limits=ZipLimits(), at_signing_time=False) -> Verdict`` and ``verify_bytes(data,
    **same)``. Never raises for bad input. ``Verdict``: ``ok``, ``kind`` (p7s / xml / package /
    container), ``findings`` (``Finding(reason: Reason, subject)``), ``reasons``, ``inconclusive``,
    ``signer_cert``, ``signing_time``, ``submission`` (``Submission(procedure, recipient, id,
    created, recipient_cert_sha256, client)``), ``form_xml``, ``manifest_sha256_hex``,
    ``revocation_checked``, ``files``, ``pdf_signatures`` (kind ``pdf``), ``timestamps`` (``TimestampInfo(time`` in Japan time,
    ``tsa, hash_algorithm, ok)``; each token's imprint, signature and TSA path are checked
    against the same trust roots: ``timestamp_invalid``, ``timestamp_imprint_mismatch``,
    ``timestamp_untrusted``), ``signatures`` (XML: ``SignatureInfo(index, signer, serial,
    covers, ok)`` for every co-signature, in order), ``to_dict()``. Empty ``trust_roots`` means the J-LIS
    signing roots bundled in ``jpki_desktop/trust``. ``Revocation(mode=RevocationMode.
    NONE|SOFT|REQUIRE, crls=(), ocsps=(), fetch=False)`` (:mod:`jpki_desktop.trust.context`).

The demo agency's TEST encryption certificate and key live with the rest of the reference
agency: ``jpki_desktop.agency.encryption_key.ensure_encryption_key()``.

Errors (:mod:`.errors`) carry data: ``SigningError`` (``UnsupportedAlgorithm``,
``SignatureCheckFailed``, ``NoSigningCertificate``, ``InvalidInput(what, subject)``,
``AttachmentChanged``, ``RecipientCertUnsuitable(reason)``, ``TimestampError(url, what)``,
``CertificateUnusable(problem, now, not_before, not_after, revoked_at)``) and, when opening envelopes directly,
``EnvelopeError`` (``WrongRecipient``, ``DecryptionFailed``, ``MalformedEnvelope(what)``).
"""
