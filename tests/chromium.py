"""Shared set-up of the browser tests: Debian's Chromium, headless, driven by Playwright."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
#: Without the background-networking flags Chromium keeps calling out on a closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTEFACTEN = Path(__file__).resolve().parents[1] / "test-artefacten"

#: `pytestmark` of every browser test module.
BROWSERTEST = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (os.access(CHROMIUM, os.X_OK) or shutil.which("chromium") == CHROMIUM),
        reason=f"Chromium ontbreekt op {CHROMIUM} (apt-get install -y chromium)",
    ),
]
