"""What the reader sees of the registry: the «Viktige telefonnumre» page and the header strip."""
from __future__ import annotations

from datetime import date
from typing import Any

from veileder.phone_registry import PhoneEntry, PhoneRegistry

_CATEGORIES = ("emergency", "police", "health", "helpline")
_WORDS = {
    "nb": {
        "emergency": "Nødnumre",
        "police": "Politiet",
        "health": "Helse",
        "helpline": "Hjelpetelefoner",
        "number": "Nummer",
        "purpose": "Formål",
        "hours": "Åpent",
        "cost": "Pris",
        "free": "Gratis",
        "not_free": "Ikke bekreftet at det er gratis",
        "verified": "Sist kontrollert",
        "note": "Alle numrene på nettstedet kommer fra denne listen. Hvert nummer er kontrollert mot "
                "kilden på datoen som står oppgitt. Trykk på et nummer for å ringe.",
        "empty": "Ingen telefonnumre er publisert.",
    },
    "en": {
        "emergency": "Emergency numbers",
        "police": "Police",
        "health": "Health",
        "helpline": "Helplines",
        "number": "Number",
        "purpose": "What it is for",
        "hours": "Open",
        "cost": "Cost",
        "free": "Free",
        "not_free": "Not confirmed to be free",
        "verified": "Last verified",
        "note": "Every phone number on this site comes from this list. Each number was checked against "
                "its source on the date shown. Tap a number to call it.",
        "empty": "No phone numbers are published.",
    },
}
_MONTHS = {
    "nb": ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "nb"


def format_date(day: date, lang: str) -> str:
    """«15. november 2026» / «15 November 2026»."""
    lang = _lang(lang)
    month = _MONTHS[lang][day.month - 1]
    return f"{day.day}. {month} {day.year}" if lang == "nb" else f"{day.day} {month} {day.year}"


def _md(text: str) -> str:
    """Plain registry text made safe in Markdown (no accidental emphasis, tables or tags)."""
    out = text.replace("\\", "\\\\")
    for ch in "*_`[]<>|":
        out = out.replace(ch, "\\" + ch)
    return out


def render_phone_page(registry: PhoneRegistry, *, lang: str) -> str:
    """The generated part of «Viktige telefonnumre» / «Important phone numbers» (Markdown).

    One `##` section per category and one `###` block per number, each with a short list —
    it reads well on a narrow phone screen, where a wide table would not. The numbers are already
    links; running `link_phone_numbers` over the result changes nothing (links are left alone).
    """
    lang = _lang(lang)
    w = _WORDS[lang]
    if not registry.entries:
        return w["empty"] + "\n"
    parts = [w["note"], ""]
    for category in _CATEGORIES:
        entries = [e for e in registry.entries if e.category == category]
        if not entries:
            continue
        parts += [f"## {w[category]}", ""]
        for e in entries:
            parts += [
                f"### {_md(e.owner.get(lang))}",
                "",
                f"- **{w['number']}:** {e.link_html(lang)}",
                f"- **{w['purpose']}:** {_md(e.purpose.get(lang))}",
                f"- **{w['hours']}:** {_md(e.hours.get(lang))}",
                f"- **{w['cost']}:** {w['free'] if e.free else w['not_free']}",
                f"- **{w['verified']}:** {format_date(e.verified, lang)}",
                "",
            ]
    return "\n".join(parts).rstrip("\n") + "\n"


def header_numbers(registry: PhoneRegistry, *, lang: str) -> list[dict[str, Any]]:
    """The numbers of the page header's emergency strip (entries with `header:`), in registry order.

    Each dict: id, label (the words before the number, from the registry), number (the key),
    display, href, aria_label, title, html (the ready `<a class="tel">` link).
    """
    lang = _lang(lang)
    out: list[dict[str, Any]] = []
    for e in registry.entries:
        if e.header is None:
            continue
        out.append(_header_item(e, lang))
    return out


def _header_item(e: PhoneEntry, lang: str) -> dict[str, Any]:
    assert e.header is not None
    return {
        "id": e.id,
        "label": e.header.get(lang),
        "number": e.key,
        "display": e.display,
        "href": e.href,
        "aria_label": f"{e.display} – {e.owner.get(lang)}",
        "title": e.purpose.get(lang),
        "html": e.link_html(lang),
    }
