"""Top-level pytest configuration. Keep it small: fixtures belong next to their tests."""

import os

from hypothesis import settings

# In CI: no per-example deadline (a loaded 2-core machine is slow at random moments).
settings.register_profile("ci", deadline=None, derandomize=False)
if os.environ.get("CI"):
    settings.load_profile("ci")
