"""`jpki procedures [list | show ID | fill ID --set FIELD=VALUE ... -o form.xml]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ...app.procedures import catalogue as load_catalogue
from ...app.procedures import fill, write_form
from ...procedures.catalogue import Catalogue
from ...procedures.errors import FormInvalid
from ...procedures.model import Procedure
from .. import exitcodes as X
from ..common import add_list_option, add_output_option, emit
from ..sentences import aside


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("procedures", help="list procedures, show their forms, fill a form")
    p.add_argument(
        "--lang", choices=["ja", "en"], default="en", help="language of names and messages"
    )
    add_list_option(p, "--dir", "DIR", "also load procedure files from DIR", type=Path)
    # --lang is accepted before or after the action
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument(
        "--lang", choices=["ja", "en"], default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("list", help="list the procedures (default)", parents=[lang])
    show = actions.add_parser("show", help="the form fields of one procedure", parents=[lang])
    show.add_argument("id", help="the procedure's ID, as 'jpki procedures list' shows it")
    fill = actions.add_parser(
        "fill", help="validate form data and write the form XML", parents=[lang]
    )
    fill.add_argument("id", help="the procedure's ID, as 'jpki procedures list' shows it")
    add_list_option(fill, "--set", "FIELD=VALUE", "one field value")
    fill.add_argument("--values", type=Path, help="a JSON object of field values")
    add_list_option(fill, "--attach", "FILE", "an attachment", type=Path)
    add_output_option(
        fill, "the form XML", metavar="FORM.xml", default="standard output", type=Path
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.dir)
    action = args.action or "list"
    if action == "list":
        return _list(args, catalogue)
    if action == "show":
        return _show(args, catalogue.get(args.id))
    return _fill(args, catalogue.get(args.id))


def _list(args: argparse.Namespace, catalogue: Catalogue) -> int:
    rows = [
        {
            "id": p.id,
            "version": p.version,
            "name": p.name.get(args.lang),
            "agency": p.agency.name.get(args.lang),
            "account_required": p.agency.account.required,
            "attachments": p.attachments.allowed,
            "demo": p.demo,
        }
        for p in catalogue
    ]
    text = "\n".join(
        f"{r['id']:<34} {r['name']}"
        + ("  [account]" if r["account_required"] else "")
        + ("  [attachments]" if r["attachments"] else "")
        for r in rows
    )
    emit(args, rows, text)
    return X.OK


def _show(args: argparse.Namespace, p: Procedure) -> int:
    lang = args.lang
    fields: list[dict[str, Any]] = [
        {
            "id": f.id,
            "type": f.type.value,
            "required": f.required,
            "label": f.label.get(lang),
            "help": f.help.get(lang),
            "options": [o.value for o in f.options],
            "applicant": f.applicant.value if f.applicant else None,
        }
        for f in p.fields
    ]
    lines = [f"{p.name.get(lang)} ({p.id} {p.version})", p.description.get(lang), ""]
    for f in fields:
        mark = "*" if f["required"] else " "
        extra = f" one of: {', '.join(f['options'])}" if f["options"] else ""
        lines.append(f" {mark} {f['id']:<20} {f['type']:<12} {f['label']}{extra}")
        if f["help"]:
            lines.append(f"   {'':<20} {'':<12} {f['help']}")
    if p.attachments.allowed:
        lines.append(
            f"\nattachments: {p.attachments.min_count}-{p.attachments.max_count} files, "
            f"{', '.join(p.attachments.extensions)}"
        )
    emit(args, {"id": p.id, "fields": fields}, "\n".join(lines))
    return X.OK


def _fill(args: argparse.Namespace, p: Procedure) -> int:
    values: dict[str, object] = {}
    if args.values:
        loaded = json.loads(args.values.read_text(encoding="utf-8"))
        if not isinstance(loaded, dict):
            print("jpki: --values must hold a JSON object", file=sys.stderr)
            return X.USAGE
        values.update(loaded)
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            print(f"jpki: --set needs FIELD=VALUE, got {item!r}", file=sys.stderr)
            return X.USAGE
        values[key] = value
    try:
        xml = fill(p, values, args.attach)
    except FormInvalid as exc:
        labels = {f.id: f.label.get(args.lang) for f in p.fields}
        labels["attachments"] = p.attachments.label.get(args.lang) or "attachments"
        data = [
            {
                "field": i.field,
                "label": labels.get(i.field, ""),
                "code": i.code,
                "message": i.message(args.lang),
            }
            for i in exc.issues
        ]
        if args.json:
            emit(args, {"ok": False, "issues": data}, "")
        else:
            for d in data:
                print(
                    f"{d['field']}{aside(d['label'])}: {d['message']} [{d['code']}]",
                    file=sys.stderr,
                )
        return X.INVALID
    if args.output:
        write_form(args.output, xml)
    else:
        sys.stdout.buffer.write(xml)
    return X.OK
