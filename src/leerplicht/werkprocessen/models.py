"""Werkprocessen (cases), the interventies done in them, and what the timeline shows:
notities, documenten (letters among them) and gebeurtenissen (status changes).

`Toewijzingsregel` is the teammanager's table that decides which leerplichtambtenaar
gets a complete melding (see werkprocessen.toewijzing).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from leerplicht.codeveld import code_check, keuzes
from leerplicht.domein import codes
from leerplicht.domein.onderwijssoort import ONDERWIJSSOORTEN
from leerplicht.register.models import Gemeente, Persoon

#: The OM's decision after a proces-verbaal.
OM_BESLISSINGEN: dict[str, str] = {
    "sepot": "sepot",
    "strafbeschikking": "strafbeschikking",
    "transactie": "transactie",
    "dagvaarding": "dagvaarding (zitting)",
    "overig": "overig",
}

GEBEURTENISSEN: dict[str, str] = {
    "geopend": "werkproces geopend",
    "overgedragen": "overgedragen",
    "melding_toegevoegd": "melding toegevoegd",
    "gesloten": "gesloten",
    "heropend": "heropend",
    "overdracht_dsp": "warme overdracht naar het Doorstroompunt",
    "gewijzigd": "gewijzigd",
    #: A letter made in the background could not be made (the medewerker was gone).
    "brief_mislukt": "brief niet gemaakt",
    #: Verzuim 18+: a repeated melding without "actie gewenst" still asks for contact.
    "contact_gevraagd": "contact gevraagd",
}

DOCUMENTSOORTEN: dict[str, str] = {
    "brief": "brief",
    "verzuimstaat": "verzuimstaat",
    "verklaring": "verklaring deskundige",
    "proces_verbaal": "proces-verbaal",
    "overig": "overig document",
}


class Werkproces(models.Model):
    id = models.CharField(max_length=64, primary_key=True)
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="werkprocessen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="werkprocessen")
    type = models.CharField(max_length=24, choices=keuzes(codes.WERKPROCES_TYPEN))
    geopend = models.DateField()
    gesloten = models.DateField(null=True, blank=True)
    resultaat = models.CharField(
        max_length=16, choices=keuzes(codes.WERKPROCES_RESULTATEN), null=True, blank=True
    )
    onderwijssoort = models.CharField(
        max_length=8, choices=keuzes(ONDERWIJSSOORTEN), null=True, blank=True
    )
    behandelaar = models.CharField(max_length=150, null=True, blank=True)
    #: Verzuim 18+ and zorg en preventie 18+: the outcome of the consulent's work.
    uitkomst_18plus = models.CharField(
        max_length=24,
        choices=keuzes(codes.VERZUIM_18PLUS_UITKOMSTEN),
        null=True,
        blank=True,
        db_default=None,
    )
    #: Zorg en preventie 18+: why the traject was opened.
    reden_18plus = models.CharField(
        max_length=24,
        choices=keuzes(codes.ZORG_PREVENTIE_18PLUS_REDENEN),
        null=True,
        blank=True,
        db_default=None,
    )
    #: Raised on every save through the casework services (optimistic locking): two
    #: people saving the same werkproces, the second gets a conflict message.
    versie = models.PositiveIntegerField(default=1, db_default=1)

    class Meta:
        verbose_name_plural = "werkprocessen"
        indexes = [
            models.Index(fields=["gemeente", "geopend"]),
            models.Index(fields=["gemeente", "gesloten"]),
            models.Index(fields=["persoon"]),
        ]
        constraints = [
            code_check("type", codes.WERKPROCES_TYPEN, "werkproces_type"),
            code_check("resultaat", codes.WERKPROCES_RESULTATEN, "werkproces_resultaat"),
            code_check("onderwijssoort", ONDERWIJSSOORTEN, "werkproces_onderwijssoort"),
            code_check(
                "uitkomst_18plus", codes.VERZUIM_18PLUS_UITKOMSTEN, "werkproces_uitkomst_18plus"
            ),
            code_check(
                "reden_18plus", codes.ZORG_PREVENTIE_18PLUS_REDENEN, "werkproces_reden_18plus"
            ),
            models.CheckConstraint(
                condition=Q(gesloten__isnull=True) | Q(gesloten__gte=models.F("geopend")),
                name="werkproces_gesloten_na_geopend",
            ),
        ]

    def __str__(self) -> str:
        return f"werkproces {self.id}"


class Interventie(models.Model):
    id = models.CharField(max_length=200, primary_key=True)
    werkproces = models.ForeignKey(
        Werkproces, on_delete=models.CASCADE, related_name="interventies"
    )
    datum = models.DateField()
    soort = models.CharField(max_length=24, choices=keuzes(codes.INTERVENTIE_SOORTEN))
    #: For a proces-verbaal: against the parents (art. 22 lid 2) or the pupil (lid 3).
    tegen = models.CharField(
        max_length=8, choices=keuzes(codes.PROCES_VERBAAL_TEGEN), null=True, blank=True
    )
    #: For a proces-verbaal: the kind of verzuim.
    verzuim = models.CharField(
        max_length=8, choices=keuzes(codes.PROCES_VERBAAL_VERZUIM), null=True, blank=True
    )
    #: For a proces-verbaal: the period of the verzuim it is about (art. 22 judges the
    #: leerplicht and the age of 12 then, not on `datum`; empty: `datum` stands in).
    #: `datum` stays the date of the PV, the year the figures count it in.
    verzuim_van = models.DateField("verzuim vanaf", null=True, blank=True)
    verzuim_tot = models.DateField("verzuim tot en met", null=True, blank=True)
    #: For a Halt-verwijzing: the outcome, once known.
    uitkomst = models.CharField(
        max_length=8, choices=keuzes(codes.HALT_UITKOMSTEN), null=True, blank=True
    )
    #: What was agreed or written (free text, shown on the timeline).
    toelichting = models.TextField(blank=True, db_default="")
    #: The user name of who recorded it (empty for imported rows).
    door = models.CharField(max_length=150, blank=True, db_default="")
    #: After a proces-verbaal (GGM "Procesverbaal onderwijs"): the OM's decision, the
    #: hearing and the sanction, recorded when they come (months later).
    om_beslissing = models.CharField(
        max_length=16, choices=keuzes(OM_BESLISSINGEN), null=True, blank=True
    )
    om_beslist_op = models.DateField(null=True, blank=True)
    zittingsdatum = models.DateField(null=True, blank=True)
    sanctie = models.CharField(max_length=200, blank=True, db_default="")

    class Meta:
        verbose_name_plural = "interventies"
        indexes = [
            models.Index(fields=["werkproces", "datum"]),
            models.Index(fields=["soort", "datum"]),
        ]
        constraints = [
            code_check("soort", codes.INTERVENTIE_SOORTEN, "interventie_soort"),
            code_check("tegen", codes.PROCES_VERBAAL_TEGEN, "interventie_tegen"),
            code_check("verzuim", codes.PROCES_VERBAAL_VERZUIM, "interventie_verzuim"),
            code_check("uitkomst", codes.HALT_UITKOMSTEN, "interventie_uitkomst"),
            models.CheckConstraint(
                condition=~Q(soort="proces_verbaal")
                | (Q(tegen__isnull=False) & Q(verzuim__isnull=False)),
                name="proces_verbaal_tegen_en_verzuim",
            ),
            models.CheckConstraint(
                condition=Q(uitkomst__isnull=True) | Q(soort="halt"), name="uitkomst_alleen_halt"
            ),
            models.CheckConstraint(
                condition=(Q(verzuim_van__isnull=True) & Q(verzuim_tot__isnull=True))
                | Q(soort="proces_verbaal"),
                name="verzuimperiode_alleen_bij_proces_verbaal",
            ),
            code_check("om_beslissing", OM_BESLISSINGEN, "interventie_om_beslissing"),
            models.CheckConstraint(
                condition=(
                    Q(om_beslissing__isnull=True)
                    & Q(zittingsdatum__isnull=True)
                    & Q(om_beslist_op__isnull=True)
                    & Q(sanctie="")
                )
                | Q(soort="proces_verbaal"),
                name="om_alleen_bij_proces_verbaal",
            ),
        ]

    def __str__(self) -> str:
        return f"interventie {self.soort} op {self.datum}"


class Notitie(models.Model):
    """A note on the timeline (a phone call, what was discussed in an MDO, ...)."""

    werkproces = models.ForeignKey(Werkproces, on_delete=models.CASCADE, related_name="notities")
    tijdstip = models.DateTimeField()
    door = models.CharField(max_length=150)
    tekst = models.TextField()

    class Meta:
        verbose_name_plural = "notities"
        ordering = ["tijdstip", "pk"]

    def __str__(self) -> str:
        return f"notitie {self.pk}"


class Gebeurtenis(models.Model):
    """A change of status on the timeline: opened, handed over, melding joined, closed."""

    werkproces = models.ForeignKey(
        Werkproces, on_delete=models.CASCADE, related_name="gebeurtenissen"
    )
    tijdstip = models.DateTimeField()
    door = models.CharField(max_length=150, blank=True, db_default="")
    soort = models.CharField(max_length=24, choices=keuzes(GEBEURTENISSEN))
    #: Plain Dutch, without personal content (e.g. "Melding M123 toegevoegd").
    omschrijving = models.CharField(max_length=300)

    class Meta:
        verbose_name_plural = "gebeurtenissen"
        ordering = ["tijdstip", "pk"]
        constraints = [code_check("soort", GEBEURTENISSEN, "gebeurtenis_soort")]

    def __str__(self) -> str:
        return f"gebeurtenis {self.soort} op {self.tijdstip:%Y-%m-%d}"


class Document(models.Model):
    """A file in a person's dossier: a letter sent (PDF, with its .docx), or an upload such
    as a verzuimstaat or an expert statement. Kept in the database, so backup, inzage and
    the bewaartermijn treat it like every other record of the person."""

    persoon = models.ForeignKey(
        "register.Persoon", on_delete=models.CASCADE, related_name="documenten"
    )
    werkproces = models.ForeignKey(
        Werkproces, on_delete=models.CASCADE, null=True, blank=True, related_name="documenten"
    )
    melding = models.ForeignKey(
        "meldingen.Melding",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documenten",
    )
    vrijstelling = models.ForeignKey(
        "vrijstellingen.Vrijstelling",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documenten",
    )
    interventie = models.ForeignKey(
        Interventie, on_delete=models.SET_NULL, null=True, blank=True, related_name="documenten"
    )
    soort = models.CharField(max_length=24, choices=keuzes(DOCUMENTSOORTEN))
    titel = models.CharField(max_length=200)
    bestandsnaam = models.CharField(max_length=200)
    mediatype = models.CharField(max_length=100)
    inhoud = models.BinaryField()
    aangemaakt_op = models.DateTimeField()
    door = models.CharField(max_length=150, blank=True, db_default="")

    class Meta:
        verbose_name_plural = "documenten"
        ordering = ["aangemaakt_op", "pk"]
        constraints = [code_check("soort", DOCUMENTSOORTEN, "document_soort")]

    def __str__(self) -> str:
        return f"document {self.pk}"


class Toewijzingsregel(models.Model):
    """Which leerplichtambtenaar gets a complete melding: the first active rule (lowest
    `volgorde`) whose filled-in conditions all match. Edited by the teammanager."""

    volgorde = models.PositiveIntegerField(default=100)
    gemeente = models.ForeignKey(
        "register.Gemeente", on_delete=models.CASCADE, null=True, blank=True
    )
    onderwijssoort = models.CharField(
        max_length=8, choices=keuzes(ONDERWIJSSOORTEN), null=True, blank=True
    )
    school = models.ForeignKey("register.School", on_delete=models.CASCADE, null=True, blank=True)
    #: Which kinds of werkproces (empty: every kind).
    werkprocestype = models.CharField(
        max_length=24, choices=keuzes(codes.WERKPROCES_TYPEN), null=True, blank=True
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="toewijzingsregels"
    )
    actief = models.BooleanField(default=True)

    class Meta:
        verbose_name_plural = "toewijzingsregels"
        ordering = ["volgorde", "pk"]

    def __str__(self) -> str:
        return f"toewijzingsregel {self.volgorde}"
