"""Reading JPKI certificates: kind, generation, SAN attributes, typed errors."""

from __future__ import annotations

import datetime as dt

import pytest
import validity_certs as C
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID

from jpki_desktop.card.virtual.pki import Holder, generate_card_pki
from jpki_desktop.trust.anchors import KNOWN_CAS, Generation, bundled_anchors, fingerprint
from jpki_desktop.validity.certificate import CertKind, Sex, parse_birth_date, parse_certificate
from jpki_desktop.validity.dates import ERA_BY_DIGIT
from jpki_desktop.validity.errors import CertProblem, MalformedCertificate, NotJpkiCertificate
from support.damaged_certs import with_extensions_repeated


def test_virtual_signing_certificate_fully_decoded(pki):
    c = parse_certificate(pki.sign.der)
    assert c.kind is CertKind.SIGN
    assert c.generation is Generation.TEST
    assert c.serial == format(pki.sign.cert.serial_number, "X")
    assert c.valid_from == dt.date(2024, 3, 15)
    assert c.valid_until == dt.date(
        2028, 6, 30
    )  # 5th birthday after 2024-03-15 for a 06-30 birthday
    assert c.not_after == dt.datetime(2028, 6, 30, 14, 59, 59, tzinfo=dt.UTC)
    a = c.attributes
    assert a.name == "見本\u3000花子"
    assert a.birth_date == dt.date(1985, 6, 30)
    assert a.birth_era.name == "昭和"
    assert a.birth_date_wareki == "昭和60年6月30日"
    assert a.sex is Sex.FEMALE and a.sex_code == "2"
    assert a.address == "東京都千代田区見本町一丁目２番３号"
    assert a.name_substitutes == (False,) * 5
    assert len(a.address_substitutes) == len(a.address)
    assert "L=Chiyoda-ku" in c.subject and "O=JPKI-TEST" in c.issuer


def test_virtual_auth_certificate_has_no_personal_data(pki):
    c = parse_certificate(pki.auth.der)
    assert c.kind is CertKind.AUTH and c.attributes is None
    assert c.generation is Generation.TEST


def test_pem_input_and_ca_kinds(pki):
    pem = pki.sign_ca.cert.public_bytes(serialization.Encoding.PEM)
    assert parse_certificate(pem).kind is CertKind.SIGN_CA
    assert parse_certificate(pki.auth_ca.der).kind is CertKind.AUTH_CA


@pytest.mark.parametrize(
    "ca_name,expected_kind,expected_gen",
    [
        ("auth_ca_2015", CertKind.AUTH_CA, Generation.G2015),
        ("auth_ca_2023", CertKind.AUTH_CA, Generation.G2023),
        ("sign_ca_2015", CertKind.SIGN_CA, Generation.G2015),
        ("sign_ca_2023", CertKind.SIGN_CA, Generation.G2023),
        ("sign_ca_2019", CertKind.SIGN_CA, Generation.G2019),
    ],
)
def test_bundled_real_jlis_cas_match_pinned_fingerprints(ca_name, expected_kind, expected_gen):
    by_file = {ca.resource: ca for ca in KNOWN_CAS if ca.resource}
    known = by_file[f"{ca_name}.pem"]
    cert = next(c for c in bundled_anchors() if fingerprint(c) == known.sha256)
    parsed = parse_certificate(cert)
    assert parsed.kind is expected_kind and parsed.generation is expected_gen
    assert parsed.valid_until.year in (2025, 2029, 2033)
    assert cert.serial_number == known.serial


def test_bundled_fingerprints_equal_the_protocol_reference_table():
    # jpki-card-protocol.md §6.2, own computation over the DER
    assert {fingerprint(c) for c in bundled_anchors()} == {
        "4dcfc4ca0aaf9fb2a3081b3f0c991c320b3acc008667a341eeaec5af1d58ca7d",
        "64114f29620c24ed2631d46476a040e7ee740d956089c00b036a6a8118c322b5",
        "19645405a1fe14377434bd55957628ac4038557c542403a2243f21c706fc9355",
        "d227f6cde11d35c5252178f106f843d24651944975413b539fa2fb68dbfa365f",
        # the 2019 signing CA (generation 02): shared/trust/README.md
        "79679c33e4cc9319440f1ad120a597ff1844e2ef217063adb176966fd5e6fbeb",
    }


def test_jlis_named_issuer_with_unknown_key_is_unknown_generation():
    fake = C.ca(C.jlis_name("digital signature"), serial=0x77)
    cert = C.ee(fake, san=C.good_san())
    assert parse_certificate(cert).generation is Generation.UNKNOWN
    # offering the issuer does not help: it is not a known J-LIS CA
    assert parse_certificate(cert, issuers=[fake.cert]).generation is Generation.UNKNOWN


def test_2019_auth_ca_recognised_by_serial_when_the_card_presents_it():
    ca02 = C.ca(C.jlis_name("user authentication"), serial=0x0133C349)
    cert = C.ee(ca02, policy="1.2.392.200149.8.5.1.3.30", sign_usage=False)
    assert parse_certificate(cert, issuers=[ca02.cert]).generation is Generation.G2019
    assert parse_certificate(cert).generation is Generation.UNKNOWN  # without the CA cert


def test_substitute_flags_and_octet_string_values_and_unknown_era():
    fake = C.ca(C.jlis_name("digital signature"))
    san = C.good_san(
        **{"1.2.392.200149.8.5.5.4": C.octet("019991231"), "1.2.392.200149.8.5.5.3": C.octet("3")}
    )
    a = parse_certificate(C.ee(fake, san=san)).attributes
    assert a.name_substitutes == (True, False, False, False, False)
    assert a.birth_date == dt.date(1999, 12, 31) and a.birth_era is None
    assert a.birth_date_wareki == "平成11年12月31日"
    assert a.sex is Sex.OTHER


def test_holder_born_on_first_day_of_heisei_renders_gannen():
    pki = generate_card_pki(
        Holder("試験　太郎", dt.date(1989, 1, 8), "1", "東京都", "123456789018"),
        dt.date(2020, 1, 1),
    )
    a = parse_certificate(pki.sign.der).attributes
    assert a.birth_date_wareki == "平成元年1月8日"
    assert a.birth_era is ERA_BY_DIGIT[4]


@pytest.mark.parametrize(
    "override,problem",
    [
        ({"1.2.392.200149.8.5.5.4": C.utf8("31985063")}, CertProblem.BIRTH_DATE),
        ({"1.2.392.200149.8.5.5.4": C.utf8("319850230")}, CertProblem.BIRTH_DATE),  # 30 Feb
        ({"1.2.392.200149.8.5.5.4": C.utf8("719850630")}, CertProblem.BIRTH_DATE),  # no era 7
        ({"1.2.392.200149.8.5.5.4": C.utf8("３19850630")}, CertProblem.BIRTH_DATE),
        ({"1.2.392.200149.8.5.5.3": C.utf8("7")}, CertProblem.SEX),
        ({"1.2.392.200149.8.5.5.2": C.utf8("01x")}, CertProblem.SUBSTITUTE_FLAGS),
        ({"1.2.392.200149.8.5.5.1": bytes.fromhex("020101")}, CertProblem.SAN_VALUE),  # INTEGER
        ({"1.2.392.200149.8.5.5.1": b"\x30\x00"}, CertProblem.SAN_VALUE),  # SEQUENCE
        ({"1.2.392.200149.8.5.5.1": b"\x04\x02\xff\xfe"}, CertProblem.SAN_VALUE),  # not UTF-8
    ],
)
def test_malformed_signing_attributes_raise_typed_errors(override, problem):
    fake = C.ca(C.jlis_name("digital signature"))
    with pytest.raises(MalformedCertificate) as exc:
        parse_certificate(C.ee(fake, san=C.good_san(**override)))
    assert exc.value.problem is problem


def test_missing_san_attribute_names_the_oid():
    fake = C.ca(C.jlis_name("digital signature"))
    san = C.good_san()
    del san["1.2.392.200149.8.5.5.5"]
    with pytest.raises(MalformedCertificate) as exc:
        parse_certificate(C.ee(fake, san=san))
    assert (
        exc.value.problem is CertProblem.SAN_MISSING and exc.value.field == "1.2.392.200149.8.5.5.5"
    )


def test_kind_conflict_between_policy_and_issuer():
    auth_ca = C.ca(C.jlis_name("user authentication"))
    with pytest.raises(MalformedCertificate) as exc:
        parse_certificate(C.ee(auth_ca, san=C.good_san()))  # sign policy, auth issuer
    assert exc.value.problem is CertProblem.KIND_CONFLICT


def test_foreign_certificate_is_not_jpki():
    other = C.ca(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Example Root")]))
    with pytest.raises(NotJpkiCertificate) as exc:
        parse_certificate(C.ee(other, policy="2.23.140.1.2.1"))
    assert exc.value.problem is CertProblem.FOREIGN


def test_foreign_ca_is_not_jpki():
    other = C.ca(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Example Root")]))
    with pytest.raises(NotJpkiCertificate):
        parse_certificate(other.cert)


@pytest.mark.parametrize(
    "data", [b"", b"garbage", b"\x30\x03\x02\x01\x01", b"-----BEGIN CERTIFICATE-----\nxx\n"]
)
def test_not_a_certificate(data):
    with pytest.raises(MalformedCertificate) as exc:
        parse_certificate(data)
    assert exc.value.problem is (CertProblem.NOT_DER if data else CertProblem.EMPTY)


def test_parse_birth_date_eras():
    assert parse_birth_date("419900102") == (dt.date(1990, 1, 2), ERA_BY_DIGIT[4])
    assert parse_birth_date("520190501")[1].name == "令和"


def test_midnight_not_after_counts_as_previous_day(pki):
    from jpki_desktop.card.virtual.pki import issue_auth_cert

    start = dt.datetime(2024, 1, 22, 1, tzinfo=dt.UTC)
    end = dt.datetime(2024, 12, 25, 15, 0, 0, tzinfo=dt.UTC)  # 2024-12-26 00:00 JST
    c = parse_certificate(issue_auth_cert(pki.auth_ca, start, end).der)
    assert c.valid_until == dt.date(2024, 12, 25)
    assert c.x509.signature_hash_algorithm.name == hashes.SHA256.name


def test_virtual_card_and_expiry_rules_agree_on_a_leap_day_holder():
    from jpki_desktop.validity.expiry import CertDates, Facts, Limit, evaluate

    holder = Holder("試験　閏", dt.date(2000, 2, 29), "2", "東京都", "123456789018")
    c = parse_certificate(generate_card_pki(holder, dt.date(2024, 3, 1)).sign.der)
    assert c.attributes.birth_date == dt.date(2000, 2, 29)
    assert c.valid_until == dt.date(2029, 2, 28)
    r = evaluate(
        Facts(birth_date=c.attributes.birth_date, sign=CertDates(c.valid_from, c.valid_until)),
        dt.date(2025, 1, 1),
    )
    assert r.sign.limit is Limit.FIFTH_BIRTHDAY


def test_pinned_fingerprints():
    from jpki_desktop.trust.anchors import is_pinned

    assert all(is_pinned(c) for c in bundled_anchors())
    assert not is_pinned(C.ca(C.jlis_name("digital signature"), serial=0x0132C4AB).cert)


def test_duplicate_extension_is_a_malformed_certificate(pki):
    # cryptography raises DuplicateExtension (not a ValueError) on first access to extensions
    data = with_extensions_repeated(pki.sign.der, 1)
    with pytest.raises(x509.DuplicateExtension):
        _ = x509.load_der_x509_certificate(data).extensions
    with pytest.raises(MalformedCertificate) as exc:
        parse_certificate(data)
    assert exc.value.problem is CertProblem.NOT_DER
