"""Reports that arrive by email: an email-safe HTML body, a multipart message, SMTP sending.

The body is the report page with every style inlined on its element (css-inline) and no
``<style>`` block left, since Gmail and Outlook drop or ignore them; charts become PNG parts of a
``multipart/related`` message referenced by ``cid:``. A plain-text part carries the summary.

SMTP settings come from the environment (or an INI file outside the repository); the password
only from the environment, ``CCHC_SMTP_PASSWORD``: never a notebook parameter, never logged.
"""

from __future__ import annotations

import base64
import configparser
import os
import re
import smtplib
import ssl
from dataclasses import dataclass, replace
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path
from typing import cast

import nbformat

from cchc_lib.core.errors import CchcError, InputFileError, LoginRefused
from cchc_lib.core.lang import cli as cli_lang
from cchc_lib.core.lang import delivery as lang
from cchc_lib.core.lang import reports_plan as plan_lang
from cchc_lib.core.request import RunRequest

GMAIL_CLIP_BYTES = 102 * 1024
_IMG = re.compile(r'src="data:image/png;base64,([A-Za-z0-9+/=\s]+)"')
_STYLE_BLOCK = re.compile(r"<style[^>]*>.*?</style>", re.S | re.I)
_SELECTOR_ATTR = re.compile(r'\s(?:class|id|data-label)="[^"]*"')
ENV = {"host": "CCHC_SMTP_HOST", "port": "CCHC_SMTP_PORT", "security": "CCHC_SMTP_SECURITY",
       "user": "CCHC_SMTP_USER", "sender": "CCHC_SMTP_FROM", "cafile": "CCHC_SMTP_CAFILE"}
PLAINTEXT_ENV = "CCHC_SMTP_ALLOW_PLAINTEXT"  # 1: a password may go over an unencrypted link
PASSWORD_ENV = "CCHC_SMTP_PASSWORD"


@dataclass(frozen=True)
class EmailBody:
    html: str  # inlined, images as cid:
    images: tuple[tuple[str, bytes], ...]  # (content id, PNG bytes)
    text: str  # the plain-text summary
    subject: str
    attachments: tuple[Path, ...] = ()  # documents to file: the Word report, Biểu 06 (XLSX)


def email_body(page_html: str, summary: str, subject: str) -> EmailBody:
    """The report page (as :func:`delivery.to_html` writes it) made safe for mail clients."""
    import css_inline

    images: list[tuple[str, bytes]] = []

    def to_cid(match: re.Match) -> str:
        cid = f"chart{len(images) + 1}@cchc"
        images.append((cid, base64.b64decode(re.sub(r"\s+", "", match[1]))))
        return f'src="cid:{cid}"'

    html = stacked_tables(_IMG.sub(to_cid, page_html))
    html = css_inline.CSSInliner(keep_style_tags=False, keep_link_tags=False).inline(html)
    html = _STYLE_BLOCK.sub("", html)  # Styler's scoped blocks, once their rules are inlined
    html = _SELECTOR_ATTR.sub("", html)  # classes and ids did their work: styles are inline
    return EmailBody(html, tuple(images), summary, subject)


# a phone-sized card: one value a line after its column's name, in a plain box (block elements
# every mail client lays out the same way, light enough to stay under Gmail's clip)
_CARD = "border:1px solid #c9d6e3;padding:4px 8px;margin:0 0 8px;font-size:13px"
WIDE_TABLE = 3  # columns: a wider table becomes cards in the email


def stacked_tables(page_html: str, widest: int = WIDE_TABLE) -> str:
    """Each report table of more than ``widest`` columns as one card per row: each value on a
    line after its column's name. Mail clients drop the page's media queries, so the page's
    own narrow-screen cards never happen in an inbox: without this, Biểu 06's 14 columns
    squeeze into 23-px cells on a phone. Header texts are read as text and written back
    escaped; cell contents move as they were rendered (already escaped)."""
    from lxml import html as lxml_html

    doc = lxml_html.document_fromstring(page_html)
    changed = False
    for table in doc.xpath('//table[contains(concat(" ", @class, " "), " cchc-table ")]'):
        names = [th.text_content().strip() for th in table.xpath("./thead/tr[last()]/th")]
        if len(names) <= widest:
            continue
        box = lxml_html.Element("div")
        for row in table.xpath("./tbody/tr"):
            card = lxml_html.Element("div", style=_CARD)
            for i, (name, cell) in enumerate(zip(names, row.xpath("./td"), strict=False)):
                if i:
                    card.append(lxml_html.Element("br"))
                label = lxml_html.Element("b")
                label.text = f"{name}: "
                label.tail = cell.text
                card.append(label)
                card.extend(list(cell))  # the cell's own markup (a mark, a strong), in order
            box.append(card)
        box.tail = table.tail
        table.getparent().replace(table, box)
        changed = True
    if not changed:
        return page_html
    return "<!DOCTYPE html>\n" + lxml_html.tostring(doc, encoding="unicode")


def summary_of(notebook: Path) -> tuple[str, str]:
    """(title, plain-text summary) from the report's heading (:func:`heading_of`)."""
    from cchc_lib.delivery.notebooks import heading_of

    lines = heading_of(nbformat.read(notebook, as_version=4))
    return (lines[0], "\n".join(lines)) if lines else (notebook.stem, "")


def recipients(book_path: Path, unit_code: str) -> list[str]:
    """The addresses for a unit from the recipients file (``MÃ_ĐƠN_VỊ: [địa chỉ, …]``, and
    ``default: […]`` for every other unit), or the logbook's recipients sheet."""
    from cchc_lib.delivery.recipients import load_book

    book = load_book(book_path)
    if book and not isinstance(book, dict):
        raise InputFileError(str(book_path), lang.RECIPIENTS_FORMAT_VI)
    entries: dict = book if isinstance(book, dict) else {}
    to = entries.get(unit_code) or entries.get("default")
    if isinstance(to, str):  # one address written as plain text
        to = [to]
    if not to:
        raise CchcError(lang.NO_RECIPIENTS_VI.format(unit=unit_code, book=book_path))
    return list(to)


@dataclass(frozen=True)
class Prepared:
    """A report ready to mail: where it is, its name, and the message body."""

    folder: Path
    stem: str
    body: EmailBody


def prepare(report: str, request: RunRequest) -> Prepared:
    """The email of a report already run: its HTML (made from the executed notebook when
    missing), inlined for mail, under the report's title and period. A period the data does
    not reach is refused: no data, no mail."""
    from cchc_lib.delivery.notebooks import to_html
    from cchc_lib.delivery.runs import OVERVIEW_FOLDER, check_period, report_folder
    from cchc_lib.reports.registry import REPORTS

    kind = REPORTS[report]
    overview = kind.scope == "town"
    unit_code, period = str(request.unit), request.label
    tables, _ = check_period(replace(request, units=()) if overview else request,
                             if_present=True)
    if kind.needs_own_plan and tables:
        from cchc_lib.delivery.runs import no_plan_vi
        from cchc_lib.par.tasks import has_tasks_to_report

        if not has_tasks_to_report(tables, unit_code, request.year):
            raise CchcError(no_plan_vi(request, tables))
    folder = report_folder(period, OVERVIEW_FOLDER if overview else unit_code,
                           request.folders.reports)
    notebook, page = (folder / name for name in kind.outputs[:2])
    if not notebook.is_file():
        how = "--overview" if overview else f"--unit {unit_code} --report {report}"
        raise CchcError(lang.REPORT_NOT_RUN_VI.format(notebook=notebook, how=how,
                                                      period=period))
    if not page.is_file():
        to_html(notebook, page)
    title, summary = summary_of(notebook)
    subject = kind.subject(title, request.period.label_vi())
    files = tuple(folder / name for name in kind.attachments if (folder / name).is_file())
    # a final text goes out only when asked for; a draft says so on the document and in
    # the subject
    documents = [f for f in files if f.suffix == ".docx"]
    finals = [f for f in documents if not is_draft(f)]
    if finals and not request.final:
        raise CchcError(cli_lang.FINAL_NOT_ASKED_VI.format(path=finals[0]))
    if len(finals) < len(documents):
        subject = lang.DRAFT_SUBJECT_VI.format(mark=plan_lang.DRAFT_MARK_VI, subject=subject)
    body = email_body(page.read_text(encoding="utf-8"), summary, subject)
    body = replace(body, attachments=files)
    return Prepared(folder, kind.stem, body)


def is_draft(document: Path) -> bool:
    """Whether a Word document the workbook wrote is a draft (its category property)."""
    from docx import Document

    return Document(str(document)).core_properties.category == plan_lang.DRAFT_MARK_VI


ENCODED_WORD_BYTES = 39  # UTF-8 bytes per encoded word: 52 in base64, 64 with its frame: a
# line of "Subject: " and one word stays under 78 characters, so nothing refolds it


def encoded_header(text: str) -> str:
    """A header value as RFC 2047 encoded words, folded between them, each word's trailing
    space inside it: the space between two Vietnamese words never falls in the fold, where
    readers drop it (Python 3.11's own folding wrote "thựchiện"). ASCII text as it is."""
    if text.isascii():
        return text
    words, chunk = [], ""
    for token in re.findall(r"\S+\s*", text):
        while len((chunk + token).encode("utf-8")) > ENCODED_WORD_BYTES:
            if chunk:
                words.append(chunk)
                chunk = ""
                continue
            cut = len(token)  # one token longer than a word: cut between characters
            while len(token[:cut].encode("utf-8")) > ENCODED_WORD_BYTES:
                cut -= 1
            words.append(token[:cut])
            token = token[cut:]
        chunk += token
    if chunk:
        words.append(chunk)
    return "\r\n ".join("=?utf-8?b?" + base64.b64encode(w.encode("utf-8")).decode("ascii")
                         + "?=" for w in words)


def build_message(body: EmailBody, sender: str, to: list[str]) -> EmailMessage:
    """multipart/alternative: text/plain, then multipart/related (text/html + PNG charts);
    with attachments, all of it inside multipart/mixed beside the files. ``to``: addresses as
    written (split, domains in punycode: delivery.addresses)."""
    from cchc_lib.delivery.addresses import split_addresses

    msg = EmailMessage()
    msg.set_raw("Subject", encoded_header(body.subject))
    msg["From"] = sender
    msg["To"] = [r.header() for r in split_addresses(to)]
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain="cchc.local")
    msg.set_content(body.text + lang.FULL_REPORT_IN_HTML_VI)
    msg.add_alternative(body.html, subtype="html")
    html_part = cast(list, msg.get_payload())[1]  # the alternative just added
    for cid, data in body.images:
        html_part.add_related(data, maintype="image", subtype="png", cid=f"<{cid}>",
                              filename=cid.split("@")[0] + ".png")
    for path in body.attachments:
        maintype, subtype = ATTACHMENT_TYPES[path.suffix.lower()].split("/")
        msg.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype,
                           filename=path.name)
    return msg


ATTACHMENT_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # starttls | ssl | none
    user: str | None
    sender: str
    cafile: str | None

    @property
    def password(self) -> str | None:
        return os.environ.get(PASSWORD_ENV)


def smtp_settings(config_file: str | Path | None = None) -> SmtpSettings:
    """From an INI file's [smtp] section (outside the repository), then the environment."""
    values: dict[str, str] = {}
    if config_file:
        parser = configparser.ConfigParser()
        if not parser.read(config_file, encoding="utf-8") or "smtp" not in parser:
            raise CchcError(lang.NO_SMTP_SECTION_VI.format(config=config_file))
        if "password" in parser["smtp"]:
            raise CchcError(lang.PASSWORD_IN_FILE_VI.format(config=config_file,
                                                            env=PASSWORD_ENV))
        values.update(parser["smtp"])
    for key, env in ENV.items():
        if os.environ.get(env):
            values[key] = os.environ[env]
    if not values.get("host") or not values.get("sender"):
        raise CchcError(lang.SMTP_NOT_CONFIGURED_VI.format(host_env=ENV["host"],
                                                           sender_env=ENV["sender"]))
    security = values.get("security", "starttls").lower()
    if security not in ("starttls", "ssl", "none"):
        raise CchcError(lang.BAD_SECURITY_VI.format(env=ENV["security"], security=security))
    if security == "none" and values.get("user") and os.environ.get(PASSWORD_ENV) \
            and os.environ.get(PLAINTEXT_ENV) != "1":
        raise CchcError(lang.PLAINTEXT_PASSWORD_VI.format(env=ENV["security"],
                                                          plaintext_env=PLAINTEXT_ENV))
    port = int(values.get("port") or (465 if security == "ssl" else 587))
    return SmtpSettings(values["host"], port, security, values.get("user"), values["sender"],
                        values.get("cafile"))


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def _login(client: smtplib.SMTP, user: str, password: str) -> str:
    """Log in with the credentials in UTF-8 (smtplib's login() sends ASCII only, and Vietnamese
    passwords are not): AUTH PLAIN, else AUTH LOGIN (Exchange, Office 365), both written here;
    other mechanisms through smtplib for ASCII passwords. Returns the mechanism used."""
    client.ehlo_or_helo_if_needed()
    offered = client.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" in offered:
        code, _ = client.docmd("AUTH", f"PLAIN {_b64(f'{chr(0)}{user}{chr(0)}{password}')}")
        if code != 235:
            raise LoginRefused("PLAIN", code)
        return "PLAIN"
    if "LOGIN" in offered:
        code, _ = client.docmd("AUTH", "LOGIN")
        if code == 334:
            code, _ = client.docmd(_b64(user))
        if code == 334:
            code, _ = client.docmd(_b64(password))
        if code != 235:
            raise LoginRefused("LOGIN", code)
        return "LOGIN"
    mechanisms = ", ".join(offered) or lang.NO_MECHANISMS_VI
    if not password.isascii():
        raise CchcError(lang.NON_ASCII_PASSWORD_VI.format(mechanisms=mechanisms))
    try:
        client.login(user, password)
    except smtplib.SMTPAuthenticationError as exc:
        raise LoginRefused(mechanisms, exc.smtp_code) from None
    return mechanisms


# the reply a server gives a recipient beyond the number it takes in one message (RFC 5321:
# "452 too many recipients"): they are sent again in the next message, not refused
TOO_MANY_RECIPIENTS = 452


@dataclass(frozen=True)
class Refused:
    address: str
    code: int
    reply: str


def _deliver(client: smtplib.SMTP, msg: EmailMessage, sender: str,
             recipients: list[str]) -> list[Refused]:
    """The message to every recipient, in as many transactions as the server wants (it
    answers 452 past its limit: those go in the next one); the recipients it refused, with
    its reply."""
    refused: list[Refused] = []
    pending = recipients
    while pending:
        try:
            errors = client.send_message(msg, from_addr=sender, to_addrs=pending)
        except smtplib.SMTPRecipientsRefused as exc:  # nobody of this round accepted
            errors = exc.recipients
        later = [a for a in pending if a in errors and errors[a][0] == TOO_MANY_RECIPIENTS]
        refused += [Refused(a, code, _text(reply)) for a, (code, reply) in errors.items()
                    if a not in later]
        if len(later) == len(pending):  # no progress: refused after all
            refused += [Refused(a, errors[a][0], _text(errors[a][1])) for a in later]
            break
        pending = later
    return refused


def _text(reply: object) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def send(msg: EmailMessage, settings: SmtpSettings | None, timeout: float = 30
         ) -> list[Refused]:
    """Send over SMTP with STARTTLS or SSL to every address of the message's To header, in
    batches the server accepts; the recipients it refused (with its reply) are returned, for
    the caller to say. Errors become one clear message (no secrets)."""
    if settings is None:
        raise CchcError(lang.NO_MAIL_SERVER_VI)
    context = ssl.create_default_context(cafile=settings.cafile)
    client: smtplib.SMTP
    try:
        if settings.security == "ssl":
            client = smtplib.SMTP_SSL(settings.host, settings.port, timeout=timeout,
                                      context=context)
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
        with client:
            if settings.security == "starttls":
                client.starttls(context=context)
            if settings.user:
                if not settings.password:
                    raise CchcError(lang.NO_PASSWORD_VI.format(user_env=ENV["user"],
                                                               password_env=PASSWORD_ENV))
                _login(client, settings.user, settings.password)
            to = [a.addr_spec for a in msg["To"].addresses]
            return _deliver(client, msg, parseaddr(settings.sender)[1], to)
    except LoginRefused as exc:
        raise CchcError(lang.LOGIN_REFUSED_VI.format(
            host=settings.host, user=settings.user, mechanism=exc.mechanism, code=exc.code,
            password_env=PASSWORD_ENV)) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise CchcError(lang.SEND_FAILED_VI.format(
            host=settings.host, port=settings.port, error_type=type(exc).__name__,
            error=exc)) from None


__all__ = [
    "ATTACHMENT_TYPES", "build_message", "email_body", "EmailBody", "encoded_header",
    "ENCODED_WORD_BYTES", "ENV", "GMAIL_CLIP_BYTES", "is_draft", "PASSWORD_ENV", "PLAINTEXT_ENV",
    "prepare", "Prepared", "recipients", "send", "smtp_settings", "SmtpSettings", "stacked_tables",
    "summary_of", "WIDE_TABLE",
]
