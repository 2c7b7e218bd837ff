"""What a signature looks like: CAdES detached (`cades`), enveloped XMLDSig with co-signatures
(`xmldsig`, parsed safely by `xmlsafe`), RFC 3161 timestamps (`timestamp`) and signed PDFs
(`pdf`: signing, refusals before the card, and the PDF verifier)."""
