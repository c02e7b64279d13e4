"""Mail that tells the truth, against a real SMTP server on loopback (aiosmtpd) that behaves
as large providers do: at most 100 recipients per message (452 beyond), and a mailbox that
does not exist (550). Every address is delivered in batches the server takes, the refused one
is named with the server's reply, the exit code says not everyone got it, an Outlook-style
pasted list is split, and an internationalized domain goes out in punycode."""

from __future__ import annotations

import email
import socket
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest

from cchc_lib.core.errors import CchcError
from cchc_lib.delivery.addresses import split_addresses

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 100
MISSING = "khong-co@example.vn"
IDN = "vanphong@phường1.example.vn"


class LimitedServer:
    """A server that takes LIMIT recipients per message and knows no MISSING mailbox."""

    def __init__(self):
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address == MISSING:
            return "550 5.1.1 Mailbox does not exist"
        if len(envelope.rcpt_tos) >= LIMIT:
            return "452 4.5.3 Too many recipients"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


@pytest.fixture
def server():
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = LimitedServer()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def test_addresses_as_offices_write_them():
    got = split_addresses(["a@example.vn; b@example.vn", '"Nguyễn, Văn A" <c@example.vn>',
                           "d@example.vn, A@Example.vn", IDN])
    assert [r.envelope for r in got] == ["a@example.vn", "b@example.vn", "c@example.vn",
                                         "d@example.vn", "vanphong@xn--phng1-grb7933c.example.vn"]
    assert got[2].name == "Nguyễn, Văn A"  # the comma inside quotes is the name's
    for wrong in ("Nguyễn Văn A", "a@example.vn b@example.vn", "a@", "@example.vn"):
        with pytest.raises(CchcError, match="không phải địa chỉ thư điện tử"):
            split_addresses([wrong])


def test_every_recipient_delivered_in_batches_and_the_refused_one_named(server, sample_run,
                                                                        own_project):
    handler, port = server
    many = [f"nguoinhan{i:03d}@example.vn" for i in range(250)]
    pasted = "; ".join(many[:200])  # an Outlook list pasted as one value
    env = {**own_project, "CCHC_SMTP_HOST": "127.0.0.1", "CCHC_SMTP_PORT": str(port),
           "CCHC_SMTP_SECURITY": "none", "CCHC_SMTP_FROM": "Văn phòng <baocao@example.vn>"}
    env.pop("CCHC_SMTP_USER", None)
    run = subprocess.run(
        [sys.executable, "-m", "cchc_lib", "email", "--unit", "SAMPLE-P2", "--period", "2022",
         "--reports", str(sample_run["base"] / "reports"), "--data",
         str(sample_run["processed"]), "--to", pasted, *many[200:], MISSING,
         f"Văn phòng phường <{IDN}>"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert run.returncode == 3, run.stderr
    delivered = [a for _, rcpts, _ in handler.messages for a in rcpts]
    assert all(len(rcpts) <= LIMIT for _, rcpts, _ in handler.messages)
    assert len(handler.messages) == 3  # 100 + 100 + 51
    idn = "vanphong@xn--phng1-grb7933c.example.vn"
    assert sorted(delivered) == sorted([*many, idn])  # each once, none lost
    assert f"máy chủ thư không nhận {MISSING}: 550 5.1.1 Mailbox does not exist" in run.stderr
    assert "đã gửi tới 251/252 người nhận; 1 địa chỉ bị từ chối" in run.stderr
    assert MISSING not in run.stdout and "nguoinhan249@example.vn" in run.stdout
    message = email.message_from_bytes(handler.messages[0][2], policy=policy.default)
    assert idn in str(message["To"])
    raw_to = handler.messages[0][2].split(b"\r\n\r\n")[0]
    assert raw_to.isascii()  # no encoded word inside a domain; the name alone is encoded
