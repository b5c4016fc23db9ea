"""The accessibility check itself finds what it must find (so a clean page means something)."""

from __future__ import annotations

import pytest

from chromium import BROWSERTEST, CHROMIUM, CHROMIUM_ARGS
from toegankelijkheid import axe_overtredingen

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is niet geïnstalleerd")

pytestmark = BROWSERTEST[:1] + BROWSERTEST[2:]  # no database needed


def test_axe_ziet_een_veld_zonder_label_en_een_plaatje_zonder_alt():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            pagina = browser.new_page()
            pagina.set_content(
                '<html lang="nl"><head><title>t</title></head><body><main>'
                '<h1>Kop</h1><img src="data:,"><input type="text"></main></body></html>'
            )
            regels = {o.split(":")[0] for o in axe_overtredingen(pagina)}
        finally:
            browser.close()
    assert {"image-alt", "label"} <= regels
