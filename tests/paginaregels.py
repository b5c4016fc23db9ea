"""Rules every page keeps, for the page tests: ready for a strict Content-Security-Policy."""

from __future__ import annotations

import re

#: The only script a page loads: htmx from our own static files (no inline script).
EIGEN_SCRIPTS = ['<script src="/static/portaal/vendor/htmx/htmx.min.js" defer>']


def zonder_inline_script_of_stijl(html: str) -> bool:
    """No inline script, no script from elsewhere, no style attribute."""
    return re.findall(r"<script[^>]*>", html) == EIGEN_SCRIPTS and "style=" not in html
