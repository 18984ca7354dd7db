"""Shared helpers for the phone tests (not a test module)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from veileder.phone_registry import load_phone_registry

ROOT = Path(__file__).resolve().parents[2]
REGISTRY_PATH = ROOT / "data" / "phones.yml"
TODAY = date(2026, 11, 23)


def real_registry():
    registry, problems = load_phone_registry(REGISTRY_PATH, today=date.today())  # the real file, as the build reads it today
    assert problems == []
    return registry
