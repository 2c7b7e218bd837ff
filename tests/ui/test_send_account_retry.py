"""Issue 13, item 7: after the agency refused the service account, step 6 says the password
was wrong and lets it be typed again and sent again there; "sent again on the next start" is
said only where sending again later can help (network down, server busy)."""

from __future__ import annotations

import pytest

from jpki_desktop.agency.accounts import DEMO_PASSWORD, DEMO_USER_ID
from jpki_desktop.submission.errors import Undelivered
from jpki_desktop.ui import messages as M
from support.agency_fixtures import (  # noqa: F401 (fixtures)
    agency_dir,
    agency_keys_template,
    demo_catalogue,
    etax_values,
)

from .test_flow import agency, backend, click_next, flow_window  # noqa: F401 (fixtures)

ETAX = "demo.etax.income-tax-return"
NEXT_START = ("next start", "次回の起動")


def signed_to_step6(qtbot, flow):
    click_next(qtbot, flow)
    flow.steps[1].select(ETAX)
    click_next(qtbot, flow)
    form = flow.steps[2]
    form.set_values(etax_values())
    click_next(qtbot, flow)
    assert flow.index == 3, form.summary.text()
    qtbot.keyClicks(flow.steps[3].entry.edit, "ABC123")
    click_next(qtbot, flow)
    qtbot.waitUntil(lambda: flow.data.package is not None, timeout=10000)
    click_next(qtbot, flow)
    assert flow.index == 5
    return flow.steps[5]


def test_wrong_account_password_is_typed_again_and_sent_there(flow_window, qtbot, agency):
    w, ctx, flow = flow_window
    step = signed_to_step6(qtbot, flow)
    assert step.account_box.isVisible()
    step.user_id.setText(DEMO_USER_ID)
    qtbot.keyClicks(step.password, "not-the-password")
    click_next(qtbot, flow)
    qtbot.waitUntil(lambda: step.account_error.isVisible(), timeout=15000)
    said = step.account_error.text()
    assert "password" in said and "wrong" in said, said
    assert not any(s in said for s in NEXT_START), said  # resending later cannot help
    assert not step.status.isVisible()  # said once, next to the fields
    assert flow.index == 5 and not step.sending
    # the package is not lost: still in the outbox, and nothing reached the agency's records
    [pending] = flow.backend.submission.pending()
    assert pending.meta.submission_id == flow.data.package.submission_id
    assert agency.service.records.list_accepted() == []
    # the password field is emptied for typing again; Send waits for it
    assert step.password.text() == "" and step.user_id.text() == DEMO_USER_ID
    assert not flow.next.isEnabled()
    qtbot.keyClicks(step.password, DEMO_PASSWORD)
    click_next(qtbot, flow)
    qtbot.waitUntil(lambda: flow.index == 6, timeout=15000)
    assert flow.data.receipt.submission_id == pending.meta.submission_id
    assert flow.backend.submission.pending() == []
    [record] = agency.service.records.list_accepted()
    assert record["submission_id"] == pending.meta.submission_id


@pytest.mark.parametrize(
    ("reason", "resend_later"),
    [
        ("unreachable", True),
        ("timeout", True),
        ("server-error", True),
        ("account", False),
        ("tls", False),
        ("protocol", False),
    ],
)
def test_resend_at_next_start_only_where_it_can_help(reason, resend_later):
    exc = Undelivered(reason)
    text = M.describe_any(exc).full()
    assert ("next start" in text) is resend_later, text
    assert "outbox" in text  # the package is kept in every case
    assert exc.resend_helps is resend_later  # the classification the wording follows
