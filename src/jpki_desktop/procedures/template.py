"""The form's XML template: fill it (client) and read it back (agency).

A template is the form document itself, with the elements to fill marked by attributes in the
template namespace (removed on output):

    <NOZEISHA_NM t:field="name"/>           the value of field "name" becomes the element text
    <Attachments t:attachments="list">      one copy of the single child per attached file;
      <Attachment>                          inside it, t:attachment="name" / "size" elements
        <FileName t:attachment="name"/>     receive the file name and size in bytes
      </Attachment>
    </Attachments>

Values go in as element text through lxml, so escaping is never done by hand. Empty optional
fields are left out of the output.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from .errors import FormXmlError

if TYPE_CHECKING:
    from .model import Procedure

TEMPLATE_NS = "urn:x-jpki-desktop:form-template"
_FIELD = f"{{{TEMPLATE_NS}}}field"
_ATTACHMENTS = f"{{{TEMPLATE_NS}}}attachments"
_ATTACHMENT = f"{{{TEMPLATE_NS}}}attachment"
MAX_FORM_BYTES = 2 * 1024 * 1024


def safe_parser() -> etree.XMLParser:
    """No DTDs, no entity expansion, no network: received XML is untrusted."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
    )


def parse_untrusted(data: bytes) -> etree._Element:
    if len(data) > MAX_FORM_BYTES:
        raise FormXmlError("too-large", str(len(data)))
    try:
        tree = etree.fromstring(data, safe_parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        raise FormXmlError("not-well-formed", str(exc.msg)) from None
    if tree.docinfo.doctype:
        raise FormXmlError("doctype-not-allowed")
    return tree.getroot()


@dataclass(frozen=True)
class AttachmentEntry:
    name: str
    size: int


class FormTemplate:
    def __init__(self, template_xml: str, namespace: str, field_ids: set[str]) -> None:
        try:
            self.root = etree.fromstring(template_xml.encode("utf-8"), safe_parser())
        except etree.XMLSyntaxError as exc:
            raise ValueError(f"template not well-formed: {exc.msg}") from None
        if etree.QName(self.root).namespace != namespace:
            raise ValueError("template root is not in the procedure namespace")
        self.paths: dict[str, str] = {}
        for el in self.root.iter():
            fid = el.get(_FIELD)
            if fid is None:
                continue
            if fid not in field_ids:
                raise ValueError(f"template refers to unknown field {fid!r}")
            if fid in self.paths:
                raise ValueError(f"field {fid!r} appears twice in the template")
            if len(el):
                raise ValueError(f"field element for {fid!r} has children")
            self.paths[fid] = self._path(el)
        missing = field_ids - set(self.paths)
        if missing:
            raise ValueError(f"fields not in the template: {sorted(missing)}")
        lists = [el for el in self.root.iter() if el.get(_ATTACHMENTS) is not None]
        if len(lists) > 1 or (lists and len(lists[0]) != 1):
            raise ValueError("t:attachments needs exactly one element with one child")
        self.attachment_list_path = self._path(lists[0]) if lists else None

    @classmethod
    def for_procedure(cls, procedure: Procedure) -> FormTemplate:
        return cls(procedure.template, procedure.namespace, {f.id for f in procedure.fields})

    def _path(self, el: etree._Element) -> str:
        parts = []
        while el is not self.root:
            parts.append(el.tag)
            el = el.getparent()
        return "/".join(reversed(parts)) or "."

    # -- client side ---------------------------------------------------------------------

    def render(self, values: dict[str, str], attachments: list[AttachmentEntry] = ()) -> bytes:  # type: ignore[assignment]
        root = copy.deepcopy(self.root)
        for el in list(root.iter()):
            fid = el.get(_FIELD)
            if fid is None:
                continue
            value = values.get(fid, "")
            if value == "":
                el.getparent().remove(el)
                continue
            el.text = value
            del el.attrib[_FIELD]
        for lst in [el for el in root.iter() if el.get(_ATTACHMENTS) is not None]:
            proto = lst[0]
            lst.remove(proto)
            del lst.attrib[_ATTACHMENTS]
            for att in attachments:
                item = copy.deepcopy(proto)
                for slot in list(item.iter()):
                    kind = slot.get(_ATTACHMENT)
                    if kind is None:
                        continue
                    slot.text = att.name if kind == "name" else str(att.size)
                    del slot.attrib[_ATTACHMENT]
                lst.append(item)
            if not attachments:
                lst.getparent().remove(lst)
        etree.cleanup_namespaces(root)
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))

    # -- agency side ---------------------------------------------------------------------

    def extract(self, form_xml: bytes) -> tuple[dict[str, str], list[AttachmentEntry]]:
        """Read the field values (and attachment list) from a received form."""
        root = parse_untrusted(form_xml)
        if root.tag != self.root.tag:
            raise FormXmlError("wrong-root", str(root.tag))
        values = {}
        for fid, path in self.paths.items():
            found = root.findall(path)
            if len(found) > 1:
                raise FormXmlError("field-repeated", fid)
            values[fid] = (found[0].text or "") if found else ""
        entries: list[AttachmentEntry] = []
        if self.attachment_list_path is not None:
            lst = root.find(self.attachment_list_path)
            proto = self.root.find(self.attachment_list_path)[0]
            slots = {
                el.get(_ATTACHMENT): self._relative(proto, el)
                for el in proto.iter()
                if el.get(_ATTACHMENT)
            }
            for item in lst if lst is not None else []:
                name = item.findtext(slots.get("name", "")) if "name" in slots else ""
                size = item.findtext(slots.get("size", "")) if "size" in slots else "0"
                try:
                    entries.append(AttachmentEntry(name or "", int(size or "0")))
                except ValueError:
                    raise FormXmlError("bad-attachment-size", name or "") from None
        return values, entries

    @staticmethod
    def _relative(top: etree._Element, el: etree._Element) -> str:
        parts = []
        while el is not top:
            parts.append(el.tag)
            el = el.getparent()
        return "/".join(reversed(parts)) or "."
