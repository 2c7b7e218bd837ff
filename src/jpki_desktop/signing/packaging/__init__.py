"""Submission packages: the ASiC-E container (`asic`, `container`, streamed by `zipstream`),
encrypted as CMS AuthEnvelopedData to the agency (`envelope`), built in one pass (`package`)."""
