"""The automated accessibility check of the browser tests: axe-core (tests/vendor) with the
WCAG 2.1 A and AA rules, run in the page as it is (CSP and all).

The script is evaluated through the DevTools protocol (`page.evaluate`), which the page's
Content-Security-Policy does not govern, so the pages keep their strict CSP during the
check and a CSP violation still shows up in the test.
"""

from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
#: WCAG 2.0 and 2.1, levels A and AA (axe's tags).
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_overtredingen(pagina) -> list[str]:
    """Every violation on the current page as 'rule: target (help)'; empty when clean."""
    if not pagina.evaluate("typeof window.axe !== 'undefined'"):
        pagina.evaluate(AXE.read_text(encoding="utf-8"))
    resultaat = pagina.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return r.violations.map(v => v.nodes.map(
                n => `${v.id}: ${n.target.join(' ')} (${v.help})`)).flat();
        }""",
        WCAG_21_AA,
    )
    return list(resultaat)
