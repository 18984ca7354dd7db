"""Norwegian phone numbers: one key per number, the grouping readers expect, and the `tel:` address.

Kinds of number (all Norwegian, country code 47):

* full numbers: 8 digits (22 40 00 40, 800 40 008), written with or without +47 / 0047;
* short numbers: 3–4 digits (112, 1412), 5 digits starting with 0 (02800) and the
  European harmonised 116 xxx numbers (116 006).

The key of a number is its national digits (``"22400040"``, ``"02800"``, ``"116006"``). Parsing and
the grouping of full numbers come from the `phonenumbers` library; short numbers are checked with
`phonenumbers.shortnumberinfo`.

The `tel:` address — the choice, and why:

* full numbers get E.164 with the country code, ``tel:+4722400040``: it dials correctly from a
  Norwegian and from a foreign phone. RFC 3966 (§ 5.1.4) asks for this global form wherever a
  number has one, and it is what ``phonenumbers.format_number(..., E164)`` gives.
* short numbers get their bare digits, ``tel:112``, ``tel:02800``, ``tel:116006``. They have no
  global form: they exist only inside the Norwegian networks, and "+47 112" is not a number any
  network routes, so ``tel:+47112`` (what phonenumbers' E164 gives) and ``tel:+47-112`` (its RFC3966
  format) can fail to connect — on a safety site the link must dial. RFC 3966 (§ 5.1.5) wants a
  local number to carry ``;phone-context=+47``; we leave it out on purpose, because phone diallers
  read ``;`` in a dial string as "wait" (Android's PhoneNumberUtils.WAIT) and would not dial the
  number cleanly. A phone abroad cannot reach these numbers at all.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

import phonenumbers
from phonenumbers import shortnumberinfo

REGION = "NO"
_DIGITS = re.compile(r"\d+")


# What may stand before the national digits: +47, 0047, (+47) or (0047).
COUNTRY_CODE = re.compile(r"(?:\(\+47\)|\(0047\)|\+47|0047)[ \u00a0\u202f.\-]?")
# Digit groups joined by single spaces (also no-break and narrow no-break), hyphens or full stops.
_GROUPED = re.compile(r"\d+(?:[ \u00a0\u202f.\-]\d+)*")


@lru_cache(maxsize=4096)  # pure; called for every number on every page
def number_key(written: str) -> str | None:
    """The national digits of a Norwegian number as people write it, or None if it is not one.

    ``"+47 22 40 00 40"`` → ``"22400040"``, ``"0047 22400040"`` → ``"22400040"``,
    ``"(+47) 22-40-00-40"`` → ``"22400040"``, ``"116 006"`` → ``"116006"``, ``"02800"`` → ``"02800"``,
    ``"112"`` → ``"112"``. Full numbers may be grouped with spaces, hyphens or full stops; short
    numbers are written as one group (116 xxx may have one space). Only the shapes this site knows
    are accepted (see module docstring); a short number never takes the country code.
    """
    text = written.strip()
    cc = COUNTRY_CODE.match(text)
    rest = text[cc.end():] if cc else text
    if not _GROUPED.fullmatch(rest):
        return None
    digits = "".join(_DIGITS.findall(rest))
    if len(digits) == 8:
        return digits if is_valid_full(digits) else None
    if cc:
        return None
    if is_short_shape(digits) and re.fullmatch(r"\d+|116[ \u00a0\u202f-]\d{3}", text):
        return digits if is_possible_short(digits) else None
    return None


def is_short_shape(digits: str) -> bool:
    """3–4 digits starting with 1–9, 5 digits starting with 0, or 116 followed by 3 digits."""
    return bool(re.fullmatch(r"[1-9]\d{2,3}|0\d{4}|116\d{3}", digits))


def is_short(key: str) -> bool:
    return len(key) != 8


@lru_cache(maxsize=4096)  # pure; called for every number on every page
def is_valid_full(digits: str) -> bool:
    """An 8-digit Norwegian number that phonenumbers knows as valid."""
    try:
        parsed = phonenumbers.parse(digits, REGION)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number_for_region(parsed, REGION)


@lru_cache(maxsize=4096)  # pure; called for every number on every page
def is_possible_short(digits: str) -> bool:
    """A number of short-number shape that phonenumbers accepts as a possible Norwegian number.

    `phonenumbers` 9.0.43 does not list every short number in use as *valid* (116 006 is missing,
    02800 is filed as a full number), so the registry, not the library, decides which exist.
    """
    try:
        parsed = phonenumbers.parse(digits, REGION)
    except phonenumbers.NumberParseException:
        return False
    return shortnumberinfo.is_possible_short_number_for_region(parsed, REGION) or (
        digits.startswith("0") and phonenumbers.is_valid_number_for_region(parsed, REGION)
    )


@lru_cache(maxsize=4096)  # pure; called for every number on every page
def display(key: str) -> str:
    """The usual Norwegian grouping: 22 40 00 40, 800 40 008, 116 006, 02800, 112."""
    if len(key) == 8:
        parsed = phonenumbers.parse(key, REGION)
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    if len(key) == 6:
        return f"{key[:3]} {key[3:]}"
    return key


@lru_cache(maxsize=4096)  # pure; called for every number on every page
def e164(key: str) -> str:
    """E.164 for a full number (``+4722400040``); the bare digits for a short number."""
    if len(key) == 8:
        parsed = phonenumbers.parse(key, REGION)
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return key


def href(key: str) -> str:
    """The `tel:` address that dials the number (see the module docstring for the choice)."""
    return f"tel:{e164(key)}"


def _attr(text: str) -> str:
    # `|` would end a Markdown table cell even inside an attribute.
    return html.escape(text, quote=True).replace("|", "&#124;")


# What link_html makes, and nothing else: the build's own tap-to-call link (group 1: its address).
TEL_LINK = re.compile(r'<a class="tel" href="(tel:\+?\d+)" aria-label="[^"]+"(?: title="[^"]*")?>[^<]*</a>')


@lru_cache(maxsize=4096)  # pure; called for every number on every page
def link_html(key: str, *, owner: str, purpose: str | None = None) -> str:
    """`<a class="tel">` for a number: visible grouping, owner in the accessible name."""
    shown = display(key)
    parts = [
        f'<a class="tel" href="{_attr(href(key))}"',
        f' aria-label="{_attr(f"{shown} – {owner}")}"',
    ]
    if purpose:
        parts.append(f' title="{_attr(purpose)}"')
    parts.append(f">{html.escape(shown)}</a>")
    return "".join(parts)
