"""controleer_keten and `leerplicht audit verify`: an intact chain, and every way to break it."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from leerplicht.audit import keten
from leerplicht.audit.database import ontbrekende_triggers, verwijder_triggers
from leerplicht.audit.keten import bereken_hash, controleer_keten
from leerplicht.audit.logboek import registreer
from leerplicht.audit.models import Auditregel

pytestmark = pytest.mark.django_db


def _vijf_regels() -> None:
    for i in range(1, 6):
        registreer(
            "inzien",
            object_type="persoon",
            object_id=f"P{i:06d}",
            velden=["geboortedatum"],
            toelichting={"n": i, "tekst": "één €"},
        )


def _sql(sql: str, *parameters) -> None:
    """Tamper like someone with database access: first lift the triggers (rolled back after
    the test with the test's transaction)."""
    verwijder_triggers(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, parameters)


def _verify() -> tuple[int, str, str]:
    uit, fout = StringIO(), StringIO()
    try:
        call_command("audit", "verify", stdout=uit, stderr=fout)
    except SystemExit as einde:
        return int(einde.code), uit.getvalue(), fout.getvalue()
    return 0, uit.getvalue(), fout.getvalue()


def test_leeg_log_is_intact():
    controle = controleer_keten()
    assert (controle.intact, controle.aantal, controle.eerste_fout) == (True, 0, None)
    assert _verify()[:2] == (0, f"Auditlog intact: 0 regels.\nLaatste hash: {'0' * 64}\n")


def test_intacte_keten():
    _vijf_regels()
    controle = controleer_keten()
    assert controle.intact and controle.aantal == 5 and controle.eerste_fout is None
    code, uit, fout = _verify()
    assert code == 0 and fout == ""
    assert uit.startswith("Auditlog intact: 5 regels.\n")
    assert Auditregel.objects.get(volgnummer=5).hash in uit


def test_gewijzigde_inhoud():
    _vijf_regels()
    _sql("UPDATE audit_auditregel SET object_id = 'P999999' WHERE volgnummer = 3")
    controle = controleer_keten()
    assert not controle.intact
    assert controle.eerste_fout == 3 and controle.aantal == 2
    assert "regel 3: de hash klopt niet met de inhoud" in controle.melding
    code, uit, fout = _verify()
    assert code == 1 and uit == ""
    assert "Auditlog NIET intact: regel 3: de hash klopt niet met de inhoud" in fout


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditregel SET tijdstip = tijdstip WHERE volgnummer = 0",  # no-op: control
        "UPDATE audit_auditregel SET gebruikersnaam = 'iemand' WHERE volgnummer = 3",
        "UPDATE audit_auditregel SET velden = '[]' WHERE volgnummer = 3",
        "UPDATE audit_auditregel SET ip_adres = '10.0.0.1' WHERE volgnummer = 3",
        "UPDATE audit_auditregel SET actie = 'wijzigen' WHERE volgnummer = 3",
    ],
)
def test_elk_veld_telt_mee(sql):
    _vijf_regels()
    _sql(sql)
    controle = controleer_keten()
    if "volgnummer = 0" in sql:
        assert controle.intact
    else:
        assert (controle.intact, controle.eerste_fout) == (False, 3)


def test_gewijzigde_regel_met_nieuwe_hash_breekt_de_keten_bij_de_volgende():
    _vijf_regels()
    regel = Auditregel.objects.values().get(volgnummer=3)
    regel["object_id"] = "P999999"
    _sql(
        "UPDATE audit_auditregel SET object_id = %s, hash = %s WHERE volgnummer = 3",
        "P999999",
        bereken_hash(regel),
    )
    controle = controleer_keten()
    assert (controle.intact, controle.eerste_fout) == (False, 4)
    assert "regel 4: de keten is verbroken" in controle.melding


def test_verwijderde_regel_in_het_midden():
    _vijf_regels()
    _sql("DELETE FROM audit_auditregel WHERE volgnummer = 3")
    controle = controleer_keten()
    assert (controle.intact, controle.eerste_fout) == (False, 3)
    assert "regel 3 ontbreekt: gat in de volgnummers (na regel 2 volgt regel 4)" in (
        controle.melding
    )
    code, _, fout = _verify()
    assert code == 1 and "regel 3 ontbreekt" in fout


def test_verwijderde_eerste_regels():
    _vijf_regels()
    _sql("DELETE FROM audit_auditregel WHERE volgnummer <= 2")
    controle = controleer_keten()
    assert (controle.intact, controle.eerste_fout) == (False, 1)
    assert "regels 1-2 ontbreekt" in controle.melding


def test_verwijderde_laatste_regel():
    _vijf_regels()
    _sql("DELETE FROM audit_auditregel WHERE volgnummer = 5")
    controle = controleer_keten()
    assert (controle.intact, controle.eerste_fout) == (False, 5)
    assert "regel 5 ontbreekt aan het eind" in controle.melding


def test_verwijderde_laatste_regel_en_kop_teruggezet():
    _vijf_regels()
    vier = Auditregel.objects.get(volgnummer=4)
    _sql("DELETE FROM audit_auditregel WHERE volgnummer = 5")
    _sql("UPDATE audit_ketenkop SET volgnummer = 4, hash = %s", "f" * 64)
    controle = controleer_keten()
    assert (controle.intact, controle.eerste_fout) == (False, 4)
    assert vier.hash != "f" * 64


def test_alles_weg_maar_kop_nog_aanwezig():
    _vijf_regels()
    _sql("DELETE FROM audit_auditregel")
    controle = controleer_keten()
    assert (controle.intact, controle.eerste_fout) == (False, 1)
    assert "regels 1-5 ontbreekt aan het eind" in controle.melding


def test_ontbrekende_triggers_geven_een_waarschuwing():
    _vijf_regels()
    assert ontbrekende_triggers(connection) == set()
    verwijder_triggers(connection)
    assert ontbrekende_triggers(connection)
    code, uit, fout = _verify()
    assert code == 1
    assert "Auditlog intact: 5 regels." in uit
    assert "deze triggers ontbreken" in fout


def test_leest_in_porties(monkeypatch):
    """Constant memory: the check reads batches by key, never the whole table at once."""
    monkeypatch.setattr(keten, "_BATCH", 3)
    for _ in range(7):
        registreer("inzien")
    with CaptureQueriesContext(connection) as vragen:
        assert controleer_keten().intact
    batches = [q for q in vragen.captured_queries if "audit_auditregel" in q["sql"]]
    assert len(batches) == 4  # 3 + 3 + 1 + the empty one that ends it
    assert all("LIMIT 3" in q["sql"] for q in batches)


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20),
    lambda kind: (
        st.lists(kind, max_size=3) | st.dictionaries(st.text(max_size=8), kind, max_size=3)
    ),
    max_leaves=8,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    toelichting=st.dictionaries(st.text(max_size=8), _json, max_size=4),
    object_id=st.text(max_size=30),
    velden=st.lists(st.text(max_size=12), max_size=4),
)
@example(toelichting={"a\x00": ["b\x00"]}, object_id="x\x00", velden=["\x00"])
def test_hash_overleeft_de_database(toelichting, object_id, velden):
    """Whatever the JSON (also NUL, which PostgreSQL refuses: it is replaced), the hash
    computed before storing equals the one from the stored row."""
    regel = registreer("inzien", object_id=object_id, velden=velden, toelichting=toelichting)
    opgeslagen = Auditregel.objects.values().get(pk=regel.pk)
    assert bereken_hash(opgeslagen) == regel.hash
