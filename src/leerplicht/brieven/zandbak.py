"""The Jinja sandbox that fills a letter template, with limits on size, steps and time.

A template is written by a beheerder and rendered on the web server and in the worker.
Jinja's own sandbox keeps Python's internals out, but not cost: `{{ 'a' * 100000000 }}`
builds 100 MB (folded at compile time, then laid out as a PDF for most of a minute) and
`{% for x in range(10**8) %}` ends in an uncaught OverflowError. So this environment:

- bounds every value a template computes (`MAX_WAARDE` characters or items): the
  operators that can multiply a value (`*`, `**`, `%`, `+`, `~`) are intercepted and
  estimated *before* they run, as are the filters and text methods that can (center,
  replace, join, indent, ...); every result is measured again afterwards;
- has its own `range` (`MAX_REEKS` numbers at most) and no `lipsum`;
- adds up everything computed (`MAX_BEREKEND`), so many values each within the limit
  cannot add up to gigabytes either;
- counts loop iterations and calls (`MAX_STAPPEN`) and checks the wall clock
  (`MAX_RENDERTIJD`) in those hooks and on every piece of output; no signals, because
  rendering also runs in worker threads;
- lets the filled-in text grow by at most `MAX_GROEI` characters over the template's own;
- is immutable (no `list.append` and friends), so values cannot grow behind the hooks.

Every limit raises `Grensfout` with a Dutch message; `weergave.vul_docx` turns it (and
every other error a template can cause) into a `Sjabloonfout` that names the paragraph.
One environment serves one letter: the counters live on the instance.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from functools import update_wrapper
from typing import Any

from jinja2 import nodes, pass_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import Namespace

#: One value a template computes: characters of a text, or items of a list (counted
#: through nested lists). A placeholder's own value is at most a few thousand.
MAX_WAARDE = 200_000
#: How much longer the filled-in letter may be than its template, in characters.
MAX_GROEI = 200_000
#: The most numbers `range()` may make.
MAX_REEKS = 10_000
#: Loop iterations plus calls (macros, methods, filters) in one letter.
MAX_STAPPEN = 100_000
#: Seconds of wall-clock time for filling in one letter (all its parts).
MAX_RENDERTIJD = 5.0
#: The largest whole number a calculation may make, in bits (about 1,200 digits).
MAX_GETAL_BITS = 4_096
#: All values computed in one letter together (characters plus items): many values each
#: under MAX_WAARDE (a `map` over a long list, say) must not add up to gigabytes.
MAX_BEREKEND = 10_000_000


class Grensfout(Exception):
    """A template went over one of the limits; the message is Dutch, for the beheerder.

    `regel` is the line of the template source when only the caller knows it (the output
    check runs outside the template's own frames).
    """

    def __init__(self, melding: str, regel: int | None = None) -> None:
        super().__init__(melding)
        self.regel = regel


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def te_groot() -> Grensfout:
    return Grensfout(
        f"de plaatshouder maakt een tekst of lijst van meer dan {_getal(MAX_WAARDE)} tekens "
        "of onderdelen"
    )


# --- measuring ---------------------------------------------------------------------------


def omvang(waarde: Any, grens: int | None = None) -> int:
    """Characters of text plus items of containers, counted through nesting; stops
    counting once over `grens` (default MAX_WAARDE): a nested list can be far larger
    than its memory."""
    grens = MAX_WAARDE if grens is None else grens
    totaal = 0
    stapel = [waarde]
    while stapel:
        w = stapel.pop()
        if isinstance(w, str | bytes | range):
            totaal += len(w)
        elif isinstance(w, dict):
            totaal += len(w)
            if totaal <= grens:
                stapel.extend(w.keys())
                stapel.extend(w.values())
        elif isinstance(w, list | tuple | set | frozenset):
            totaal += len(w)
            if totaal <= grens:
                stapel.extend(w)
        elif isinstance(w, Namespace):  # {% set ns = namespace(...) %}: its values count
            totaal += 1
            stapel.append(getattr(w, "_Namespace__attrs", None))
        else:
            totaal += 1
        if totaal > grens:
            return totaal
    return totaal


def begrens(waarde: Any) -> Any:
    """`waarde` if it is within the limits, else Grensfout."""
    if isinstance(waarde, int) and waarde.bit_length() > MAX_GETAL_BITS:
        raise _te_groot_getal()
    if omvang(waarde) > MAX_WAARDE:
        raise te_groot()
    return waarde


def _te_groot_getal() -> Grensfout:
    return Grensfout("een berekening in de plaatshouder maakt een te groot getal")


def _lengte(waarde: Any) -> int | None:
    if isinstance(waarde, str | bytes | list | tuple):
        return len(waarde)
    return None


def _heel_getal(waarde: Any) -> bool:
    return isinstance(waarde, int) and not isinstance(waarde, bool)


def _controleer_getallen(waarden: Iterable[Any], wat: str) -> None:
    """Whole numbers as arguments (a width, a count, a length) stay under MAX_WAARDE."""
    for w in waarden:
        if _heel_getal(w) and abs(w) > MAX_WAARDE:
            raise Grensfout(
                f"{wat} krijgt een te groot getal ({_getal(w)}; hoogstens {_getal(MAX_WAARDE)})"
            )


#: printf-style specs (`%5d`, `%-*s`, `%(naam)010.3f`) and str.format fields (`{:>20}`).
_PROCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_FORMAT_VELD = re.compile(r"\{[^{}]*\}")


def controleer_opmaak(tekst: str, *, procent: bool) -> None:
    """Widths and precisions in a format string stay under MAX_WAARDE; `*` (a width from
    the arguments) and nested fields are refused: a letter never needs them."""
    if procent:
        for breedte, precisie in _PROCENT_SPEC.findall(tekst):
            for getal in (breedte, precisie):
                if getal == "*":
                    raise Grensfout("een opmaak met * (breedte uit de argumenten) mag niet")
                if getal and int(getal) > MAX_WAARDE:
                    raise Grensfout(f"een opmaak vraagt een breedte van {_getal(int(getal))}")
        return
    zonder_velden = _FORMAT_VELD.sub("", tekst.replace("{{", "").replace("}}", ""))
    if "{" in zonder_velden:
        raise Grensfout("een opmaak met geneste {} mag niet")
    for veld in _FORMAT_VELD.findall(tekst):
        for getal in re.findall(r"\d+", veld.partition(":")[2]):
            if int(getal) > MAX_WAARDE:
                raise Grensfout(f"een opmaak vraagt een breedte van {_getal(int(getal))}")


# --- estimates before an operation runs ------------------------------------------------------


def schat_binop(operator: str, links: Any, rechts: Any) -> None:
    """Refuse `links <operator> rechts` before it runs if its result would be too big."""
    if operator == "*":
        _schat_vermenigvuldiging(links, rechts)
    elif operator == "**" and _macht_te_groot(links, rechts):
        raise _te_groot_getal()
    elif operator == "+":
        a, b = _lengte(links), _lengte(rechts)
        if a is not None and b is not None and a + b > MAX_WAARDE:
            raise te_groot()
    elif operator == "%" and isinstance(links, str):
        schat_procentopmaak(links, rechts)


def schat_procentopmaak(tekst: str, waarden: Any) -> None:
    """`tekst % waarden`: each spec takes its own value from a tuple, but `%(naam)s` can
    use one value of a dict many times."""
    controleer_opmaak(tekst, procent=True)
    velden = len(_PROCENT_SPEC.findall(tekst))
    if isinstance(waarden, tuple):
        schatting = sum(omvang(w) for w in waarden)
    else:
        losse = waarden.values() if isinstance(waarden, dict) else [waarden]
        schatting = velden * max((omvang(w) for w in losse), default=0)
    if len(tekst) + schatting > MAX_WAARDE:
        raise te_groot()


def schat_formatopmaak(tekst: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """`tekst.format(...)`: `{0}` can use one value many times."""
    controleer_opmaak(tekst, procent=False)
    velden = len(_FORMAT_VELD.findall(tekst))
    grootste = max((omvang(w) for w in (*args, *kwargs.values())), default=0)
    if len(tekst) + velden * grootste > MAX_WAARDE:
        raise te_groot()


def _macht_te_groot(grondtal: Any, exponent: Any) -> bool:
    if not (_heel_getal(grondtal) and _heel_getal(exponent)) or abs(grondtal) < 2:
        return False
    return exponent > 0 and exponent * grondtal.bit_length() > MAX_GETAL_BITS


def _schat_vermenigvuldiging(links: Any, rechts: Any) -> None:
    if _heel_getal(links) and _heel_getal(rechts):
        if links.bit_length() + rechts.bit_length() > MAX_GETAL_BITS:
            raise _te_groot_getal()
        return
    for reeks, keer in ((links, rechts), (rechts, links)):
        lengte = _lengte(reeks)
        if lengte is not None and _heel_getal(keer) and lengte * keer > MAX_WAARDE:
            raise Grensfout(
                f"de plaatshouder maakt een tekst of lijst van {_getal(lengte * keer)} tekens "
                f"of onderdelen (hoogstens {_getal(MAX_WAARDE)})"
            )


def _als_lijst(waarden: Iterable[Any], bewaker: Bewaker) -> list[Any]:
    """An iterable (a generator from `map`, say) as a list, refused once too long."""
    uit = []
    for i, w in enumerate(waarden):
        if i >= MAX_WAARDE:
            raise te_groot()
        if i % 1000 == 0:
            bewaker.klok()
        uit.append(w)
    return uit


def _schat_vervangen(tekst: Any, oud: Any, nieuw: Any, aantal: Any = -1) -> None:
    if not (isinstance(tekst, str) and isinstance(oud, str) and isinstance(nieuw, str)):
        return
    keer = len(tekst) + 1 if oud == "" else tekst.count(oud)
    if _heel_getal(aantal) and aantal >= 0:
        keer = min(keer, aantal)
    if len(tekst) + keer * max(len(nieuw) - len(oud), 0) > MAX_WAARDE:
        raise te_groot()


def _schat_samenvoegen(delen: list[Any], scheiding: Any) -> None:
    lengte = len(scheiding) if isinstance(scheiding, str) else 1
    if sum(omvang(d) for d in delen) + max(len(delen) - 1, 0) * lengte > MAX_WAARDE:
        raise te_groot()


# --- the filters -------------------------------------------------------------------------


def _argument(args: list[Any], kwargs: dict[str, Any], plek: int, naam: str, standaard: Any) -> Any:
    return args[plek] if len(args) > plek else kwargs.get(naam, standaard)


def _filter_replace(b: Bewaker, args: list[Any], kwargs: dict[str, Any]) -> None:
    _schat_vervangen(
        args[0],
        _argument(args, kwargs, 1, "old", None),
        _argument(args, kwargs, 2, "new", None),
        _argument(args, kwargs, 3, "count", None),
    )


def _filter_join(b: Bewaker, args: list[Any], kwargs: dict[str, Any]) -> None:
    args[0] = _als_lijst(args[0], b)
    _schat_samenvoegen(args[0], _argument(args, kwargs, 1, "d", ""))


def _filter_indent(b: Bewaker, args: list[Any], kwargs: dict[str, Any]) -> None:
    tekst = args[0] if isinstance(args[0], str) else ""
    breedte = _argument(args, kwargs, 1, "width", 4)
    per_regel = len(breedte) if isinstance(breedte, str) else breedte
    if _heel_getal(per_regel) and len(tekst) + (tekst.count("\n") + 1) * per_regel > MAX_WAARDE:
        raise te_groot()


def _filter_wordwrap(b: Bewaker, args: list[Any], kwargs: dict[str, Any]) -> None:
    tekst = args[0] if isinstance(args[0], str) else ""
    breedte = _argument(args, kwargs, 1, "width", 79)
    scheiding = _argument(args, kwargs, 3, "wrapstring", None) or "\n"
    regels = len(tekst) // max(breedte if _heel_getal(breedte) else 1, 1) + tekst.count("\n")
    if len(tekst) + (regels + 1) * len(str(scheiding)) > MAX_WAARDE:
        raise te_groot()


def _filter_format(b: Bewaker, args: list[Any], kwargs: dict[str, Any]) -> None:
    if isinstance(args[0], str):  # the filter does `value % (kwargs or args)`
        schat_procentopmaak(args[0], kwargs or tuple(args[1:]))


def _filter_sum(b: Bewaker, args: list[Any], kwargs: dict[str, Any]) -> None:
    begin = _argument(args, kwargs, 2, "start", 0)
    if _lengte(begin) is not None:  # sum(start=[]) joins lists, quadratically
        args[0] = _als_lijst(args[0], b)
        if omvang(begin) + sum(omvang(d) for d in args[0]) > MAX_WAARDE:
            raise te_groot()


def _filter_urlize(b: Bewaker, args: list[Any], kwargs: dict[str, Any]) -> None:
    tekst = args[0] if isinstance(args[0], str) else ""
    extra = sum(len(w) for w in (*args[1:], *kwargs.values()) if isinstance(w, str))
    if len(tekst) * (2 + extra) > MAX_WAARDE:
        raise te_groot()


def _filter_tojson(b: Bewaker, args: list[Any], kwargs: dict[str, Any]) -> None:
    inspringen = _argument(args, kwargs, 1, "indent", None)
    if _heel_getal(inspringen) and omvang(args[0]) * (inspringen + 2) > MAX_WAARDE:
        raise te_groot()


#: Filters whose result can be many times their input: estimated before they run.
SCHATTINGEN: dict[str, Callable[[Bewaker, list[Any], dict[str, Any]], None]] = {
    "replace": _filter_replace,
    "join": _filter_join,
    "indent": _filter_indent,
    "wordwrap": _filter_wordwrap,
    "format": _filter_format,
    "sum": _filter_sum,
    "urlize": _filter_urlize,
    "tojson": _filter_tojson,
}

#: Filters with a width, length or count among their arguments (kept under MAX_WAARDE).
MET_BREEDTE = frozenset(
    {"batch", "center", "indent", "round", "slice", "tojson", "truncate", "wordwrap"}
)

_DOORGEEF = {
    "context": lambda c: (c,),
    "eval_context": lambda c: (c.eval_ctx,),
    "environment": lambda c: (c.environment,),
}


def _begrensd_filter(bewaker: Bewaker, naam: str, f: Callable[..., Any]) -> Callable[..., Any]:
    """`f` with the limits around it. Marked pass_context so Jinja never folds it at
    compile time: every filter runs inside the budget, with the paragraph known."""
    soort = getattr(getattr(f, "jinja_pass_arg", None), "name", None)
    eerst = _DOORGEEF.get(soort, lambda c: ())
    schatting = SCHATTINGEN.get(naam)

    def begrensd(context: Context, *args: Any, **kwargs: Any) -> Any:
        bewaker.stap()
        for w in (*args, *kwargs.values()):
            begrens(w)
        if naam in MET_BREEDTE:
            _controleer_getallen((*args[1:], *kwargs.values()), f"het filter {naam}")
        args_lijst = list(args)
        if schatting is not None and args_lijst:
            schatting(bewaker, args_lijst, kwargs)
        return bewaker.resultaat(f(*eerst(context), *args_lijst, **kwargs))

    update_wrapper(begrensd, f)
    begrensd.__dict__.pop("jinja_pass_arg", None)
    return pass_context(begrensd)


# --- text methods ----------------------------------------------------------------------------

#: Methods of a text a template may call; the ones that can grow it are estimated first.
TEKSTMETHODEN = frozenset(
    {
        "capitalize", "casefold", "center", "count", "endswith", "escape", "expandtabs",
        "find", "format", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit",
        "islower", "isnumeric", "isspace", "istitle", "isupper", "join", "ljust", "lower",
        "lstrip", "partition", "removeprefix", "removesuffix", "replace", "rfind",
        "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
        "startswith", "strip", "striptags", "swapcase", "title", "unescape", "upper",
        "zfill",
    }
)  # fmt: skip


def _tekstmethode(
    bewaker: Bewaker, tekst: str, naam: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, ...]:
    """Check a call of `tekst.<naam>(...)` before it runs; returns the arguments to use."""
    if naam not in TEKSTMETHODEN:
        raise SecurityError(f"de tekstmethode {naam}() mag niet in een plaatshouder")
    if naam in ("center", "ljust", "rjust", "zfill", "expandtabs"):
        _controleer_getallen((*args, *kwargs.values()), f"{naam}()")
    if naam == "replace" and len(args) >= 2:
        _schat_vervangen(tekst, *args[:3])
    elif naam == "join" and args:
        delen = _als_lijst(args[0], bewaker)
        _schat_samenvoegen(delen, tekst)
        args = (delen, *args[1:])
    elif naam == "expandtabs":
        breedte = args[0] if args else kwargs.get("tabsize", 8)
        if _heel_getal(breedte) and len(tekst) + tekst.count("\t") * breedte > MAX_WAARDE:
            raise te_groot()
    elif naam == "format":
        schat_formatopmaak(tekst, args, kwargs)
    return args


# --- the loops: a check on every iteration ---------------------------------------------------


def _bewaakt(iter_: nodes.Node) -> bool:
    return (
        isinstance(iter_, nodes.Call)
        and isinstance(iter_.node, nodes.EnvironmentAttribute)
        and iter_.node.name == "bewaak_lus"
    )


class BewaakteCodegenerator(CodeGenerator):
    """Jinja's code generator with two changes: every for-loop iterates through
    `environment.bewaak_lus`, and `~` checks its parts before joining them (Jinja
    neither intercepts nor lets a sandbox see either)."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        if not _bewaakt(node.iter):
            iter_ = nodes.Call(
                nodes.EnvironmentAttribute("bewaak_lus"), [node.iter], [], None, None
            )
            iter_.set_lineno(node.iter.lineno)
            kopie = nodes.For(node.target, iter_, node.body, node.else_, node.test, node.recursive)
            kopie.set_lineno(node.lineno)
            kopie.set_environment(self.environment)
            node = kopie
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            samenvoegen = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            samenvoegen = "markup_join"
        else:
            samenvoegen = "str_join"
        self.write(f"environment.begrens({samenvoegen}(environment.controleer_delen((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))))")


# --- the environment -------------------------------------------------------------------------


class Bewaker:
    """The budget of one letter: steps taken, time used, characters put out."""

    def __init__(self) -> None:
        self.begin = time.monotonic()
        self.stappen = 0
        self.bron_tekens = 0
        self.uitvoer_tekens = 0
        self.berekend = 0

    def klok(self) -> None:
        if time.monotonic() - self.begin > MAX_RENDERTIJD:
            raise Grensfout(
                f"het invullen duurt te lang (meer dan {MAX_RENDERTIJD:g} seconden)".replace(
                    ".", ","
                )
            )

    def stap(self) -> None:
        self.stappen += 1
        if self.stappen > MAX_STAPPEN:
            raise Grensfout(
                f"het sjabloon herhaalt of roept te vaak aan (meer dan {_getal(MAX_STAPPEN)} keer)"
            )
        self.klok()

    def resultaat(self, waarde: Any) -> Any:
        """`waarde` (a computed value) if within MAX_WAARDE and, with all values computed
        before it, within MAX_BEREKEND."""
        if isinstance(waarde, int) and waarde.bit_length() > MAX_GETAL_BITS:
            raise _te_groot_getal()
        grootte = omvang(waarde)
        if grootte > MAX_WAARDE:
            raise te_groot()
        self.berekend += grootte
        if self.berekend > MAX_BEREKEND:
            raise Grensfout(
                f"het sjabloon rekent te veel: samen meer dan {_getal(MAX_BEREKEND)} tekens "
                "of onderdelen"
            )
        return waarde

    def uitvoer(self, tekens: int) -> None:
        self.uitvoer_tekens += tekens
        if self.uitvoer_tekens > self.bron_tekens + MAX_GROEI:
            raise Grensfout(
                f"de ingevulde brief wordt meer dan {_getal(MAX_GROEI)} tekens langer dan "
                "het sjabloon"
            )
        self.klok()


def _veilige_reeks(*args: int) -> range:
    """`range` for templates: refused above MAX_REEKS numbers (Jinja's own raises an
    OverflowError only at 100,000)."""
    reeks = range(*args)
    # len() fails beyond a machine word; Python's own integers do not.
    lengte = max(0, -((reeks.start - reeks.stop) // reeks.step))
    if lengte > MAX_REEKS:
        raise Grensfout(
            f"range() mag hoogstens {_getal(MAX_REEKS)} getallen maken; hier zijn het er "
            f"{_getal(lengte)}"
        )
    return reeks


def _regel_van(generator: Any) -> int | None:
    """The template line a suspended template generator is at."""
    frame = getattr(generator, "gi_frame", None)
    sjabloon = frame.f_globals.get("__jinja_template__") if frame is not None else None
    if sjabloon is None:
        return None
    return sjabloon.get_corresponding_lineno(frame.f_lineno)


class Briefomgeving(ImmutableSandboxedEnvironment):
    """The sandbox for one letter (see the module docstring). `bron` is the source being
    compiled or rendered last, so an error can be traced to its paragraph."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})
    code_generator_class = BewaakteCodegenerator

    def __init__(self, **opties: Any) -> None:
        super().__init__(finalize=self._uitvoerwaarde, **opties)
        self.bewaker = Bewaker()
        self.bron = ""
        self.globals["range"] = _veilige_reeks
        self.globals.pop("lipsum", None)
        self.filters = {
            naam: _begrensd_filter(self.bewaker, naam, f) for naam, f in self.filters.items()
        }

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        self.bron = source if isinstance(source, str) else ""
        self.bewaker.bron_tekens += len(self.bron)
        return super().from_string(source, globals, template_class)

    # hooks called from the compiled template

    def bewaak_lus(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.bewaker.stap()
            yield item

    def controleer_delen(self, delen: tuple[Any, ...]) -> tuple[Any, ...]:
        if sum(omvang(d) for d in delen) > MAX_WAARDE:
            raise te_groot()
        return delen

    def begrens(self, waarde: Any) -> Any:
        return self.bewaker.resultaat(waarde)

    def _uitvoerwaarde(self, waarde: Any) -> Any:
        return begrens(waarde)

    def concat(self, delen: Iterable[str]) -> str:  # type: ignore[override]
        """Joins a buffer (macro, `{% set %}` block) up to MAX_WAARDE, and a template's
        output piece by piece within MAX_GROEI and the time limit."""
        if isinstance(delen, list):
            if sum(len(d) for d in delen) > MAX_WAARDE:
                raise te_groot()
            return "".join(delen)
        uit = []
        for deel in delen:
            try:
                self.bewaker.uitvoer(len(deel))
            except Grensfout as fout:
                fout.regel = _regel_van(delen)
                raise
            uit.append(deel)
        return "".join(uit)

    # the sandbox's own hooks

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self.bewaker.klok()
        schat_binop(operator, left, right)
        return self.bewaker.resultaat(super().call_binop(context, operator, left, right))

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        self.bewaker.stap()
        doel = getattr(obj, "__wrapped__", obj)
        eigenaar = getattr(doel, "__self__", None)
        if isinstance(eigenaar, str):
            args = _tekstmethode(self.bewaker, eigenaar, doel.__name__, args, kwargs)
        elif obj is not _veilige_reeks and not isinstance(obj, Macro):
            _controleer_getallen((*args, *kwargs.values()), "een aanroep")
        for w in (*args, *kwargs.values()):
            begrens(w)
        return self.bewaker.resultaat(super().call(context, obj, *args, **kwargs))


__all__ = [
    "MAX_BEREKEND",
    "MAX_GETAL_BITS",
    "MAX_GROEI",
    "MAX_REEKS",
    "MAX_RENDERTIJD",
    "MAX_STAPPEN",
    "MAX_WAARDE",
    "Briefomgeving",
    "Grensfout",
]
