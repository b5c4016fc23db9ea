"""Fixtures of the letter tests are in brief_hulp.py; here only the warning filter."""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_collection_modifyitems(config, items):
    """WhiteNoise warns that STATIC_ROOT (made by collectstatic) is missing (see portaal)."""
    hier = str(Path(__file__).parent)
    for item in items:
        if str(item.path).startswith(hier):
            item.add_marker(pytest.mark.filterwarnings("ignore:No directory at:UserWarning"))
