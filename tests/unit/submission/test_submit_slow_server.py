"""`jpki submit --timeout 3` against an agency endpoint that drips its answer (issue 15 item 2)."""

from __future__ import annotations

import ssl
import time

from jpki_desktop.cli.main import build_parser, main
from support.agency_fixtures import agency_dir, agency_keys_template  # noqa: F401
from support.http_servers import drip_body, serve


def test_submit_to_a_dripping_agency_ends_at_the_timeout(agency_dir, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("JPKI_DEMO_AGENCY", str(agency_dir))
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)  # the demo agency's own (pinned) TLS identity
    tls.load_cert_chain(
        agency_dir / "keys" / "tls-server.pem", agency_dir / "keys" / "tls-server.key"
    )
    package = tmp_path / "s.p7m"
    package.write_bytes(b"package bytes")
    build_parser()  # import every command first: the figure is the exchange, not imports
    with serve(drip_body(), tls=tls) as server:
        start = time.monotonic()
        code = main(
            [
                "submit",
                str(package),
                "--procedure",
                "demo.city.change-of-address",
                "--endpoint",
                server.url + "submit",
                "--store",
                str(tmp_path / "store"),
                "--timeout",
                "3",
                "--retries",
                "0",
            ]
        )
        took = time.monotonic() - start
    err = capsys.readouterr().err
    assert code == 10, err
    assert 2.9 < took < 5.5, took
    assert "did not answer in time" in err and "within 3 s" in err
    assert "kept in the outbox" in err
