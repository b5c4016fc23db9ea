"""The team's texts in the jaarverslag: saving an edited text block, or putting the concept
back, with optimistic locking; and the report's text blocks with their forms for the web
page of the users who write it (Handeling.VERSLAG_SCHRIJVEN).

A stored text (verslagen.models.Verslagtekst) belongs to one school year, one set of
gemeenten (`gebied_sleutel`) and one Tekstblok id of that report. No stored text means
the concept: the sentences made from the numbers, which follow the numbers when they
change. So putting the concept back, saving an empty text and saving the concept word for
word all remove the stored text.

The texts hold no personal data, but who changed the published words matters: every
change gets an audit entry (object_type "verslagtekst", the text itself never: `tekst` is
a hidden field of the log).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from leerplicht.audit.logboek import registreer
from leerplicht.versiebeheer import Versieconflict, neem_versie

from .document import Hoofdstuk, Tekstblok, Verslag
from .html import HoofdstukWeergave, TekstWeergave, VerslagWeergave
from .models import Verslagtekst, gebied_sleutel

#: What a conflict is about, in the message of `Versieconflict`.
WAT = "deze tekst"
#: The versie of a block nobody edited (no stored text).
CONCEPTVERSIE = 0


class OnbekendBlok(ValueError):
    """Not a text block of this report."""


def tekstblok(verslag: Verslag, blok: str) -> Tekstblok:
    for t in verslag.tekstblokken():
        if t.id == blok:
            return t
    raise OnbekendBlok(blok)


def versies(verslag: Verslag) -> dict[str, int]:
    """The versie of every stored text of the report (blocks not listed: the concept, 0)."""
    return dict(
        Verslagtekst.objects.filter(
            schooljaar=verslag.schooljaar, gemeenten=gebied_sleutel(verslag.gemeenten)
        ).values_list("blok", "versie")
    )


def _concept(blok: Tekstblok) -> Tekstblok:
    return Tekstblok(blok.id, blok.titel, blok.concept, blok.concept, False)


def _registreer(actie: str, rij: Verslagtekst) -> None:
    registreer(
        actie,
        object_type="verslagtekst",
        object_id=str(rij.pk),
        velden=["tekst"],
        toelichting={"schooljaar": rij.schooljaar, "gemeenten": rij.gemeenten, "blok": rij.blok},
    )


@transaction.atomic
def bewaar(
    verslag: Verslag, blok: str, tekst: str, versie: int, door: str
) -> tuple[Tekstblok, int]:
    """Store `tekst` as the block's text ("" or the concept itself: back to the concept).

    `versie` is the one the form was loaded with (0: it showed the concept). Returns the
    block as the report now shows it and its new versie; raises `Versieconflict` when
    someone else changed the text since, `OnbekendBlok` for a block not in the report.
    """
    huidig = tekstblok(verslag, blok)
    tekst = tekst.replace("\r\n", "\n").strip()
    if tekst == huidig.concept.strip():
        tekst = ""
    sleutel = gebied_sleutel(verslag.gemeenten)
    rij = Verslagtekst.objects.filter(
        schooljaar=verslag.schooljaar, gemeenten=sleutel, blok=blok
    ).first()
    if rij is None:
        if versie != CONCEPTVERSIE:  # stored when the form was loaded, removed since
            raise Versieconflict(WAT)
        if not tekst:
            return _concept(huidig), CONCEPTVERSIE
        try:
            with transaction.atomic():
                rij = Verslagtekst.objects.create(
                    schooljaar=verslag.schooljaar,
                    gemeenten=sleutel,
                    blok=blok,
                    tekst=tekst,
                    bijgewerkt_op=timezone.now(),
                    bijgewerkt_door=door,
                    versie=1,
                )
        except IntegrityError:  # someone else stored a text for it at the same moment
            raise Versieconflict(WAT) from None
        _registreer("aanmaken", rij)
        return Tekstblok(blok, huidig.titel, huidig.concept, tekst, True), rij.versie
    if versie == CONCEPTVERSIE:  # the form showed the concept; someone stored a text since
        raise Versieconflict(WAT)
    nieuwe = neem_versie(Verslagtekst, rij.pk, versie, wat=WAT)
    if not tekst:
        _registreer("verwijderen", rij)
        rij.delete()
        return _concept(huidig), CONCEPTVERSIE
    Verslagtekst.objects.filter(pk=rij.pk).update(
        tekst=tekst, bijgewerkt_op=timezone.now(), bijgewerkt_door=door
    )
    _registreer("wijzigen", rij)
    return Tekstblok(blok, huidig.titel, huidig.concept, tekst, True), int(nieuwe or 0)


# --- the page of the writers ----------------------------------------------------------------


def alineas(tekst: str) -> tuple[str, ...]:
    """Paragraphs as the report shows them (verslagen.html): split on blank lines."""
    return tuple(a.strip() for a in tekst.split("\n\n") if a.strip())


@dataclass(frozen=True)
class BewerkbareTekst:
    """A text block with its form, for `_tekstblok.html` (the report's fragment includes
    it in place of the plain text when the page sets `tekstblok_sjabloon`)."""

    id: str
    #: "" when the chapter heading already says it (as in the report).
    titel: str
    alineas: tuple[str, ...]
    bewerkt: bool
    #: The concept's paragraphs, shown beside an edited text.
    concept: tuple[str, ...]
    formulier: object
    #: After saving ("Opgeslagen.") or a conflict (the conflict message).
    melding: str = ""
    #: The melding is an error (role alert) rather than a status.
    fout: bool = False
    #: After a conflict: the text the user wrote, which was not saved, to copy from.
    niet_opgeslagen: str = ""
    soort: str = field(default="tekst", init=False)


#: Makes the form of a block: (block, its chapter) -> form.
Formuliermaker = Callable[[Tekstblok, Hoofdstuk], object]


def bewerkbaar(
    blok: Tekstblok, hoofdstuk_titel: str, formulier: object, **extra: object
) -> BewerkbareTekst:
    """The block as its page shows it: its text, its concept, its form (and `extra`:
    `melding`, `fout`, `niet_opgeslagen`)."""
    return BewerkbareTekst(
        id=blok.id,
        titel="" if blok.titel == hoofdstuk_titel else blok.titel,
        alineas=alineas(blok.tekst),
        bewerkt=blok.bewerkt,
        concept=alineas(blok.concept),
        formulier=formulier,
        **extra,  # type: ignore[arg-type]
    )


def bewerkbare_weergave(
    verslag: Verslag,
    weergave: VerslagWeergave,
    formulier: Formuliermaker,
    extra: Mapping[str, dict] | None = None,
) -> VerslagWeergave:
    """`weergave` with every text block replaced by its editable form; a block the report
    leaves out for being empty (no draft sentences) is added at its chapter's end, so the
    team can still write it. `extra`: per block id, fields of `BewerkbareTekst` to set."""
    extra = extra or {}
    hoofdstukken = []
    for hoofdstuk, gezien in zip(verslag.hoofdstukken, weergave.hoofdstukken, strict=True):
        blokken = {o.id: o for o in hoofdstuk.onderdelen if isinstance(o, Tekstblok)}

        def maak(blok: Tekstblok, h: Hoofdstuk = hoofdstuk) -> BewerkbareTekst:
            velden = dict(extra.get(blok.id, {}))
            velden.setdefault("formulier", formulier(blok, h))
            return bewerkbaar(blok, h.titel, **velden)

        onderdelen = [
            maak(blokken[o.id]) if isinstance(o, TekstWeergave) else o for o in gezien.onderdelen
        ]
        getoond = {o.id for o in gezien.onderdelen if isinstance(o, TekstWeergave)}
        onderdelen += [maak(b) for i, b in blokken.items() if i not in getoond]
        hoofdstukken.append(HoofdstukWeergave(gezien.id, gezien.titel, tuple(onderdelen)))
    return VerslagWeergave(
        titel=weergave.titel,
        gebied=weergave.gebied,
        schooljaar=weergave.schooljaar,
        schooljaren=weergave.schooljaren,
        peildatum=weergave.peildatum,
        peildatum_tekst=weergave.peildatum_tekst,
        hoofdstukken=tuple(hoofdstukken),
        verantwoording=weergave.verantwoording,
    )
