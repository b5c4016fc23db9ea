"""Charts of the jaarverslag and the dashboard as SVG (matplotlib), for HTML and PDF.

Each SVG is self-describing for a screen reader: role="img" with <title> and <desc> (the
`Grafiek.tekstalternatief`), and the same numbers are in the table next to it. The output
is reproducible: no date in the metadata, fixed ids (svg.hashsalt), text kept as text
(svg.fonttype none) in the report font, Dutch number formatting on the axes.

Every text from data (series names, categories: gemeente names from the exchange format,
benchmark sources typed by a teammanager) goes into matplotlib through `letterlijk`, so a
`$` is never read as mathtext: `Regio $\\undefinedcmd{x}$` is shown as written instead of
failing the whole report. Text that is not data (the axis numbers) has no `$`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from html import escape

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, MaxNLocator

from leerplicht.domein.formattering import getal, procent

from .document import Grafiek, Grafieksoort

#: The report font (Debian fonts-open-sans, scripts/systeempakketten.sh), with fallbacks.
LETTERTYPEN = ["Open Sans", "DejaVu Sans", "sans-serif"]
#: Colours with at least 3:1 contrast against white and each other's neighbours (WCAG 1.4.11).
KLEUREN = ["#154273", "#e17000", "#39870c", "#a90061", "#42145f", "#007bc7", "#673327"]
STIJL = {
    "font.family": LETTERTYPEN,
    "font.size": 9,
    "svg.fonttype": "none",
    "svg.hashsalt": "leerplicht",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=KLEUREN),
}
BREEDTE_INCH = 6.3  # the text width of an A4 page with 2 cm margins


def letterlijk(tekst: str) -> str:
    """`tekst` as matplotlib must get it to show it exactly as written.

    matplotlib reads text between two unescaped `$` as mathtext, and an unknown command in
    it raises while the figure is saved (a 500 on every page with the chart). Escaping
    every `$` makes `cbook.is_math_text` false for any input, and matplotlib then turns
    each `\\$` back into `$`, so the text round-trips unchanged (also an existing `\\$`).
    Escaping instead of `parse_math=False` per artist: tick labels and legend entries are
    created by matplotlib itself, an escaped string is safe wherever it ends up.
    """
    return tekst.replace("$", r"\$")


def _as_opmaak(eenheid: str) -> FuncFormatter:
    if eenheid == "procent":
        return FuncFormatter(lambda x, _: procent(round(float(x), 2)))
    return FuncFormatter(lambda x, _: getal(round(float(x))))


def _getallen(waarden) -> list[float]:
    return [0.0 if w is None else float(w) for w in waarden]


def _liggend(g: Grafiek) -> bool:
    """Bars lie down when their labels would not fit side by side under them: a
    distribution, or many or long categories (kengetallen, many gemeenten)."""
    if g.soort is Grafieksoort.VERDELING:
        return True
    if g.soort is not Grafieksoort.STAAF:
        return False
    return len(g.categorieen) > 6 or max((len(c) for c in g.categorieen), default=0) > 16


def _teken(g: Grafiek) -> plt.Figure:
    liggend = _liggend(g)
    hoogte = max(2.0, 0.3 * len(g.categorieen) * max(1, len(g.reeksen))) if liggend else 2.8
    fig, ax = plt.subplots(figsize=(BREEDTE_INCH, hoogte), layout="constrained")
    opmaak = _as_opmaak(g.eenheid)
    posities = list(range(len(g.categorieen)))
    categorieen = [letterlijk(c) for c in g.categorieen]
    # One artist per series, for the legend: given with its names, never read back from
    # the artists' labels (matplotlib would drop a name that starts with "_").
    figuren = []
    if g.soort is Grafieksoort.LIJN:
        for reeks in g.reeksen:
            (lijn,) = ax.plot(posities, _getallen(reeks.waarden), marker="o")
            figuren.append(lijn)
        ax.set_xticks(posities, categorieen)
        ax.yaxis.set_major_formatter(opmaak)
        ax.set_ylim(bottom=0)
    else:
        breedte = 0.8 / max(1, len(g.reeksen))
        for i, reeks in enumerate(g.reeksen):
            plaats = [p + i * breedte - 0.4 + breedte / 2 for p in posities]
            teken = ax.barh if liggend else ax.bar
            kleur = {"color": KLEUREN[0]} if len(g.reeksen) == 1 else {}
            figuren.append(teken(plaats, _getallen(reeks.waarden), breedte, **kleur))
        if liggend:
            ax.set_yticks(posities, categorieen)
            ax.invert_yaxis()
            ax.xaxis.set_major_formatter(opmaak)
            ax.xaxis.set_major_locator(MaxNLocator(integer=g.eenheid != "procent"))
        else:
            ax.set_xticks(posities, categorieen)
            ax.yaxis.set_major_formatter(opmaak)
    if len(g.reeksen) > 1:
        # Outside the plot, in one row: inside it the legend can cover lines or bars.
        ax.legend(
            figuren,
            [letterlijk(r.naam) for r in g.reeksen],
            frameon=False,
            loc="lower center",
            bbox_to_anchor=(0.5, 1.0),
            ncol=len(g.reeksen),
        )
    ax.tick_params(length=0)
    ax.grid(axis="x" if liggend else "y", color="#d0d0d0", linewidth=0.5)
    ax.set_axisbelow(True)
    return fig


def svg(g: Grafiek) -> str:
    """The chart as an inline SVG element (no XML declaration), accessible by itself."""
    with plt.rc_context(STIJL):
        fig = _teken(g)
        uit = io.StringIO()
        fig.savefig(uit, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
    tekst = uit.getvalue()
    tekst = tekst[tekst.index("<svg") :]
    tekst = re.sub(r"<!--.*?-->", "", tekst, flags=re.S)
    tekst = _zonder_stijlblokken(_eigen_ids(tekst, g.id))
    titel_id, desc_id = f"{g.id}-titel", f"{g.id}-beschrijving"
    kop = f'<svg role="img" aria-labelledby="{titel_id} {desc_id}" data-grafiek="{escape(g.id)}"'
    tekst = tekst.replace("<svg", kop, 1)
    beschrijving = (
        f'<title id="{titel_id}">{escape(g.titel)}</title>'
        f'<desc id="{desc_id}">{escape(g.tekstalternatief)}</desc>'
    )
    # Right after the opening tag: the first children name the image.
    einde_tag = tekst.index(">") + 1
    return tekst[:einde_tag] + beschrijving + tekst[einde_tag:]


def _eigen_ids(tekst: str, voorvoegsel: str) -> str:
    """Every id of the chart prefixed with the chart's id: matplotlib numbers its groups
    the same in every chart (figure_1, patch_1 ...), and several charts share one HTML
    page, where ids must be unique and url(#...) finds the first match in the page."""

    def eigen(tag: str) -> str:
        tag = re.sub(r'\bid="([^"]+)"', rf'id="{voorvoegsel}-\1"', tag)
        tag = re.sub(r"url\(#([^)]+)\)", rf"url(#{voorvoegsel}-\1)", tag)
        return re.sub(r'((?:xlink:)?href)="#([^"]+)"', rf'\1="#{voorvoegsel}-\2"', tag)

    return _in_tags(tekst, eigen)


def _in_tags(tekst: str, bewerk: Callable[[str], str]) -> str:
    """`bewerk` applied to the tags only, never to the text between them: a label such as
    `id="x"` or `style="a:b"` is data and must stay as written. matplotlib escapes `<` and
    `>` in text and attribute values, so outside comments (removed first) every `<...>` is
    a tag."""
    return re.sub(r"<[^>]*>", lambda m: bewerk(m.group(0)), tekst)


def _zonder_stijlblokken(tekst: str) -> str:
    """CSS in style="" and <style> as SVG presentation attributes instead: the portal's
    Content-Security-Policy (style-src 'self') blocks inline styles, not attributes, so
    the chart keeps its colours and font in the web app as in the file and the PDF."""

    def attributen(m: re.Match[str]) -> str:
        delen = (d.split(":", 1) for d in m.group(1).split(";") if ":" in d)
        return " ".join(f'{k.strip()}="{v.strip()}"' for k, v in delen)

    tekst = re.sub(r"<metadata>.*?</metadata>\s*", "", tekst, flags=re.S)
    # matplotlib's one rule, `*{stroke-linejoin: round; stroke-linecap: butt}`: inherited
    # properties, so the same on the root element.
    tekst = re.sub(r"<defs>\s*<style[^>]*>[^<]*</style>\s*</defs>\s*", "", tekst)
    tekst = tekst.replace("<svg", '<svg stroke-linejoin="round" stroke-linecap="butt"', 1)
    return _in_tags(tekst, lambda tag: re.sub(r'style="([^"]*)"', attributen, tag))
