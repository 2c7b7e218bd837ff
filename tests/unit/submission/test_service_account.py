from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from jpki_desktop.submission.account import AccountStore, ServiceAccount
from jpki_desktop.submission.errors import KeyringUnavailable


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.items:
            raise PasswordDeleteError(username)
        del self.items[(service, username)]


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(previous)


def test_save_load_forget(memory_keyring):
    store = AccountStore()
    assert store.load("demo.tax-office") is None
    store.save("demo.tax-office", ServiceAccount("1234567890123456", "pw"))
    assert store.load("demo.tax-office") == ServiceAccount("1234567890123456", "pw")
    assert store.load("demo.city-office") is None
    assert store.forget("demo.tax-office") is True
    assert store.forget("demo.tax-office") is False
    assert memory_keyring.items == {}


def test_password_not_in_repr():
    assert "pw-secret" not in repr(ServiceAccount("u", "pw-secret"))


def test_no_backend_is_a_typed_error():
    from keyring.backends.fail import Keyring as FailKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        with pytest.raises(KeyringUnavailable):
            AccountStore().load("x")
    finally:
        keyring.set_keyring(previous)


def test_client_uses_the_stored_account_only_when_present(memory_keyring, tmp_path):
    from jpki_desktop.agency.resolver import reference_resolver
    from jpki_desktop.procedures import load_catalogue
    from jpki_desktop.submission.client import SubmissionClient
    from jpki_desktop.submission.errors import AccountRequired

    cat = load_catalogue(resolver=reference_resolver(tmp_path / "agency"))
    tax = cat.get("demo.etax.income-tax-return")
    c = SubmissionClient(cat, accounts=AccountStore())
    with pytest.raises(AccountRequired):
        c._account(tax.agency, None)
    AccountStore().save(tax.agency.id, ServiceAccount("1234567890123456", "pw"))
    assert c._account(tax.agency, None).user_id == "1234567890123456"
    assert (
        c._account(cat.get("demo.city.change-of-address").agency, None) is None
    )  # not needed there


def test_user_id_format_is_checked_before_sending(tmp_path):
    from jpki_desktop.agency.resolver import reference_resolver
    from jpki_desktop.procedures import load_catalogue
    from jpki_desktop.submission.client import SubmissionClient
    from jpki_desktop.submission.errors import AccountFormatError

    cat = load_catalogue(resolver=reference_resolver(tmp_path / "agency"))
    tax = cat.get("demo.etax.income-tax-return")
    c = SubmissionClient(cat, accounts=None)
    with pytest.raises(AccountFormatError) as e:
        c._account(tax.agency, ServiceAccount("12345", "pw"))
    assert e.value.label == "User ID (16 digits)"
    assert (
        c._account(tax.agency, ServiceAccount("1234567890123456", "pw")).user_id
        == "1234567890123456"
    )
