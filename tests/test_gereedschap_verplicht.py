"""A missing tool (Chromium, Playwright, pdftoppm) skips the tests that need it in a
developer's own run, and fails them with LEERPLICHT_TEST_GEREEDSCHAP_VERPLICHT=1, which
`scripts/testen` (so `make test`) sets: a round must not report ok while checking nothing.
The rule lives in tests/chromium.py and tests/conftest.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import chromium
from chromium import VERPLICHT, pdftoppm, vereis_browser

WORTEL = Path(__file__).resolve().parents[1]
#: One browser test, cheap to collect; a missing tool stops it before any fixture.
BROWSERTEST = "tests/portaal/test_browser_axe_controle.py"


@pytest.fixture
def zonder_pdftoppm(monkeypatch):
    monkeypatch.setenv("LEERPLICHT_PDFTOPPM", "/bestaat/niet/pdftoppm")


def test_pdftoppm_ontbreekt_met_de_schakelaar_een_fout(monkeypatch, zonder_pdftoppm):
    monkeypatch.setenv(VERPLICHT, "1")
    with pytest.raises(pytest.fail.Exception, match=r"pdftoppm ontbreekt.*poppler-utils"):
        pdftoppm()
    with pytest.raises(pytest.fail.Exception, match="pdftoppm ontbreekt"):
        pdftoppm(overslaan=False)  # also where the PNGs are only for a person to look at


def test_pdftoppm_ontbreekt_zonder_de_schakelaar_overgeslagen(monkeypatch, zonder_pdftoppm):
    monkeypatch.delenv(VERPLICHT, raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"pdftoppm ontbreekt.*poppler-utils"):
        pdftoppm()
    assert pdftoppm(overslaan=False) is None
    monkeypatch.setenv(VERPLICHT, "0")
    with pytest.raises(pytest.skip.Exception):
        pdftoppm()


def test_chromium_ontbreekt(monkeypatch):
    monkeypatch.setattr(chromium, "CHROMIUM", "/bestaat/niet/chromium")
    monkeypatch.setenv(VERPLICHT, "1")
    with pytest.raises(
        pytest.fail.Exception, match=r"chromium ontbreekt.*apt-get install -y chromium"
    ):
        vereis_browser()
    monkeypatch.delenv(VERPLICHT)
    with pytest.raises(pytest.skip.Exception, match="chromium ontbreekt"):
        vereis_browser()


def _pytest(tmp_path: Path, verplicht: bool, **omgeving: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != VERPLICHT and not k.startswith("PYTEST")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path}/db.sqlite3"
    if verplicht:
        env[VERPLICHT] = "1"
    env.update(omgeving)
    return subprocess.run(
        [sys.executable, "-m", "pytest", BROWSERTEST, "-rs"],
        cwd=WORTEL,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.traag
def test_browsertest_zonder_chromium_faalt_in_make_test(tmp_path):
    weg = {"LEERPLICHT_CHROMIUM": "/bestaat/niet/chromium"}
    streng = _pytest(tmp_path, verplicht=True, **weg)
    assert streng.returncode == 1, streng.stdout
    assert "chromium ontbreekt op /bestaat/niet/chromium" in streng.stdout
    assert " passed" not in streng.stdout and " skipped" not in streng.stdout

    eigen = _pytest(tmp_path, verplicht=False, **weg)
    assert eigen.returncode == 0, eigen.stdout
    assert "skipped" in eigen.stdout and "chromium ontbreekt" in eigen.stdout


@pytest.mark.traag
def test_browsertest_zonder_playwright_faalt_in_make_test(tmp_path):
    """A `playwright` package that cannot be imported, first on the path: the test module's
    `pytest.importorskip` skips it; with the switch that is a collection error."""
    nep = tmp_path / "nep" / "playwright"
    nep.mkdir(parents=True)
    (nep / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'playwright'\")\n"
    )
    weg = {"PYTHONPATH": str(nep.parent)}
    streng = _pytest(tmp_path, verplicht=True, **weg)
    assert streng.returncode != 0, streng.stdout
    assert "playwright ontbreekt" in streng.stdout and "make install" in streng.stdout

    eigen = _pytest(tmp_path, verplicht=False, **weg)
    assert eigen.returncode in (0, 5), eigen.stdout  # 5: nothing collected
    assert "skipped" in eigen.stdout
