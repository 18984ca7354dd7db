"""Phone numbers: one registry, tap-to-call links everywhere, and checks that reject unknown or
stale numbers. This module is the public face; the work is done in

* `phone_format`   – parsing, Norwegian grouping and the `tel:` address (phonenumbers);
* `phone_registry` – data/phones.yml: schema (pydantic → data/schemas/phones.schema.json), loading, checks;
* `phone_text`     – finding numbers in Markdown prose, linking them, reporting unknown ones
                     (the recognition rule for editors is in its docstring);
* `phone_page`     – the «Viktige telefonnumre» page and the header strip.
"""
from __future__ import annotations

from veileder.phone_format import display, href, link_html, number_key
from veileder.phone_page import format_date, header_numbers, render_phone_page
from veileder.phone_registry import (
    MAX_VERIFIED_AGE_MONTHS,
    PhoneEntry,
    PhoneRegistry,
    export_schema,
    load_phone_registry,
    schema_text,
)
from veileder.phone_text import link_phone_numbers

__all__ = [
    "MAX_VERIFIED_AGE_MONTHS",
    "PhoneEntry",
    "PhoneRegistry",
    "display",
    "export_schema",
    "format_date",
    "header_numbers",
    "href",
    "link_html",
    "link_phone_numbers",
    "load_phone_registry",
    "number_key",
    "render_phone_page",
    "schema_text",
]
