"""Security finding 3 of issue 12, ownership: benchmark figures are owned by the gemeenten
of who read them in (the teammanager's at upload time; every gemeente, or the
`--gemeente`s, for `leerplicht benchmark-import`). A report over gemeenten S shows a
figure only if S is a subset of its owners, and of several the most specific one. So a
teammanager of A changes A's reports, never B's nor the region's over A and B."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from benchmark_webhulp import (
    A,
    B,
    C,
    benchmark_op_pagina,
    jaar,
    maak_gemeenten,
    teammanager,
    upload,
)
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from leerplicht.audit.models import Auditregel
from leerplicht.verslagen.benchmark import (
    OngeldigeEigenaars,
    benchmark_voor,
    eigenaarssleutel,
    importeer,
    kies,
)
from leerplicht.verslagen.models import ALLE_GEMEENTEN, Benchmarkcijfer

KOP = "bron;schooljaar;kengetal;percentage\n"
HALT = "Halt-verwijzingen"
SLEUTEL = ("Landelijk", "2024-2025", "halt")
T0 = datetime(2025, 1, 1, tzinfo=UTC)


def _cijfers() -> dict[tuple[str, str], Decimal]:
    return {(c.eigenaars, c.bron): c.percentage for c in Benchmarkcijfer.objects.all()}


# --- the rule, pure ---------------------------------------------------------------------------


def test_kies_het_meest_specifieke_cijfer_dat_het_hele_verslag_dekt():
    kandidaten = [
        (SLEUTEL, ALLE_GEMEENTEN, T0, 5.0),
        (SLEUTEL, f"{A},{B}", T0, 6.0),
        (SLEUTEL, A, T0, 7.0),
    ]
    assert kies(kandidaten, [A]) == {SLEUTEL: 7.0}
    assert kies(kandidaten, [B]) == {SLEUTEL: 6.0}
    assert kies(kandidaten, [A, B]) == {SLEUTEL: 6.0}  # A's own figure: not the region's
    assert kies(kandidaten, [C]) == {SLEUTEL: 5.0}
    assert kies(kandidaten, [A, C]) == {SLEUTEL: 5.0}
    assert kies(kandidaten[1:], [A, C]) == {}  # nobody had authority over A and C
    assert kies(kandidaten, []) == {}


def test_kies_bij_even_veel_eigenaars_het_nieuwste():
    kandidaten = [
        (SLEUTEL, f"{A},{C}", T0 + timedelta(days=1), 8.0),
        (SLEUTEL, f"{A},{B}", T0, 6.0),
    ]
    assert kies(kandidaten, [A]) == {SLEUTEL: 8.0}
    assert kies(list(reversed(kandidaten)), [A]) == {SLEUTEL: 8.0}  # not the order


_CODES = st.sets(st.sampled_from([A, B, C]), min_size=1)
_EIGENAARS = st.one_of(st.just(ALLE_GEMEENTEN), _CODES.map(lambda s: ",".join(sorted(s))))


@given(
    kandidaten=st.lists(
        st.tuples(
            st.sampled_from([SLEUTEL, ("Landelijk", "2024-2025", "luxe_verzuim")]),
            _EIGENAARS,
            st.integers(0, 3).map(lambda d: T0 + timedelta(days=d)),
            st.integers(0, 10_000).map(lambda h: h / 100),
        ),
        max_size=8,
    ),
    gebied=_CODES,
)
def test_kies_toont_nooit_een_cijfer_van_wie_niet_over_het_hele_verslag_ging(kandidaten, gebied):
    gekozen = kies(kandidaten, gebied)

    def dekt(eigenaars: str) -> bool:
        return eigenaars == ALLE_GEMEENTEN or gebied <= set(eigenaars.split(","))

    def omvang(eigenaars: str) -> int:
        return 99 if eigenaars == ALLE_GEMEENTEN else len(eigenaars.split(","))

    for sleutel in {k[0] for k in kandidaten}:
        geldig = [k for k in kandidaten if k[0] == sleutel and dekt(k[1])]
        if not geldig:
            assert sleutel not in gekozen
            continue
        kleinste = min(omvang(k[1]) for k in geldig)
        assert gekozen[sleutel] in {k[3] for k in geldig if omvang(k[1]) == kleinste}


# --- import and command -----------------------------------------------------------------------


@pytest.mark.django_db
def test_opnieuw_inlezen_vervangt_alleen_cijfers_van_dezelfde_eigenaars(tmp_path):
    maak_gemeenten()
    pad = tmp_path / "b.csv"
    for gemeenten, waarde in ((None, "5"), ([A], "7"), ([B], "8")):
        pad.write_text(f"{KOP}Landelijk;2024-2025;halt;{waarde}\n")
        importeer(pad, door="x", gemeenten=gemeenten)
    pad.write_text(f"{KOP}Landelijk;2024-2025;halt;7,5\nLandelijk;2024-2025;luxe_verzuim;1\n")
    r = importeer(pad, door="x", gemeenten=[A])
    assert (r.nieuw, r.vervangen, r.ongewijzigd) == (1, 1, 0)
    assert {(c.eigenaars, c.kengetal): c.percentage for c in Benchmarkcijfer.objects.all()} == {
        (ALLE_GEMEENTEN, "halt"): Decimal(5),
        (A, "halt"): Decimal("7.5"),
        (A, "luxe_verzuim"): Decimal(1),
        (B, "halt"): Decimal(8),
    }
    assert benchmark_voor(["2024-2025"], [A]) == {
        SLEUTEL: 7.5,
        ("Landelijk", "2024-2025", "luxe_verzuim"): 1.0,
    }
    assert benchmark_voor(["2024-2025"], [A, B]) == {SLEUTEL: 5.0}


@pytest.mark.django_db
def test_eigenaars_moeten_bestaande_gemeenten_zijn():
    maak_gemeenten()
    assert eigenaarssleutel(None) == ALLE_GEMEENTEN
    assert eigenaarssleutel([B, A, A]) == f"{A},{B}"
    with pytest.raises(OngeldigeEigenaars, match="geen gemeente"):
        eigenaarssleutel([])
    with pytest.raises(OngeldigeEigenaars, match="onbekende gemeente"):
        eigenaarssleutel([A, "GM9999"])


@pytest.mark.django_db
def test_opdracht_met_gemeenten(tmp_path):
    maak_gemeenten()
    pad = tmp_path / "b.csv"
    pad.write_text(f"{KOP}Landelijk;2024-2025;halt;0,2\n")
    uit = StringIO()
    call_command("benchmark-import", str(pad), "--gemeente", B, "--gemeente", A, stdout=uit)
    assert uit.getvalue().strip() == (
        f"Benchmarkcijfers ingelezen: 1 nieuw, 0 vervangen, 0 ongewijzigd (voor {A}, {B})."
    )
    assert _cijfers() == {(f"{A},{B}", "Landelijk"): Decimal("0.2")}
    regel = Auditregel.objects.get(actie="importeren", object_type="benchmark")
    assert regel.toelichting["gemeenten"] == [A, B]
    # An unknown gemeente, or a file with an error: nothing stored, for nobody.
    with pytest.raises(CommandError, match="onbekende gemeente\\(n\\): GM9999"):
        call_command("benchmark-import", str(pad), "--gemeente", "GM9999", stdout=StringIO())
    fout = tmp_path / "fout.csv"
    fout.write_text(f"{KOP}Landelijk;2024-2025;halt;0,3\nLandelijk;2024-2025;halt;0,4\n")
    err = StringIO()
    with pytest.raises(CommandError, match="Er is niets opgeslagen"):
        call_command("benchmark-import", str(fout), "--gemeente", A, stdout=StringIO(), stderr=err)
    assert err.getvalue().startswith("fout.csv:3: kengetal: halt van Landelijk")
    assert _cijfers() == {(f"{A},{B}", "Landelijk"): Decimal("0.2")}


@pytest.mark.django_db(transaction=True)
def test_migratie_geeft_bestaande_cijfers_alle_gemeenten():
    """Figures read in before owners existed were in every report: they stay so."""
    executor = MigrationExecutor(connection)
    executor.migrate([("verslagen", "0002_benchmarkcijfer")])
    oud = executor.loader.project_state([("verslagen", "0002_benchmarkcijfer")]).apps
    oud.get_model("verslagen", "Benchmarkcijfer").objects.create(
        bron="Landelijk",
        schooljaar="2024-2025",
        kengetal="halt",
        percentage=Decimal("0.2"),
        ingelezen_op=timezone.now(),
        ingelezen_door="x",
    )
    executor = MigrationExecutor(connection)
    executor.migrate([("verslagen", "0003_benchmarkcijfer_eigenaars")])
    assert _cijfers() == {(ALLE_GEMEENTEN, "Landelijk"): Decimal("0.2")}


# --- over HTTP: the upload and the reports ------------------------------------------------------


@pytest.mark.django_db
def test_upload_hoort_bij_de_gemeenten_van_de_teammanager():
    maak_gemeenten()
    tm = teammanager("tm", A, B)
    assert upload(tm, f"Regio Noord;{jaar()};halt;0,5\n").status_code == 302
    assert _cijfers() == {(f"{A},{B}", "Regio Noord"): Decimal("0.5")}
    regel = Auditregel.objects.get(actie="importeren", object_type="benchmark")
    assert regel.toelichting["gemeenten"] == [A, B]


@pytest.mark.django_db
def test_teammanager_zonder_gemeente_leest_niets_in():
    maak_gemeenten()
    antwoord = upload(teammanager("tm"), f"Regio Noord;{jaar()};halt;0,5\n")
    assert antwoord.status_code == 400
    assert "U werkt voor geen gemeente" in antwoord.content.decode()
    assert not Benchmarkcijfer.objects.exists()


@pytest.mark.django_db
def test_upload_van_a_verandert_alleen_verslagen_van_a():
    maak_gemeenten()
    tm_a, tm_b, tm_ab = teammanager("a", A), teammanager("b", B), teammanager("ab", A, B)
    assert upload(tm_a, f"Regio Noord;{jaar()};halt;7\n").status_code == 302
    assert benchmark_op_pagina(tm_a)["Regio Noord"][HALT] == "7,00%"
    assert benchmark_op_pagina(tm_b) == {}  # B's report: nothing
    assert benchmark_op_pagina(tm_ab) == {}  # the region over A and B: nothing
    # A's own report, asked for by a teammanager of the region: A's figure.
    assert benchmark_op_pagina(tm_ab, gemeente=A)["Regio Noord"][HALT] == "7,00%"


@pytest.mark.django_db
def test_het_meest_specifieke_cijfer_staat_in_het_verslag(tmp_path):
    maak_gemeenten()
    pad = tmp_path / "landelijk.csv"
    pad.write_text(f"{KOP}Landelijk;{jaar()};halt;5\n")
    call_command("benchmark-import", str(pad), stdout=StringIO())  # every gemeente
    tm_a, tm_b, tm_c, tm_ab = (
        teammanager("a", A),
        teammanager("b", B),
        teammanager("c", C),
        teammanager("ab", A, B),
    )
    assert upload(tm_ab, f"Landelijk;{jaar()};halt;6\n").status_code == 302
    assert upload(tm_a, f"Landelijk;{jaar()};halt;7\n").status_code == 302

    def landelijk(client, gemeente: str = "") -> str:
        return benchmark_op_pagina(client, gemeente)["Landelijk"][HALT]

    assert landelijk(tm_a) == "7,00%"
    assert landelijk(tm_ab, gemeente=A) == "7,00%"
    assert landelijk(tm_b) == "6,00%"
    assert landelijk(tm_ab) == "6,00%"
    assert landelijk(tm_c) == "5,00%"
