"""The placeholders a letter template may use: the one documented list.

A template writes `{{ leerling.naam }}`, `{{ datum }}`, `{% for m in meldingen %}...`.
`PLAATSHOUDERS` is the list the beheerder sees (docs/gebruikers/brieven.md shows the
same list); `maak_context` builds exactly those names from `Brieffeiten`. A template
that uses a name outside this list is refused on upload (see weergave.controleer_sjabloon).

Our Persoon has no name or address: the addressee (`aan`) and the pupil's name are
typed in by the medewerker for this one letter (`VELDEN`) and end up only inside the
generated document, never on the Persoon.

Pure Python (no Django), so it can be tested with any data.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from leerplicht.domein import codes, formattering

from .soorten import BESLUITBRIEVEN, BRIEFSOORTEN

ALLE = frozenset(BRIEFSOORTEN)


def datum_tekst(d: date | None) -> str:
    """date(2025, 3, 5) -> "5 maart 2025"; empty for no date."""
    return "" if d is None else formattering.datum_tekst(d)


class Meerregelig(str):
    """Text that may span lines (an address, agreements): becomes line breaks in Word.

    weergave turns it into docxtpl's Listing when rendering; here it stays a str so this
    module needs no docxtpl.
    """


# --- the list ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Plaatshouder:
    naam: str
    omschrijving: str
    #: The soorten of letter that have it (all by default).
    soorten: frozenset[str] = ALLE


PLAATSHOUDERS: tuple[Plaatshouder, ...] = (
    Plaatshouder("datum", "datum van de brief, bijvoorbeeld 5 maart 2025"),
    Plaatshouder("kenmerk", "ons kenmerk: het nummer van het werkproces of de aanvraag"),
    Plaatshouder("onderwerp", "de soort brief, bijvoorbeeld Uitnodiging voor een gesprek"),
    Plaatshouder("afzender.naam", "naam van het team (briefhoofd)"),
    Plaatshouder("afzender.adres", "adres van het team"),
    Plaatshouder("afzender.postcode_plaats", "postcode en plaats van het team"),
    Plaatshouder("afzender.telefoon", "telefoonnummer van het team"),
    Plaatshouder("afzender.email", "e-mailadres van het team"),
    Plaatshouder("aan.naam", "naam van de geadresseerde (ouders/verzorgers, jongere of instantie)"),
    Plaatshouder("aan.aanhef", "aanhef, bijvoorbeeld Geachte mevrouw De Vries (zonder komma)"),
    Plaatshouder("aan.adres", "adres van de geadresseerde, meerdere regels"),
    Plaatshouder("leerling.naam", "naam van de leerling, zoals ingevuld bij deze brief"),
    Plaatshouder("leerling.geboortedatum", "geboortedatum van de leerling"),
    Plaatshouder("leerling.persoonsnummer", "persoonsnummer van de leerling in Leerplicht"),
    Plaatshouder("school.naam", "naam van de school (van de laatste melding of inschrijving)"),
    Plaatshouder("school.brin", "BRIN en vestiging van de school"),
    Plaatshouder("werkproces.id", "nummer van het werkproces"),
    Plaatshouder("werkproces.type", "soort werkproces, bijvoorbeeld relatief verzuim"),
    Plaatshouder("werkproces.geopend", "datum waarop het werkproces is geopend"),
    Plaatshouder("melding.meldingsnummer", "meldingsnummer van de laatste melding"),
    Plaatshouder("melding.datum", "datum van de laatste melding"),
    Plaatshouder("melding.soort", "soort verzuim van de laatste melding"),
    Plaatshouder(
        "meldingen",
        "alle meldingen van het werkproces, als lijst: "
        "{% for m in meldingen %}{{ m.datum }} {{ m.soort }}{% endfor %} "
        "(per melding: meldingsnummer, datum, soort)",
    ),
    Plaatshouder("behandelaar.naam", "naam van de medewerker die de brief verstuurt"),
    Plaatshouder("behandelaar.functie", "functie van die medewerker"),
    Plaatshouder("behandelaar.email", "e-mailadres van die medewerker"),
    Plaatshouder("gemeente.naam", "de gemeente van het werkproces"),
    Plaatshouder("toelichting", "vrije tekst bij deze brief (mag leeg zijn)"),
    Plaatshouder("kopie_aan", "naam van de school op de kopie aan school, anders leeg"),
    Plaatshouder(
        "gesprek.datum", "datum van het gesprek", frozenset({"uitnodiging", "waarschuwing"})
    ),
    Plaatshouder("gesprek.tijd", "tijd van het gesprek", frozenset({"uitnodiging"})),
    Plaatshouder("gesprek.plaats", "plaats van het gesprek", frozenset({"uitnodiging"})),
    Plaatshouder(
        "afspraken", "de gemaakte afspraken, meerdere regels", frozenset({"waarschuwing"})
    ),
    Plaatshouder(
        "pv.nummer", "nummer van het proces-verbaal", frozenset({"begeleidende_brief_pv"})
    ),
    Plaatshouder(
        "pv.tegen", "tegen wie: de ouders of de jongere", frozenset({"begeleidende_brief_pv"})
    ),
    Plaatshouder("pv.verzuim", "soort verzuim", frozenset({"begeleidende_brief_pv"})),
    Plaatshouder("besluit.uitkomst", "toegekend of afgewezen", BESLUITBRIEVEN),
    Plaatshouder(
        "besluit.grond", "het wetsartikel, bijvoorbeeld artikel 5 onder a", BESLUITBRIEVEN
    ),
    Plaatshouder(
        "besluit.geldig_van", "eerste dag van de vrijstelling of het verlof", BESLUITBRIEVEN
    ),
    Plaatshouder("besluit.geldig_tot", "laatste dag (mag leeg zijn)", BESLUITBRIEVEN),
    Plaatshouder("besluit.motivering", "de motivering van het besluit", BESLUITBRIEVEN),
)


def plaatshouders_voor(soort: str) -> tuple[Plaatshouder, ...]:
    return tuple(p for p in PLAATSHOUDERS if soort in p.soorten)


def bekende_namen(soort: str) -> frozenset[str]:
    """Every name a template of `soort` may use: dotted ones and their first part."""
    namen = {p.naam for p in plaatshouders_voor(soort)}
    return frozenset(namen | {n.split(".", 1)[0] for n in namen})


def bekend_in_andere_soort(naam: str) -> list[str]:
    """The soorten that have `naam` (for the message when a template uses it elsewhere)."""
    return sorted(
        s
        for p in PLAATSHOUDERS
        if p.naam == naam or p.naam.startswith(naam + ".")
        for s in p.soorten
    )


# --- what the medewerker fills in for one letter --------------------------------------------

TEKST, LANGE_TEKST, DATUM, TIJD, KEUZE = "tekst", "lange_tekst", "datum", "tijd", "keuze"

#: The outcome of a besluit as letters name it (open and withdrawn are no letter).
BESLUIT_UITKOMSTEN: dict[str, str] = {"toegekend": "toegekend", "afgewezen": "afgewezen"}
AANHEF_STANDAARD = "Geachte heer, mevrouw"
VERLOF_GROND = "artikel 11 onder g en artikel 14 (gewichtige omstandigheden)"


@dataclass(frozen=True)
class Veld:
    """One input of the letter form (the key in `gegevens`)."""

    sleutel: str
    label: str
    soort: str
    #: Soorten of letter that need it filled in.
    verplicht_voor: frozenset[str] = frozenset()
    #: Soorten of letter that show it (besides those that require it).
    ook_voor: frozenset[str] = frozenset()
    keuzes: Mapping[str, str] = field(default_factory=dict)
    hulptekst: str = ""

    @property
    def voor(self) -> frozenset[str]:
        return self.verplicht_voor | self.ook_voor


VELDEN: tuple[Veld, ...] = (
    Veld("aan_naam", "Aan (naam)", TEKST, ALLE,
         hulptekst="Bijvoorbeeld: de ouders/verzorgers van Sanne de Vries"),
    Veld("aan_adres", "Adres", LANGE_TEKST, ALLE,
         hulptekst="Straat en huisnummer, postcode en plaats"),
    Veld("aanhef", "Aanhef", TEKST, ook_voor=ALLE,
         hulptekst=f"Bijvoorbeeld: Geachte mevrouw De Vries. Leeg laten: {AANHEF_STANDAARD}"),
    Veld("leerling_naam", "Naam van de leerling", TEKST, ALLE),
    Veld("gesprek_datum", "Datum van het gesprek", DATUM, frozenset({"uitnodiging"}),
         frozenset({"waarschuwing"})),
    Veld("gesprek_tijd", "Tijd van het gesprek", TIJD, frozenset({"uitnodiging"})),
    Veld("gesprek_plaats", "Plaats van het gesprek", TEKST, frozenset({"uitnodiging"})),
    Veld("afspraken", "Gemaakte afspraken", LANGE_TEKST, frozenset({"waarschuwing"})),
    Veld("pv_nummer", "Nummer van het proces-verbaal", TEKST,
         ook_voor=frozenset({"begeleidende_brief_pv"})),
    Veld("pv_tegen", "Proces-verbaal tegen", KEUZE, frozenset({"begeleidende_brief_pv"}),
         keuzes=codes.PROCES_VERBAAL_TEGEN),
    Veld("pv_verzuim", "Soort verzuim", KEUZE, frozenset({"begeleidende_brief_pv"}),
         keuzes=codes.PROCES_VERBAAL_VERZUIM),
    Veld("besluit_uitkomst", "Besluit", KEUZE, BESLUITBRIEVEN, keuzes=BESLUIT_UITKOMSTEN),
    Veld("besluit_grond", "Grond (wetsartikel)", TEKST, frozenset({"besluit_vrijstelling"}),
         frozenset({"besluit_verlof"})),
    Veld("besluit_geldig_van", "Geldig van", DATUM, BESLUITBRIEVEN),
    Veld("besluit_geldig_tot", "Geldig tot en met", DATUM, frozenset({"besluit_verlof"}),
         frozenset({"besluit_vrijstelling"})),
    Veld("besluit_motivering", "Motivering", LANGE_TEKST, BESLUITBRIEVEN),
    Veld("toelichting", "Toelichting (vrije tekst in de brief, mag leeg blijven)", LANGE_TEKST,
         ook_voor=ALLE),
)  # fmt: skip

VELDEN_OP_SLEUTEL: dict[str, Veld] = {v.sleutel: v for v in VELDEN}


def ontbrekende_velden(soort: str, gegevens: Mapping[str, Any]) -> list[Veld]:
    """The required inputs of `soort` left empty (the service refuses the letter then)."""
    return [
        v for v in VELDEN if soort in v.verplicht_voor and gegevens.get(v.sleutel) in (None, "")
    ]


# --- the sender (letterhead) ----------------------------------------------------------------

#: Environment variables with the team's name and address (docs/beheer: one team per
#: installation); the defaults make a demo letter look right.
AFZENDER_STANDAARD: dict[str, str] = {
    "naam": "Team Leerplicht",
    "adres": "Postbus 100",
    "postcode_plaats": "1000 AA Voorbeeldstad",
    "telefoon": "14 0000",
    "email": "leerplicht@example.org",
}


def afzender(omgeving: Mapping[str, str] | None = None) -> dict[str, str]:
    """The team's letterhead data from LEERPLICHT_AFZENDER_<VELD> (e.g. ..._NAAM)."""
    omgeving = os.environ if omgeving is None else omgeving
    return {
        k: omgeving.get(f"LEERPLICHT_AFZENDER_{k.upper()}", standaard).strip()
        for k, standaard in AFZENDER_STANDAARD.items()
    }


# --- the context ------------------------------------------------------------------------


@dataclass(frozen=True)
class Meldingfeit:
    meldingsnummer: str
    datum: date
    soort: str


@dataclass(frozen=True)
class Brieffeiten:
    """Everything a letter says, as plain values (collected by brieven.diensten)."""

    soort: str
    datum: date
    kenmerk: str
    afzender: Mapping[str, str]
    gegevens: Mapping[str, Any]
    persoonsnummer: str
    geboortedatum: date | None
    gemeente_naam: str
    behandelaar_naam: str
    behandelaar_functie: str = ""
    behandelaar_email: str = ""
    school_naam: str = ""
    school_brin: str = ""
    werkproces_id: str = ""
    werkproces_type: str = ""
    werkproces_geopend: date | None = None
    meldingen: tuple[Meldingfeit, ...] = ()
    kopie_aan: str = ""


def _datum(waarde: Any) -> str:
    if isinstance(waarde, date):
        return datum_tekst(waarde)
    if isinstance(waarde, str) and waarde:
        try:
            return datum_tekst(date.fromisoformat(waarde))
        except ValueError:
            return waarde
    return ""


#: Control characters have no place in a letter (and break the Word XML); \n and \t stay.
_STUURTEKENS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _tekst(waarde: Any) -> str:
    if waarde is None:
        return ""
    if hasattr(waarde, "strftime") and not isinstance(waarde, date):  # a time
        return waarde.strftime("%H.%M")
    tekst = str(waarde).replace("\r\n", "\n").replace("\r", "\n")
    return _STUURTEKENS.sub("", tekst).strip()


def _meldingcontext(m: Meldingfeit) -> dict[str, str]:
    return {
        "meldingsnummer": m.meldingsnummer,
        "datum": datum_tekst(m.datum),
        "soort": codes.MELDING_SOORTEN.get(m.soort, m.soort),
    }


def maak_context(f: Brieffeiten) -> dict[str, Any]:
    """The placeholders of `f.soort` with their values (dates written out in Dutch)."""
    g = f.gegevens
    meldingen = [_meldingcontext(m) for m in sorted(f.meldingen, key=lambda m: m.datum)]
    context: dict[str, Any] = {
        "datum": datum_tekst(f.datum),
        "kenmerk": f.kenmerk,
        "onderwerp": BRIEFSOORTEN[f.soort],
        "afzender": dict(f.afzender),
        "aan": {
            "naam": _tekst(g.get("aan_naam")),
            "aanhef": _tekst(g.get("aanhef")) or AANHEF_STANDAARD,
            "adres": Meerregelig(_tekst(g.get("aan_adres"))),
        },
        "leerling": {
            "naam": _tekst(g.get("leerling_naam")),
            "geboortedatum": datum_tekst(f.geboortedatum),
            "persoonsnummer": f.persoonsnummer,
        },
        "school": {"naam": f.school_naam, "brin": f.school_brin},
        "werkproces": {
            "id": f.werkproces_id,
            "type": codes.WERKPROCES_TYPEN.get(f.werkproces_type, f.werkproces_type),
            "geopend": datum_tekst(f.werkproces_geopend),
        },
        "melding": meldingen[-1] if meldingen else dict.fromkeys(
            ("meldingsnummer", "datum", "soort"), ""
        ),
        "meldingen": meldingen,
        "behandelaar": {
            "naam": f.behandelaar_naam,
            "functie": f.behandelaar_functie,
            "email": f.behandelaar_email,
        },
        "gemeente": {"naam": f.gemeente_naam},
        "toelichting": Meerregelig(_tekst(g.get("toelichting"))),
        "kopie_aan": f.kopie_aan,
    }  # fmt: skip
    if f.soort in ("uitnodiging", "waarschuwing"):
        context["gesprek"] = {"datum": _datum(g.get("gesprek_datum"))}
    if f.soort == "uitnodiging":
        context["gesprek"] |= {
            "tijd": _tekst(g.get("gesprek_tijd")),
            "plaats": _tekst(g.get("gesprek_plaats")),
        }
    if f.soort == "waarschuwing":
        context["afspraken"] = Meerregelig(_tekst(g.get("afspraken")))
    if f.soort == "begeleidende_brief_pv":
        context["pv"] = {
            "nummer": _tekst(g.get("pv_nummer")),
            "tegen": codes.PROCES_VERBAAL_TEGEN.get(g.get("pv_tegen") or "", ""),
            "verzuim": codes.PROCES_VERBAAL_VERZUIM.get(g.get("pv_verzuim") or "", ""),
        }
    if f.soort in BESLUITBRIEVEN:
        grond = _tekst(g.get("besluit_grond"))
        if not grond and f.soort == "besluit_verlof":
            grond = VERLOF_GROND
        context["besluit"] = {
            "uitkomst": BESLUIT_UITKOMSTEN.get(g.get("besluit_uitkomst") or "", ""),
            "grond": grond,
            "geldig_van": _datum(g.get("besluit_geldig_van")),
            "geldig_tot": _datum(g.get("besluit_geldig_tot")),
            "motivering": Meerregelig(_tekst(g.get("besluit_motivering"))),
        }
    return context


# --- fictitious data: the preview and the test render of an uploaded template -----------


def voorbeeldfeiten(soort: str, vandaag: date | None = None) -> Brieffeiten:
    """Made-up data for every placeholder of `soort` (no real person)."""
    vandaag = vandaag or date(2025, 3, 5)
    gegevens = {
        "aan_naam": "De ouders/verzorgers van Sanne Voorbeeld",
        "aan_adres": "Dorpsstraat 1\n1234 AB Voorbeeldstad",
        "leerling_naam": "Sanne Voorbeeld",
        "gesprek_datum": date(2025, 3, 12),
        "gesprek_tijd": "10.30",
        "gesprek_plaats": "Gemeentehuis Voorbeeldstad, Markt 1",
        "afspraken": "Sanne gaat elke dag naar school.\nDe mentor belt wekelijks met de ouders.",
        "pv_nummer": "PV-2025-001",
        "pv_tegen": "ouders",
        "pv_verzuim": "relatief",
        "besluit_uitkomst": "toegekend",
        "besluit_grond": "artikel 5 onder a",
        "besluit_geldig_van": date(2025, 3, 5),
        "besluit_geldig_tot": date(2025, 7, 31),
        "besluit_motivering": "Uit de verklaring van de jeugdarts blijkt dat Sanne niet naar "
        "school kan gaan.",
        "toelichting": "",
    }
    return Brieffeiten(
        soort=soort,
        datum=vandaag,
        kenmerk="W-VOORBEELD",
        afzender=afzender(),
        gegevens=gegevens,
        persoonsnummer="P0000000",
        geboortedatum=date(2012, 6, 15),
        gemeente_naam="Voorbeeldstad",
        behandelaar_naam="A. Ambtenaar",
        behandelaar_functie="leerplichtambtenaar",
        behandelaar_email="a.ambtenaar@example.org",
        school_naam="De Voorbeeldschool",
        school_brin="99ZZ00",
        werkproces_id="" if soort in BESLUITBRIEVEN else "W-VOORBEELD",
        werkproces_type="relatief_verzuim",
        werkproces_geopend=date(2025, 2, 3),
        meldingen=(Meldingfeit("M-VOORBEELD-1", date(2025, 2, 1), "wettelijk"),),
        kopie_aan="De Voorbeeldschool" if soort == "waarschuwing" else "",
    )
