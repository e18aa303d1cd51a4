"""Fetch web pages over HTTP(S) with the standard library, safely.

Every request has a timeout and a size cap, carries a ``wirecheck/<version>`` user agent, is
retried with exponential back-off on 5xx answers, timeouts and dropped connections, and follows
redirects up to a limit (a loop is a Failure). No request goes to a private, loopback,
link-local, reserved or multicast address unless ``[ingest] allow_private`` is true: the host is
resolved with ``socket.getaddrinfo``, every address is checked with ``ipaddress``, and the
connection goes to the address that was checked (so a second lookup cannot swap it); each
redirect target is checked again. Settings come from ``[ingest]``: ``timeout_seconds``,
``max_bytes``, ``retries``, ``backoff_seconds``, ``max_redirects``, ``allow_private``.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..config import Settings
from ..errors import EmptyInput, InputError, TooLarge
from ..types import Failure, RawDocument
from .base import Read, failure, looks_html, page_document, utc_now

USER_AGENT = f"wirecheck/{__version__}"
REDIRECTS = (301, 302, 303, 307, 308)
HTML_TYPES = ("text/html", "application/xhtml+xml")
CHUNK = 65_536


class FetchError(InputError):
    code = "W110"
    hint = "check the address, try again later, or save the page and pass the file"


class Unreachable(FetchError):
    """A timeout, a refused or dropped connection, or a 5xx answer: worth trying again."""

    code = "W111"


class RefusedAddress(FetchError):
    code = "W112"
    hint = ("wirecheck fetches public addresses only; set [ingest] allow_private = true to "
            "read from your own network")


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    reason: str
    content_type: str  # media type, lowercase, without parameters
    charset: str | None
    location: str | None
    body: bytes


def get(url: str, settings: Settings) -> Response | Failure:
    """The final answer for ``url`` (redirects followed), or a Failure that says why not."""
    try:
        return follow(url, settings["ingest"])
    except InputError as exc:
        return failure("fetch", url, exc)


def fetch(url: str, settings: Settings) -> RawDocument | Failure:
    """The web page at ``url`` as a RawDocument (meta url, fetched), or a Failure."""
    response = get(url, settings)
    return response if isinstance(response, Failure) else as_document(url, response)


def as_document(source: str, response: Response) -> RawDocument | Failure:
    kind = page_kind(response)
    if kind is None:
        return failure("fetch", source, FetchError(
            f"{source} is {response.content_type or 'of no stated type'}, not a web page",
            hint="wirecheck reads HTML and text pages, and RSS or Atom feeds"))
    meta = {"url": response.url, "fetched": utc_now()}
    return page_document(source, response.body, meta, response.charset, media_type=kind)


def page_kind(response: Response) -> str | None:
    kind = response.content_type
    if kind in HTML_TYPES:
        return "html"
    if kind in ("", "text/plain", "application/octet-stream"):
        return "html" if looks_html(response.body[:4096].decode("latin-1")) else "text"
    return None


def follow(url: str, ingest: dict[str, Any]) -> Response:
    seen: list[str] = []
    current = url
    while True:
        if current in seen:
            raise FetchError(f"{url} redirects in a loop (back to {current})",
                             hint="the site is misconfigured; try the final address directly")
        if len(seen) > ingest["max_redirects"]:
            raise FetchError(f"{url} redirects more than {ingest['max_redirects']} times",
                             hint="raise [ingest] max_redirects, or pass the final address")
        seen.append(current)
        response = with_retries(current, ingest)
        if response.status not in REDIRECTS:
            return response
        if not response.location:
            raise FetchError(f"{current} answered HTTP {response.status} without a Location")
        current = urljoin(current, response.location)


def with_retries(url: str, ingest: dict[str, Any]) -> Response:
    attempts = max(1, ingest["retries"] + 1)
    for attempt in range(attempts):
        try:
            response = request(url, ingest)
            if response.status >= 500:
                raise Unreachable(f"{url} answered HTTP {response.status} {response.reason}")
            break
        except Unreachable as exc:
            if attempt + 1 == attempts:
                tries = f" (tried {attempts} times)" if attempts > 1 else ""
                raise Unreachable(f"{exc.args[0]}{tries}", hint=exc.hint) from exc
            time.sleep(ingest["backoff_seconds"] * 2 ** attempt)
    if 400 <= response.status < 500:
        raise FetchError(f"{url} answered HTTP {response.status} {response.reason}",
                         hint="check the address: the page may have moved, been removed or "
                              "be behind a login")
    return response


def request(url: str, ingest: dict[str, Any]) -> Response:
    """One GET of ``url``, to the address that was checked; the body only when not a redirect."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url} is not an http or https address")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"{url} has a bad port ({exc})") from exc
    address = resolve(parts.hostname, port, ingest["allow_private"])
    timeout = float(ingest["timeout_seconds"])
    connection = pinned(parts.scheme, parts.hostname, port, address, timeout)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("GET", target, headers={
            "User-Agent": USER_AGENT, "Accept": "text/html, application/xhtml+xml, application/"
            "rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.1",
            "Accept-Encoding": "identity"})
        with connection.getresponse() as answer:
            return read_answer(url, answer, ingest["max_bytes"], time.monotonic() + timeout)
    except TimeoutError as exc:
        raise Unreachable(f"{url} did not answer within {timeout:g} s",
                          hint="try again later, or raise [ingest] timeout_seconds") from exc
    except ssl.SSLCertVerificationError as exc:
        raise FetchError(f"{url} has an invalid certificate ({exc.verify_message})") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise Unreachable(f"{url} could not be read ({type(exc).__name__}: {exc})") from exc
    finally:
        connection.close()


def read_answer(url: str, answer: http.client.HTTPResponse, max_bytes: int,
                deadline: float) -> Response:
    content_type = answer.headers.get_content_type() if answer.headers.get("Content-Type") else ""
    charset = answer.headers.get_content_charset()
    location = answer.headers.get("Location")
    body = b"" if answer.status in REDIRECTS else read_body(url, answer, max_bytes, deadline)
    return Response(url=url, status=answer.status, reason=answer.reason or "",
                    content_type=content_type, charset=charset, location=location, body=body)


def read_body(url: str, answer: http.client.HTTPResponse, max_bytes: int,
              deadline: float) -> bytes:
    declared = answer.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge(f"{url} is {int(declared):,} bytes, over the limit of {max_bytes:,}")
    chunks: list[bytes] = []
    size = 0
    while chunk := answer.read(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise TooLarge(f"{url} sends more than {max_bytes:,} bytes, the limit")
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
    return b"".join(chunks)


def resolve(host: str, port: int, allow_private: bool) -> str:
    """The address to connect to; every address of ``host`` must be public unless allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"{host} cannot be resolved ({exc})",
                         hint="check the address and your network") from exc
    addresses = [str(info[4][0]) for info in infos]
    if not allow_private:
        for address in addresses:
            if (kind := non_public(address)) is not None:
                raise RefusedAddress(f"{host} is {address}, a {kind} address: refused")
    return addresses[0]


def non_public(address: str) -> str | None:
    """What kind of non-public address ``address`` is, or None when it is public."""
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "private", "link_local", "multicast", "unspecified", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if ip.is_global else "non-public"


def pinned(scheme: str, host: str, port: int, address: str,
           timeout: float) -> http.client.HTTPConnection:
    if scheme == "https":
        return PinnedHTTPS(host, port, address, timeout)
    return PinnedHTTP(host, port, address, timeout)


class PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to a given address, whatever the host name resolves to now."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPS(http.client.HTTPSConnection):
    """An HTTPS connection to a given address; the certificate is checked for the host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.address = address

    def connect(self) -> None:
        raw = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.tls.wrap_socket(raw, server_hostname=self.host)


def url_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, address) of a file of URLs: one per line; blank lines and # comments are
    skipped. An OSError becomes an InputError."""
    try:
        text = path.read_text("utf-8-sig", errors="replace")
    except OSError as exc:
        raise InputError(f"{path} cannot be read ({exc.strerror or exc})",
                         hint="check the path of the file of URLs") from exc
    lines = ((number, line.split(" #")[0].strip())
             for number, line in enumerate(text.splitlines(), 1))
    return [(number, line) for number, line in lines if line and not line.startswith("#")]


def url_list(path: str | Path) -> list[str]:
    """The addresses of a file of URLs (for a command line that adds them to its inputs)."""
    return [line for _, line in url_lines(Path(path))]


def read_url_file(path: Path, settings: Settings, read_url: Any) -> Read:
    """Every address of a file of URLs through ``read_url``; a line that is no URL fails alone."""
    try:
        lines = url_lines(path)
    except InputError as exc:
        yield failure("read", str(path), exc)
        return
    if not lines:
        yield failure("read", str(path), EmptyInput(f"{path.name} lists no address"))
    for number, line in lines:
        if line.lower().startswith(("http://", "https://")):
            yield from read_url(line, settings)
        else:
            yield failure("read", f"{path}#{number}", InputError(
                f"line {number} ({line!r}) is not an http or https address",
                hint="write one address per line, such as https://example.com/news/1"))
