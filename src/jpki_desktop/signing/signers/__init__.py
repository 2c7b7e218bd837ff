"""Who signs: the `RawSigner` protocol and its software implementation (`raw`), the card
(`card`: one VERIFY, then one COMPUTE DIGITAL SIGNATURE per format), and the check that the
signing certificate can still make a valid signature (`cert_usable`)."""
