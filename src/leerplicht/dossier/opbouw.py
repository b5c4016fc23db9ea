"""One dossier: what a user may see of one person, each part filtered by `beleid`.

The person is fetched within `personen_voor` (else 404); then every kind of
record is asked of its own `*_voor` queryset, so a consulent Doorstroompunt
sees a person's 18+ work but not their leerplicht file, and an LPA of
gemeente A does not see gemeente B's records of someone who moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from leerplicht.domein.doorstroompunt_doelgroep import in_doelgroep_doorstroompunt
from leerplicht.domein.leerplicht import Leerplichtstatus, leerplichtstatus
from leerplicht.domein.leerplichtfeiten import (
    omschrijving_leerplicht,
    tekst_kwalificatieplicht_vervallen,
    tekst_twaalf_schooljaren,
)
from leerplicht.domein.verzuimmelding_route import OPEN as OPEN_MELDINGSTATUSSEN
from leerplicht.doorstroompunt.models import Vsv
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Inschrijving, Persoon
from leerplicht.thuiszitters.models import Thuiszitter
from leerplicht.toegang import beleid
from leerplicht.toegang.bescherming import object_of_404
from leerplicht.vrijstellingen.models import Vrijstelling
from leerplicht.werkprocessen.models import Document, Werkproces

#: The fields of the person shown on the dossier page (for the audit entry).
PERSOONSVELDEN: tuple[str, ...] = (
    "id",
    "bsn",
    "geboortedatum",
    "gemeente",
    "startkwalificatie",
    "twaalf_schooljaren_voltooid",
    "twaalf_schooljaren_bron",
    "kwalificatieplicht_vervallen",
    "kwalificatieplicht_vervallen_grond",
    "kwalificatieplicht_vervallen_bron",
)


@dataclass(frozen=True)
class Dossier:
    persoon: Persoon
    inschrijvingen: list[Inschrijving]
    meldingen: list[Melding]
    #: Each with `zichtbare_interventies`, the interventies the user may see.
    werkprocessen: list[Werkproces]
    vrijstellingen: list[Vrijstelling]
    thuiszitperiodes: list[Thuiszitter]
    vsv_trajecten: list[Vsv]
    #: Letters and other documents (without their content: that is downloaded apart).
    documenten: list[Document]
    peildatum: date

    def _feiten(self) -> dict[str, date | None]:
        """Every fact of the register that ends a leerplicht early, as the rules take them."""
        p = self.persoon
        return {
            "startkwalificatie": p.startkwalificatie,
            "twaalf_schooljaren_voltooid": p.twaalf_schooljaren_voltooid,
            "kwalificatieplicht_vervallen": p.kwalificatieplicht_vervallen,
        }

    @property
    def leerplichtstatus(self) -> Leerplichtstatus:
        return leerplichtstatus(self.persoon.geboortedatum, self.peildatum, **self._feiten())

    @property
    def leerplichtfeiten(self) -> list[str]:
        """The recorded facts that end a leerplicht early, in Dutch with their article."""
        p = self.persoon
        feiten = []
        if p.twaalf_schooljaren_voltooid is not None:
            feiten.append(
                tekst_twaalf_schooljaren(p.twaalf_schooljaren_voltooid, p.twaalf_schooljaren_bron)
            )
        if p.kwalificatieplicht_vervallen is not None:
            feiten.append(
                tekst_kwalificatieplicht_vervallen(
                    p.kwalificatieplicht_vervallen,
                    p.kwalificatieplicht_vervallen_grond,
                    p.kwalificatieplicht_vervallen_bron,
                )
            )
        return feiten

    @property
    def leerplicht_vandaag(self) -> str:
        """Volledig leerplichtig / kwalificatieplichtig / niet leerplichtig (with why)."""
        return omschrijving_leerplicht(self.persoon.geboortedatum, self.peildatum, **self._feiten())

    @property
    def doorstroompunt_doelgroep(self) -> bool:
        p = self.persoon
        return in_doelgroep_doorstroompunt(
            p.geboortedatum, self.peildatum, startkwalificatie=p.startkwalificatie
        )

    @property
    def open_meldingen(self) -> list[Melding]:
        return [m for m in self.meldingen if m.status in OPEN_MELDINGSTATUSSEN]

    @property
    def velden(self) -> list[str]:
        """What was shown: field and section names, never their content (audit log)."""
        delen = {
            "inschrijvingen": self.inschrijvingen,
            "meldingen": self.meldingen,
            "werkprocessen": self.werkprocessen,
            "interventies": [i for w in self.werkprocessen for i in w.zichtbare_interventies],
            "vrijstellingen": self.vrijstellingen,
            "thuiszitperiodes": self.thuiszitperiodes,
            "vsv_trajecten": self.vsv_trajecten,
            "documenten": self.documenten,
        }
        return [
            *PERSOONSVELDEN,
            "leerplichtstatus",
            *(naam for naam, rijen in delen.items() if rijen),
        ]


def dossier_voor(
    gebruiker: beleid.Gebruiker, persoon_id: str, peildatum: date | None = None
) -> Dossier:
    """The dossier of `persoon_id` as `gebruiker` may see it; Http404 outside their reach."""
    persoon: Persoon = object_of_404(gebruiker, Persoon, pk=persoon_id)
    van_persoon = {"persoon": persoon}
    interventies = beleid.interventies_voor(gebruiker).order_by("datum", "id")
    return Dossier(
        persoon=persoon,
        # `beleid.inschrijvingen_voor`: an inschrijving is seen with its person, who was
        # just fetched within reach. Asked directly: the scoped form evaluates the whole
        # reach (every person of the gemeenten) in SQLite, 10+ ms per dossier.
        inschrijvingen=list(
            Inschrijving.objects.filter(**van_persoon)
            .select_related("school")
            .order_by("van", "id")
        ),
        meldingen=list(
            beleid.meldingen_voor(gebruiker)
            .filter(**van_persoon)
            .select_related("gemeente", "school")
            .order_by("datum", "meldingsnummer")
        ),
        werkprocessen=list(
            beleid.werkprocessen_voor(gebruiker)
            .filter(**van_persoon)
            .select_related("gemeente")
            .prefetch_related(
                Prefetch("interventies", queryset=interventies, to_attr="zichtbare_interventies")
            )
            .order_by("geopend", "id")
        ),
        vrijstellingen=list(
            beleid.vrijstellingen_voor(gebruiker)
            .filter(**van_persoon)
            .select_related("gemeente")
            .order_by("aangevraagd", "id")
        ),
        thuiszitperiodes=list(
            beleid.thuiszitters_voor(gebruiker)
            .filter(**van_persoon)
            .select_related("gemeente")
            .order_by("van", "id")
        ),
        vsv_trajecten=list(
            beleid.vsv_voor(gebruiker)
            .filter(**van_persoon)
            .select_related("gemeente")
            .order_by("uitgeschreven", "id")
        ),
        documenten=list(
            beleid.zichtbaar(gebruiker, Document)
            .filter(**van_persoon)
            .defer("inhoud")
            .order_by("-aangemaakt_op", "-pk")
        ),
        peildatum=peildatum or timezone.localdate(),
    )
