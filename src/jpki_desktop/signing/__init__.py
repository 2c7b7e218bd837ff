"""Signing engine: card signatures, e-Tax-style XML, signed-then-encrypted submission packages,
and their verifier. Synchronous and Qt-free; run it on the card thread (pyHanko's coroutines are
driven with ``asyncio.run`` inside).

Stable API (other parts of jpki-desktop depend on these names):

Signers (:mod:`.signer`, :mod:`.card_signer`)
    ``RawSigner`` protocol: ``certificate``, ``chain``, ``sign_digest_info(der) -> bytes``.
    ``CardSigner.unlock(session, pin, final_try_confirmed=False)``: ONE VERIFY of the signing
    password, then reads the signing and signing-CA certificates; every format then sends one
    COMPUTE DIGITAL SIGNATURE. ``preflight(session)`` checks (without spending a try) that the
    card has a signing certificate and the password is not blocked. ``SoftwareSigner`` (tests).

Formats
    ``cades.sign_detached(content, signer, signing_time=None) -> bytes`` (DER ``.p7s``, CAdES-BES).
    ``xmldsig.sign_xml(xml, signer) -> bytes`` (enveloped XMLDSig, rsa-sha256, C14N 1.0).
    ``package.build_package(form_xml, attachments, *, procedure_id, recipient_cert, signer, output,
    recipient_id=None, submission_id=None, created_at=None, progress=None) -> PackageInfo(
    submission_id, manifest_sha256_hex, created_at, output)``: ASiC-E (``mimetype``, ``form.xml``,
    ``attachments/*``, ``META-INF/submission.xml``, ``META-INF/ASiCManifest.xml``,
    ``META-INF/signature001.p7s``) encrypted as CMS AuthEnvelopedData (AES-256-GCM,
    RSA-OAEP-SHA-256) to ``recipient_cert``; streamed; written atomically. ``recipient_id``
    defaults to the certificate's subject (RFC 4514); ``submission_id`` to a random UUID.

Verifier (:mod:`.verify`)
    ``verify_file(path, *, content=None, decrypt_key=None, decrypt_cert=None, trust_roots=(),
    revocation=Revocation(), now=None, limits=ZipLimits()) -> Verdict`` and ``verify_bytes(data,
    **same)``. Never raises for bad input. ``Verdict``: ``ok``, ``kind`` (p7s / xml / package /
    container), ``findings`` (``Finding(reason: Reason, subject)``), ``reasons``, ``inconclusive``,
    ``signer_cert``, ``signing_time``, ``submission`` (``Submission(procedure, recipient, id,
    created, recipient_cert_sha256, client)``), ``form_xml``, ``manifest_sha256_hex``,
    ``revocation_checked``, ``files``, ``to_dict()``. Empty ``trust_roots`` means the J-LIS
    signing roots bundled in ``jpki_desktop/validity/trust``. ``Revocation(mode=RevocationMode.
    NONE|SOFT|REQUIRE, crls=(), ocsps=(), fetch=False)`` (:mod:`.certcheck`).

The demo agency's TEST encryption certificate and key live with the rest of the reference
agency: ``jpki_desktop.agency.encryption_key.ensure_encryption_key()``.

Errors (:mod:`.errors`) carry data: ``SigningError`` (``UnsupportedAlgorithm``,
``SignatureCheckFailed``, ``NoSigningCertificate``, ``InvalidInput(what, subject)``,
``AttachmentChanged``, ``RecipientCertUnsuitable(reason)``) and, when opening envelopes directly,
``EnvelopeError`` (``WrongRecipient``, ``DecryptionFailed``, ``MalformedEnvelope(what)``).
"""
