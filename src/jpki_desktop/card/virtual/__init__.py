"""The virtual JPKI card: part of the product (`--demo`, tests, screenshots).

`pki` generates a test PKI with the JPKI certificate profile, `card` is the APDU state machine,
`store` persists it, `transport` plugs it in-process and `vpcd` inserts it into a real pcscd.
"""
