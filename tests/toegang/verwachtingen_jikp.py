"""Expectations of the JIKP list (jikp app), written by hand: every dossier rol opens it
(the rows are scoped: `toegang.beleid.jikp_voor`, checked by the leak check on the
registrations of tests/toegang/wereld_jikp.py); every other rol 403."""

from __future__ import annotations

from collections.abc import Callable

from matrixhulp import DOSSIERROLLEN, Geval, Verzoek, alleen
from toegangswereld import Wereld


def _lijst(w: Wereld) -> list[Geval]:
    return [
        Geval(Verzoek("get", "/jikp/"), alleen(DOSSIERROLLEN)),
        Geval(Verzoek("get", "/jikp/?peiljaar=2023-2024"), alleen(DOSSIERROLLEN)),
        Geval(Verzoek("get", "/jikp/?peiljaar=onzin"), alleen(DOSSIERROLLEN)),
    ]


VERWACHTINGEN: dict[str, Callable[[Wereld], list[Geval]]] = {"jikp:lijst": _lijst}
