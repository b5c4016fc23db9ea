"""Verzuimmeldingen: what schools (through DUO's Verzuimloket) and others report.

The fields after `werkproces` are what the Besluit verzuimmelding asks of a school (GGM
"Verzuimmelding") and the administratie's route (`domein.verzuimmelding_route`). They
are all optional: a melding from the exchange format has only the columns of the
contract, and `status` empty (a historical melding, not in any queue).
"""

from django.db import models

from leerplicht.codeveld import code_check, keuzes
from leerplicht.domein import codes
from leerplicht.domein.onderwijssoort import ONDERWIJSSOORTEN
from leerplicht.domein.verzuimmelding_route import NAMEN as STATUSNAMEN
from leerplicht.domein.verzuimmelding_route import Meldingstatus
from leerplicht.register.models import Gemeente, Persoon, School

#: Where a melding came from.
BRONNEN: dict[str, str] = {
    "duo": "DUO Verzuimloket",
    "formulier": "handmatig ingevoerd",
    "register": "signaal uit de leerplichtadministratie",
    "import": "uitwisselformaat",
}

#: The statuses a gemeente reports back to DUO for a melding.
DUO_STATUSSEN: dict[str, str] = {
    "in_behandeling": "in behandeling",
    "afgesloten": "afgesloten",
    "ter_kennisneming": "ter kennisneming aangenomen",
    "ingetrokken": "ingetrokken",
}


class Melding(models.Model):
    meldingsnummer = models.CharField(max_length=64, primary_key=True)
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="meldingen")
    #: The gemeente responsible for this melding (figures count it there).
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="meldingen")
    datum = models.DateField()
    soort = models.CharField(max_length=12, choices=keuzes(codes.MELDING_SOORTEN))
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, null=True, blank=True, related_name="meldingen"
    )
    #: As reported; when empty the figures derive it from the inschrijving on `datum`.
    onderwijssoort = models.CharField(
        max_length=8, choices=keuzes(ONDERWIJSSOORTEN), null=True, blank=True
    )
    actie_gewenst = models.BooleanField(null=True, blank=True)
    werkproces = models.ForeignKey(
        "werkprocessen.Werkproces",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meldingen",
    )

    # --- the administratie's route ---------------------------------------------------
    status = models.CharField(
        max_length=24, choices=[(s.value, STATUSNAMEN[s]) for s in Meldingstatus],
        null=True, blank=True,
    )  # fmt: skip
    bron = models.CharField(
        max_length=12, choices=keuzes(BRONNEN), default="import", db_default="import"
    )
    ontvangen_op = models.DateTimeField(null=True, blank=True)
    verzuimstaat_opgevraagd_op = models.DateField(null=True, blank=True)
    #: The school's deadline for the verzuimstaat (one week after the request).
    verzuimstaat_termijn = models.DateField(null=True, blank=True)
    verzuimstaat_herinnerd_op = models.DateField(null=True, blank=True)
    verzuimstaat_ontvangen_op = models.DateField(null=True, blank=True)
    #: What was last reported back to DUO, and when (see meldingen.duo).
    duo_status = models.CharField(
        max_length=20, choices=keuzes(DUO_STATUSSEN), null=True, blank=True
    )
    duo_reden = models.CharField(max_length=40, null=True, blank=True)
    duo_teruggemeld_op = models.DateTimeField(null=True, blank=True)
    #: Raised on every save through the casework services: two people saving the same
    #: melding, the second gets a conflict instead of overwriting (optimistic locking).
    versie = models.PositiveIntegerField(default=1, db_default=1)

    # --- what the school reports (Besluit verzuimmelding) ------------------------------
    onderwijsnummer = models.CharField(max_length=9, null=True, blank=True)
    leslocatie = models.CharField(max_length=200, blank=True, db_default="")
    verzuim_van = models.DateField("verzuim vanaf", null=True, blank=True)
    verzuim_tot = models.DateField("verzuim tot en met", null=True, blank=True)
    vermoedelijke_reden = models.TextField(blank=True, db_default="")
    alle_lessen_verzuimd = models.BooleanField(null=True, blank=True)
    verzuimde_dagen = models.PositiveIntegerField(null=True, blank=True)
    verzuimde_uren = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    #: What the school did already (conversations, contact with parents, zorgteam).
    schoolactie = models.TextField("wat de school deed", blank=True, db_default="")
    melder_naam = models.CharField(max_length=200, blank=True, db_default="")
    melder_functie = models.CharField(max_length=200, blank=True, db_default="")
    melder_telefoon = models.CharField(max_length=40, blank=True, db_default="")
    melder_email = models.EmailField(blank=True, db_default="")
    telefoon_ouders = models.CharField(
        "telefoon ouders of leerling", max_length=40, blank=True, db_default=""
    )
    afwijkend_verblijfadres = models.TextField(blank=True, db_default="")

    class Meta:
        verbose_name_plural = "meldingen"
        indexes = [
            models.Index(fields=["gemeente", "datum"]),
            models.Index(fields=["persoon", "datum"]),
            models.Index(fields=["status", "gemeente"]),
        ]
        constraints = [
            code_check("soort", codes.MELDING_SOORTEN, "melding_soort"),
            code_check("onderwijssoort", ONDERWIJSSOORTEN, "melding_onderwijssoort"),
            code_check("status", [s.value for s in Meldingstatus], "melding_status"),
            code_check("duo_status", DUO_STATUSSEN, "melding_duo_status"),
        ]

    def __str__(self) -> str:
        return f"melding {self.meldingsnummer}"
