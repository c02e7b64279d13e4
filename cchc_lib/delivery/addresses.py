"""Email addresses as offices write them, made into what mail servers accept.

- A list pasted from Outlook is one string, ``"a@x.vn; b@y.vn"``, and an address book may
  separate by commas: every value is split at ";" and "," outside quotes, so a display name
  with a comma is kept whole when quoted (``"Nguyễn, Văn A" <a@x.vn>``).
- An internationalized domain (``phường1.example.vn``) goes out as its punycode
  (``xn--phng1-...``) in the envelope and the header, which every server accepts; only the
  display name is written in Vietnamese, encoded for the header (RFC 2047) when the message is
  written.
- Anything that is not one address (a name alone, two addresses run together, a domain that
  cannot be encoded) stops with one message naming it, before anything is sent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import getaddresses

from cchc_lib.core.errors import CchcError
from cchc_lib.core.lang import delivery as lang


@dataclass(frozen=True)
class Recipient:
    name: str  # the display name, as written ("" when none)
    local: str
    domain: str  # as written (Unicode)

    @property
    def ascii_domain(self) -> str:
        return self.domain.encode("idna").decode("ascii")

    @property
    def envelope(self) -> str:
        """The address the server is given (RCPT TO): the domain in punycode."""
        return f"{self.local}@{self.ascii_domain}"

    @property
    def shown(self) -> str:
        """The address as the office wrote it, for messages."""
        return f"{self.local}@{self.domain}"

    def header(self) -> Address:
        return Address(display_name=self.name, username=self.local, domain=self.ascii_domain)


def _recipient(name: str, address: str) -> Recipient | None:
    local, at, domain = address.strip().rpartition("@")
    if not (at and local and "." in domain) or any(c.isspace() or c in "<>,;" for c in address):
        return None
    recipient = Recipient(name.strip(), local, domain.lower())
    try:
        recipient.ascii_domain  # noqa: B018 - refused here, not at the server
    except UnicodeError:
        return None
    return recipient


def split_addresses(values: Iterable[str]) -> list[Recipient]:
    """Every address in ``values`` (each may hold several), in order, each once."""
    out: dict[str, Recipient] = {}
    bad: list[str] = []
    for value in (str(v) for v in values if str(v).strip()):
        found = [_recipient(name, address) for name, address
                 in getaddresses([value.replace(";", ",")]) if name or address]
        if not found or None in found:
            bad.append(value.strip())  # the whole value, as written: the office finds it
            continue
        for recipient in found:
            if recipient is not None:
                out.setdefault(recipient.envelope.casefold(), recipient)
    if bad:
        raise CchcError(lang.BAD_ADDRESSES_VI.format(addresses=", ".join(bad)))
    return list(out.values())


__all__ = ["Recipient", "split_addresses"]
