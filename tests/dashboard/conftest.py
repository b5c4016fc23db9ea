"""Fixtures of the dashboard tests: the data of dashboardwereld.py, imported."""

from __future__ import annotations

import pytest
from dashboardwereld import Dashboardwereld, bouw


@pytest.fixture
def wereld(db, tmp_path) -> Dashboardwereld:
    return bouw(tmp_path / "set")
