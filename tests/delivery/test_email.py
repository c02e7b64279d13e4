"""Email: the message a mail client receives, sent through a real SMTP server on localhost
(aiosmtpd, STARTTLS with a certificate made for the test, AUTH), parsed back and checked."""

from __future__ import annotations

import email
import os
import subprocess
import sys
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Mật-khẩu-thử-9f3#kq"  # must never appear in any output
USER = "baocao@example.vn"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """A ward report made by `cchc run`, in a folder of its own."""
    reports = tmp_path_factory.mktemp("mail-reports")
    run = subprocess.run([sys.executable, "-m", "cchc_lib.cli", "run", "--unit", "SAMPLE-P2",
                          "--period", "2022", "--skip-ingest", "--data",
                          "tests/.sample_processed", "--reports", str(reports)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return reports


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return key, cert


class Inbox:
    def __init__(self):
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


@pytest.fixture(params=["PLAIN and LOGIN", "LOGIN only"])
def smtp_server(certificate, request):
    """A real SMTP server on loopback; once offering PLAIN and LOGIN, once LOGIN only (as
    Exchange and Office 365 do)."""
    import ssl

    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    key, cert = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == USER \
            and auth_data.password.decode() == PASSWORD
        return AuthResult(success=ok, handled=False)  # handled=False: the server replies 535

    import socket

    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    exclude = ["PLAIN"] if request.param == "LOGIN only" else []
    controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=context,
                            require_starttls=True, authenticator=authenticator,
                            auth_required=True, auth_exclude_mechanism=exclude)
    controller.start()
    try:
        yield inbox, port, cert
    finally:
        controller.stop()


def cchc_email(report: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cchc_lib.cli", "email", "--unit", "SAMPLE-P2",
                           "--period", "2022", "--reports", str(report), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env)


def smtp_env(port: int, cert: Path, password: str = PASSWORD) -> dict:
    return {**os.environ, "CCHC_SMTP_HOST": "localhost", "CCHC_SMTP_PORT": str(port),
            "CCHC_SMTP_SECURITY": "starttls", "CCHC_SMTP_USER": USER,
            "CCHC_SMTP_FROM": "Văn phòng UBND phường <baocao@example.vn>",
            "CCHC_SMTP_CAFILE": str(cert), "CCHC_SMTP_PASSWORD": password}


def check_message(raw: bytes) -> email.message.EmailMessage:
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert msg["Subject"] == "Báo cáo Chỉ số CCHC: Phường 2 (năm 2022)"
    types = [p.get_content_type() for p in msg.walk()]
    assert types[:5] == ["multipart/mixed", "multipart/alternative", "text/plain",
                         "multipart/related", "text/html"]
    assert types[5:] == ["image/png"] * 3 + ["application/vnd.openxmlformats-officedocument."
                                      "spreadsheetml.sheet"]
    # Biểu 06 to file travels with the report; its bytes are the file beside the report
    (sheet,) = list(msg.iter_attachments())
    assert sheet.get_filename() == "bieu06.xlsx"
    assert sheet.get_content()[:4] == b"PK\x03\x04"
    html = msg.get_body(("html",)).get_content()
    assert len(html.encode("utf-8")) < 102 * 1024  # Gmail clips longer bodies
    assert "<script" not in html and "<style" not in html and "var(--" not in html
    assert "http://" not in html and "https://" not in html
    cids = {p["Content-ID"].strip("<>") for p in msg.walk() if p.get_content_type() ==
            "image/png"}
    assert {c for c in cids if f'src="cid:{c}"' in html} == cids  # every chart referenced
    assert 'style="' in html and "Biểu số 06/VPCP/KSTT" in html
    text = msg.get_body(("plain",)).get_content()
    assert "đạt" in text and "TTHC có hồ sơ trực tuyến" in text
    return msg


def test_send_through_a_real_smtp_server(report, smtp_server):
    inbox, port, cert = smtp_server
    run = cchc_email(report, smtp_env(port, cert), "--to", "chutich.phuong2@example.vn")
    assert run.returncode == 0, run.stderr
    assert len(inbox.messages) == 1
    sender, recipients, raw = inbox.messages[0]
    assert sender == "baocao@example.vn" and recipients == ["chutich.phuong2@example.vn"]
    check_message(raw)
    # the password is nowhere: not in the output, the message, the notebooks or the pages
    assert PASSWORD not in run.stdout + run.stderr
    assert PASSWORD.encode() not in raw
    for path in report.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path


def test_recipients_from_the_file_and_a_wrong_password(report, smtp_server):
    inbox, port, cert = smtp_server
    run = cchc_email(report, smtp_env(port, cert))
    assert run.returncode == 0, run.stderr
    assert inbox.messages[-1][1] == ["chutich.phuong2@example.vn", "vanphong.phuong2@example.vn",
                                     "phongnoivu@example.vn"]
    bad = cchc_email(report, smtp_env(port, cert, password="sai"), "--to", "a@example.vn")
    assert bad.returncode == 2 and "từ chối đăng nhập" in bad.stderr and "cơ chế" in bad.stderr
    assert "sai" not in bad.stderr.split("từ chối")[0] and "Traceback" not in bad.stderr


def test_no_password_over_an_unencrypted_link_unless_asked(report):
    env = {**smtp_env(9, Path("/nonexistent")), "CCHC_SMTP_SECURITY": "none"}
    run = cchc_email(report, env, "--to", "a@example.vn")
    assert run.returncode == 2 and "không mã hóa" in run.stderr and PASSWORD not in run.stderr


def test_dry_run_writes_the_eml(report, tmp_path):
    target = tmp_path / "p2.eml"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCHC_SMTP")}
    run = cchc_email(report, env, "--to", "a@example.vn", "--dry-run", str(target))
    assert run.returncode == 0, run.stderr
    check_message(target.read_bytes())


def test_not_configured_says_so(report):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCHC_SMTP")}
    run = cchc_email(report, env, "--to", "a@example.vn")
    assert run.returncode == 2 and "chưa cấu hình SMTP" in run.stderr


def test_every_report_kind_can_be_mailed(tmp_path):
    """Scorecard, plan progress and the town overview go out the same way as the ward report."""
    reports = tmp_path / "r"
    base = [sys.executable, "-m", "cchc_lib.cli", "run", "--period", "2022", "--skip-ingest",
            "--data", "tests/.sample_processed", "--reports", str(reports)]
    for extra in (["--unit", "SAMPLE-P2", "--report", "scorecard,plan", "--as-of",
                   "2022-11-15"], ["--overview"]):
        run = subprocess.run(base + extra, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCHC_SMTP")}
    for kind, subject in (("scorecard", "Chỉ số CCHC năm 2022: Phường 2"),
                          ("plan", "[DỰ THẢO] Báo cáo kết quả thực hiện Kế hoạch số 99/KH-UBND "
                                   "ngày 21/02/2022 của UBND phường 2"),
                          ("overview", "Tổng hợp Chỉ số CCHC")):
        target = tmp_path / f"{kind}.eml"
        run = cchc_email(reports, env, "--report", kind, "--to", "a@example.vn", "--dry-run",
                         str(target))
        assert run.returncode == 0, run.stderr
        msg = email.message_from_bytes(target.read_bytes(), policy=policy.default)
        assert msg["Subject"].startswith(subject), msg["Subject"]
        head = target.read_bytes().replace(b"\r\n", b"\n").split(b"\n\n")[0]
        assert all(len(line) <= 78 for line in head.split(b"\n")), head
        html = msg.get_body(("html",)).get_content()
        assert "<style" not in html and len(html.encode()) < 102 * 1024


def test_reminders_reach_each_lead_officer_through_a_real_smtp_server(report, smtp_server):
    """`cchc email --report tasks`: one message per lead officer, to the addresses listed for
    that officer under `officers:` in the recipients file, with only that officer's tasks."""
    inbox, port, cert = smtp_server
    run = cchc_email(report, smtp_env(port, cert), "--report", "tasks", "--as-of", "2022-11-15",
                     "--data", "tests/.sample_processed")
    assert run.returncode == 0, run.stderr
    got = {tuple(rcpt): email.message_from_bytes(raw, policy=policy.default)
           for _, rcpt, raw in inbox.messages}
    # the sample plan on 15/11/2022: II.1 (Công chức chuyên môn) and III.1 (Công chức VP-TK)
    # are at risk — their linked targets are below 50 % and 60 % with 6 weeks left
    assert set(got) == {("vptk.phuong2@example.vn",), ("chuyenmon.phuong2@example.vn",)}
    vptk = got[("vptk.phuong2@example.vn",)]
    assert vptk["Subject"].startswith("Nhắc việc Kế hoạch số 99/KH-UBND")
    html = vptk.get_body(("html",)).get_content()
    # each task a card (mail clients drop media queries): its number after the column's name
    assert "Công chức VP-TK" in html and "<b>TT: </b>III.1<br>" in html
    assert "</b>II.1<br>" not in html  # the other officer's task
    assert "TTHC có hồ sơ qua BCCI" in html
    assert PASSWORD.encode() not in b"".join(raw for _, _, raw in inbox.messages)


def test_wide_tables_become_cards_in_the_email_and_stay_escaped():
    """Mail clients drop media queries: a table wider than 3 columns becomes one card per row,
    each value after its column's name; a hostile header or value stays text."""
    import pandas as pd

    from cchc_lib.delivery.mail import stacked_tables
    from cchc_lib.reports.render import html_table

    wide = pd.DataFrame({"Mã": ["1.001", "2.002"], "<b>Tên</b>": ["<img src=x>", "Hộ tịch"],
                         "Số": ["5", "4"], "Lĩnh vực": ["A", "B"]})
    narrow = pd.DataFrame({"Mã": ["1.001"], "Tên": ["Hộ tịch"]})
    page = ("<html><body>" + html_table(wide, "w") + "<p>giữa</p>" + html_table(narrow, "n")
            + "</body></html>")
    out = stacked_tables(page)
    assert out.count("<b>Mã: </b>") == 2  # two cards; the narrow table stays a table
    assert "<b>Mã: </b>1.001<br><b>&lt;b&gt;Tên&lt;/b&gt;: </b>&lt;img src=x&gt;<br>" in out
    assert "<img" not in out and 'id="T_n"' in out and 'id="T_w"' not in out
    assert out.index("2.002") < out.index("giữa") < out.index('id="T_n"')  # order kept


VIETNAMESE = ("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũ"
              "úụừửữứựỳỷỹýỵ")


@given(st.lists(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + "0123456789/-—()[].,:",
                        min_size=1, max_size=40), min_size=1, max_size=30),
       st.sampled_from([" ", "  ", " \t"]))
def test_a_long_vietnamese_subject_keeps_every_space_when_folded(words, gap):
    """The subject as a reader's program reads it back: the same text, whatever its length
    and words (Python 3.11's own folding dropped the space at a fold: "thựchiện"); every
    line of the header under 78 characters."""
    from cchc_lib.delivery.mail import encoded_header

    subject = gap.join(words)
    msg = EmailMessage()
    msg.set_raw("Subject", encoded_header(subject))
    msg.set_content("x")
    raw = msg.as_bytes()
    head = raw.split(b"\n\n")[0]
    assert all(len(line) <= 78 for line in head.split(b"\n"))
    assert email.message_from_bytes(raw, policy=policy.default)["Subject"] == subject
