"""Write paths never widen access (issue 12, rule "schrijfbereik").

For every form and upload that names a person (by BSN, onderwijsnummer, file row or
id), a medewerker of Eigendorp tries it for a person of Anderdorp. Afterwards:
- what every rol of Eigendorp may open is what it was,
- Anderdorp's data and Anderdorp's audit trail are what they were,
- the answer shows nothing of that person, and says the same as for a number the
  register does not know at all.

The world is toegangswereld.py: every medewerker works for Eigendorp only.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from matrixhulp import ANDERE_GEMEENTE
from toegangswereld import EIGEN, Wereld, aangemeld

from leerplicht.audit.models import Auditregel
from leerplicht.domein.bsn import test_bsn
from leerplicht.domein.rollen import Rol
from leerplicht.duo.voorbeeld import schrijf_uitschrijvingen_bestand, schrijf_verzuimloket_bestand
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Persoon
from leerplicht.toegang import beleid

pytestmark = pytest.mark.django_db

ANDER_PERSONEN = ("ander_kind", "ander_jongere")
#: A valid BSN that no one in the world has.
ONBEKEND_BSN = test_bsn(77)
EIGEN_SCHOOL = ("01XX", "00")


# --- what must not change -----------------------------------------------------------------


def _bereik(w: Wereld) -> dict[str, set[str]]:
    """What each rol of Eigendorp may open (persons and every kind of record)."""
    return {
        rol.value: {
            f"{model.__name__}:{pk}"
            for model in beleid.ZICHTBAAR
            for pk in beleid.zichtbaar(w.gebruikers[rol.value], model).values_list("pk", flat=True)
        }
        for rol in Rol
    }


def _gegevens_van_ander(w: Wereld) -> dict[str, list[dict]]:
    """Every row of person data about Anderdorp's persons, field by field."""
    ids = [w.pk(s) for s in ANDER_PERSONEN]
    gegevens = {}
    for model in beleid.ZICHTBAAR:
        if model is Persoon:
            rijen = Persoon.objects.filter(pk__in=ids)
        elif hasattr(model, "persoon"):
            rijen = model.objects.filter(persoon_id__in=ids)
        else:  # seen through their werkproces or vsv-traject
            veld = "werkproces" if hasattr(model, "werkproces") else "vsv"
            rijen = model.objects.filter(**{f"{veld}__persoon_id__in": ids})
        gegevens[model.__name__] = sorted(
            (model_to_dict(r) for r in rijen), key=lambda d: str(sorted(d.items()))
        )
    return gegevens


def _auditspoor_van_ander(w: Wereld) -> list[int]:
    ids = [w.pk(s) for s in ANDER_PERSONEN]
    return list(Auditregel.objects.filter(persoon_id__in=ids).values_list("volgnummer", flat=True))


class Ongewijzigd:
    """Snapshot before an attempt; `controleer` after it."""

    def __init__(self, w: Wereld) -> None:
        self.w = w
        self.bereik = _bereik(w)
        self.gegevens = _gegevens_van_ander(w)
        self.auditspoor = _auditspoor_van_ander(w)

    def controleer(self, antwoord, *, getypt: tuple[str, ...] = ()) -> None:
        assert _bereik(self.w) == self.bereik, "een schrijfhandeling verruimde de toegang"
        assert _gegevens_van_ander(self.w) == self.gegevens, "gegevens van Anderdorp gewijzigd"
        assert _auditspoor_van_ander(self.w) == self.auditspoor
        html = antwoord.content.decode()
        for sleutel in ANDER_PERSONEN:
            for kenmerk in self.w.personen[sleutel].kenmerken:
                if kenmerk not in getypt:  # what the user typed may be shown back
                    assert kenmerk not in html, f"{kenmerk} van {sleutel} in het antwoord"
        for tekst in ANDERE_GEMEENTE:
            assert tekst not in html


def _client(w: Wereld, rol: Rol):
    return aangemeld(w.gebruikers[rol.value])


def _fouttekst(antwoord) -> str:
    """The page's error texts (what differs between two refusals, if anything)."""
    import re

    html = antwoord.content.decode()
    return "\n".join(
        sorted(set(re.findall(r'class="[^"]*(?:fout|error)[^"]*"[^>]*>([^<]+)', html)))
    )


# --- a melding entered by hand -------------------------------------------------------------


def _handmelding(bsn: str = "", geboortedatum: str = "", onderwijsnummer: str = "") -> dict:
    return {
        "gemeente": EIGEN,
        "meldingsdatum": "2025-03-05",
        "bsn": bsn,
        "onderwijsnummer": onderwijsnummer,
        "geboortedatum": geboortedatum,
        "brin": EIGEN_SCHOOL[0],
        "vestiging": EIGEN_SCHOOL[1],
        "soort": "wettelijk",
    }


@pytest.mark.parametrize("sleutel", ANDER_PERSONEN)
def test_handmelding_met_bsn_van_ander_zonder_geboortedatum(wereld, sleutel):
    persoon = wereld.personen[sleutel].persoon
    client = _client(wereld, Rol.ADMINISTRATIEF_MEDEWERKER)
    voor = Ongewijzigd(wereld)
    antwoord = client.post("/meldingen/nieuw/", _handmelding(bsn=persoon.bsn))
    assert antwoord.status_code == 400
    voor.controleer(antwoord, getypt=(persoon.bsn,))
    # The same answer as for a BSN the register does not know at all.
    onbekend = client.post("/meldingen/nieuw/", _handmelding(bsn=ONBEKEND_BSN))
    assert onbekend.status_code == 400
    assert _fouttekst(antwoord) == _fouttekst(onbekend) != ""
    assert "geboortedatum is nodig" in antwoord.content.decode()


@pytest.mark.parametrize("sleutel", ANDER_PERSONEN)
def test_handmelding_met_bsn_en_geboortedatum_van_ander(wereld, sleutel):
    persoon = wereld.personen[sleutel].persoon
    client = _client(wereld, Rol.ADMINISTRATIEF_MEDEWERKER)
    voor = Ongewijzigd(wereld)
    aantal = Melding.objects.count()
    antwoord = client.post(
        "/meldingen/nieuw/",
        _handmelding(bsn=persoon.bsn, geboortedatum=persoon.geboortedatum.isoformat()),
    )
    assert antwoord.status_code == 400
    assert Melding.objects.count() == aantal
    voor.controleer(antwoord, getypt=(persoon.bsn, persoon.geboortedatum.isoformat()))
    assert "hoort niet bij gemeente Eigendorp" in antwoord.content.decode()
    # A wrong birth date gets exactly the same answer: nothing of theirs is compared.
    fout = client.post(
        "/meldingen/nieuw/", _handmelding(bsn=persoon.bsn, geboortedatum="2001-01-01")
    )
    assert _fouttekst(fout) == _fouttekst(antwoord)
    # The attempt is in the log, for the privacy officer of Eigendorp, without the person.
    regel = Auditregel.objects.filter(actie="geweigerd").latest("volgnummer")
    assert (regel.persoon_id, regel.gemeenten) == ("", f",{EIGEN},")


def test_handmelding_met_onderwijsnummer_van_een_melding_van_ander(wereld):
    Melding.objects.filter(pk=wereld.personen["ander_kind"].records["melding"]).update(
        onderwijsnummer="123456789"
    )
    client = _client(wereld, Rol.ADMINISTRATIEF_MEDEWERKER)
    voor = Ongewijzigd(wereld)
    antwoord = client.post(
        "/meldingen/nieuw/", _handmelding(onderwijsnummer="123456789", geboortedatum="2013-02-02")
    )
    assert antwoord.status_code == 400
    voor.controleer(antwoord, getypt=("123456789",))


def test_handmelding_van_onbekende_leerling_komt_in_de_eigen_gemeente(wereld):
    """The rule still lets the administratie register a pupil nobody knows yet."""
    client = _client(wereld, Rol.ADMINISTRATIEF_MEDEWERKER)
    antwoord = client.post(
        "/meldingen/nieuw/", _handmelding(bsn=ONBEKEND_BSN, geboortedatum="2013-02-02")
    )
    assert antwoord.status_code == 302
    nieuw = Persoon.objects.get(bsn=ONBEKEND_BSN)
    assert nieuw.gemeente_id == EIGEN
    assert Melding.objects.get(persoon=nieuw).gemeente_id == EIGEN


def test_handmelding_van_eigen_leerling_gaat_door(wereld):
    persoon = wereld.personen["eigen_kind"].persoon
    client = _client(wereld, Rol.ADMINISTRATIEF_MEDEWERKER)
    antwoord = client.post("/meldingen/nieuw/", _handmelding(bsn=persoon.bsn))
    assert antwoord.status_code == 302
    assert Melding.objects.filter(persoon=persoon, bron="formulier").count() == 1


# --- uploads ---------------------------------------------------------------------------------


class _Leerling:
    def __init__(self, bsn: str | None, geboortedatum: date) -> None:
        self.bsn, self.geboortedatum = bsn, geboortedatum


def _bestand(pad: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(pad.name, pad.read_bytes(), content_type="text/csv")


def test_verzuimloket_met_een_regel_van_ander(wereld, tmp_path):
    ander = wereld.personen["ander_kind"].persoon
    eigen = wereld.personen["eigen_kind"].persoon
    pad = tmp_path / "verzuimloket.csv"
    schrijf_verzuimloket_bestand(
        pad,
        [_Leerling(eigen.bsn, eigen.geboortedatum), _Leerling(ander.bsn, ander.geboortedatum)],
        brin=EIGEN_SCHOOL[0],
        vestiging=EIGEN_SCHOOL[1],
        meldingsdatum=date(2025, 3, 5),
        voorvoegsel="AANVAL",
    )
    client = _client(wereld, Rol.ADMINISTRATIEF_MEDEWERKER)
    voor = Ongewijzigd(wereld)
    aantal = Melding.objects.count()
    antwoord = client.post("/meldingen/upload/", {"gemeente": EIGEN, "bestand": _bestand(pad)})
    assert antwoord.status_code == 400
    assert Melding.objects.count() == aantal  # all or nothing: not even the own row
    voor.controleer(antwoord)
    assert "regel 3" in antwoord.content.decode() or ":3:" in antwoord.content.decode()


def test_uitschrijvingen_met_regels_van_ander_verraden_geen_geboortedatum(wereld, tmp_path):
    """Finding 2: many rows for one BSN with different birth dates told which was right."""
    ander = wereld.personen["ander_jongere"].persoon
    pad = tmp_path / "uitschrijvingen.csv"
    data = [date(2003, 1, 1), ander.geboortedatum, date(2004, 2, 2)]
    schrijf_uitschrijvingen_bestand(
        pad,
        [_Leerling(ander.bsn, d) for d in data],
        brin=EIGEN_SCHOOL[0],
        vestiging=EIGEN_SCHOOL[1],
        uitschrijfdatum=date(2025, 3, 1),
    )
    client = _client(wereld, Rol.CONSULENT_DOORSTROOMPUNT)
    voor = Ongewijzigd(wereld)
    antwoord = client.post(
        "/doorstroompunt/uitschrijvingen/", {"gemeente": EIGEN, "bestand": _bestand(pad)}
    )
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "wijkt af" not in html
    assert html.count("hoort niet bij gemeente Eigendorp") == 3  # every row alike
    voor.controleer(antwoord)


# --- forms that name a person by id -------------------------------------------------------


@pytest.mark.parametrize(
    ("pad", "data"),
    [
        (
            "/vrijstellingen/nieuw/",
            {"gemeente": EIGEN, "grond": "5a", "aangevraagd": "2025-03-01",
             "geldig_van": "2025-03-01"},
        ),
        (
            "/vrijstellingen/verlof/nieuw/",
            {"gemeente": EIGEN, "soort": "gewichtige_omstandigheden", "aangevraagd": "2025-03-01",
             "van": "2025-04-01", "tot": "2025-04-20", "aantal_schooldagen": "12",
             "reden": "x"},
        ),
        ("/thuiszitters/nieuw/", {"van": "2025-02-01", "toelichting": "x"}),
    ],
)  # fmt: skip
def test_formulier_met_persoonsnummer_van_ander(wereld, pad, data):
    client = _client(wereld, Rol.ADMINISTRATIEF_MEDEWERKER)
    voor = Ongewijzigd(wereld)
    antwoorden = [
        client.post(pad, {**data, "persoon": nummer})
        for nummer in (wereld.pk("ander_kind"), "P-BESTAAT-NIET")
    ]
    assert [a.status_code for a in antwoorden] == [400, 400]
    voor.controleer(antwoorden[0])
    assert _fouttekst(antwoorden[0]) == _fouttekst(antwoorden[1]) != ""


def test_vrijstelling_voor_eigen_gemeente_over_inwoner_van_een_andere_eigen_gemeente(wereld):
    """A medewerker of two gemeenten cannot put a person of the one into the other's reach."""
    beheerder = wereld.gebruikers[Rol.ADMINISTRATIEF_MEDEWERKER.value]
    beheerder.medewerker.gemeenten.add(wereld.ander)
    alleen_eigen = wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR.value]
    voor = set(beleid.personen_voor(alleen_eigen).values_list("pk", flat=True))
    antwoord = aangemeld(beheerder).post(
        "/vrijstellingen/nieuw/",
        {"persoon": wereld.pk("ander_kind"), "gemeente": EIGEN, "grond": "5a",
         "aangevraagd": "2025-03-01", "geldig_van": "2025-03-01"},
    )  # fmt: skip
    assert antwoord.status_code == 400
    assert "hoort niet bij gemeente Eigendorp" in antwoord.content.decode()
    assert set(beleid.personen_voor(alleen_eigen).values_list("pk", flat=True)) == voor


def test_traject_18plus_voor_ander(wereld):
    client = _client(wereld, Rol.CONSULENT_DOORSTROOMPUNT)
    voor = Ongewijzigd(wereld)
    pad = f"/werkprocessen/persoon/{wereld.pk('ander_jongere')}/zorg-preventie-18plus/"
    antwoord = client.post(pad, {"reden_18plus": "kans_op_uitval"})
    assert antwoord.status_code == 404
    voor.controleer(antwoord)


def test_traject_18plus_voor_verhuisde_jongere_niet_in_de_nieuwe_woongemeente(wereld):
    """Seen through an earlier record, living elsewhere now: no traject in that gemeente."""
    jongere = wereld.personen["eigen_jongere"].persoon
    Persoon.objects.filter(pk=jongere.pk).update(gemeente=wereld.ander)
    client = _client(wereld, Rol.CONSULENT_DOORSTROOMPUNT)
    aantal = jongere.werkprocessen.count()
    antwoord = client.post(
        f"/werkprocessen/persoon/{jongere.pk}/zorg-preventie-18plus/",
        {"reden_18plus": "kans_op_uitval"},
    )
    assert antwoord.status_code == 400
    assert jongere.werkprocessen.count() == aantal
    assert "woont niet (meer) in een van uw gemeenten" in antwoord.content.decode()
