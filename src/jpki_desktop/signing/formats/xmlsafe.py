"""Parsing untrusted XML: no DTDs, no entities, no network, bounded size."""

from __future__ import annotations

from lxml import etree

MAX_XML_BYTES = 64 * 1024 * 1024


class UnsafeXml(ValueError):
    """Not well-formed, too large, or carries a DOCTYPE (entity expansion, external fetches)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def parse_xml(data: bytes, *, max_bytes: int = MAX_XML_BYTES) -> etree._Element:
    if len(data) > max_bytes:
        raise UnsafeXml("too_large")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise UnsafeXml("not_well_formed") from None
    tree = root.getroottree()
    if tree.docinfo.doctype:
        raise UnsafeXml("doctype")
    return root
