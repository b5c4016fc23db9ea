"""The default letter of each soort as a .docx with placeholders (built with python-docx).

Plain Dutch letters a team would send; the beheerder downloads one, changes it in Word
and uploads it again. The letterhead (the team's name and address) is not in the .docx:
the house style adds it to every letter (weergave.HUISSTIJL), so it is the same on all.

Lines starting with "## " become a bold paragraph; "{%p ... %}" lines are docxtpl's
paragraph tags (the whole paragraph is the tag).
"""

from __future__ import annotations

import io

from docx import Document as WordDocument
from docx.shared import Pt

from .soorten import BRIEFSOORTEN

_KOP = [
    "{{ aan.naam }}",
    "{{ aan.adres }}",
    "",
    "Datum: {{ datum }}",
    "Ons kenmerk: {{ kenmerk }}",
]

_SLOT = [
    "{%p if toelichting %}",
    "{{ toelichting }}",
    "{%p endif %}",
    "Met vriendelijke groet,",
    "",
    "{{ behandelaar.naam }}",
    "{{ behandelaar.functie }}, namens het college van burgemeester en wethouders van "
    "{{ gemeente.naam }}",
]

_MELDINGEN = [
    "{%p for m in meldingen %}",
    "- {{ m.datum }}: {{ m.soort }} (melding {{ m.meldingsnummer }})",
    "{%p endfor %}",
]

_CONTACT = (
    "Heeft u vragen? Neem dan contact met mij op via {{ afzender.telefoon }} of "
    "{{ behandelaar.email }}. Vermeld daarbij ons kenmerk {{ kenmerk }}."
)

_BEZWAAR = [
    "## Bezwaar maken",
    "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de datum van deze "
    "brief bezwaar maken bij het college van burgemeester en wethouders van {{ gemeente.naam }}. "
    "Zet in uw bezwaarschrift uw naam en adres, de datum, ons kenmerk {{ kenmerk }} en waarom u "
    "het niet eens bent met het besluit, en onderteken het.",
]

TEKSTEN: dict[str, list[str]] = {
    "kennisgevingsbrief": [
        "## Onderwerp: kennisgeving schoolverzuim van {{ leerling.naam }}",
        "{{ aan.aanhef }},",
        "Van {{ school.naam }} hebben wij een melding van schoolverzuim ontvangen over "
        "{{ leerling.naam }}, geboren op {{ leerling.geboortedatum }}. Het gaat om:",
        *_MELDINGEN,
        "Volgens de Leerplichtwet 1969 zorgen ouders en verzorgers ervoor dat hun kind naar "
        "school gaat. Met deze brief laten wij u weten dat wij de melding hebben ontvangen en "
        "het verzuim volgen. Wij gaan ervan uit dat {{ leerling.naam }} vanaf nu weer elke dag "
        "naar school gaat.",
        "Gaat het verzuim door, dan nodigen wij u uit voor een gesprek. Is er een reden voor "
        "het verzuim die wij moeten weten? " + _CONTACT,
        *_SLOT,
    ],
    "uitnodiging": [
        "## Onderwerp: uitnodiging voor een gesprek over het schoolverzuim van {{ leerling.naam }}",
        "{{ aan.aanhef }},",
        "Van {{ school.naam }} hebben wij een melding van schoolverzuim ontvangen over "
        "{{ leerling.naam }}. Graag bespreek ik met u en {{ leerling.naam }} hoe het op school "
        "gaat en wat er nodig is om het verzuim te stoppen. Daarom nodig ik u beiden uit voor "
        "een gesprek:",
        "Datum: {{ gesprek.datum }}",
        "Tijd: {{ gesprek.tijd }} uur",
        "Plaats: {{ gesprek.plaats }}",
        "Neem een geldig identiteitsbewijs mee. Kunt u niet op dit tijdstip? Neem dan vóór het "
        "gesprek contact met mij op via {{ afzender.telefoon }}, dan maken wij een nieuwe "
        "afspraak.",
        *_SLOT,
    ],
    "waarschuwing": [
        "## Onderwerp: waarschuwing schoolverzuim van {{ leerling.naam }}",
        "{{ aan.aanhef }},",
        "{% if gesprek.datum %}Op {{ gesprek.datum }}{% else %}Onlangs{% endif %} hebben wij "
        "met u gesproken over het schoolverzuim van {{ leerling.naam }}, leerling van "
        "{{ school.naam }}. Daarbij zijn de volgende afspraken gemaakt:",
        "{{ afspraken }}",
        "Met deze brief geven wij u een officiële waarschuwing. Ongeoorloofd schoolverzuim is "
        "een overtreding van de Leerplichtwet 1969. Gaat het verzuim door of worden de "
        "afspraken niet nagekomen, dan kan de leerplichtambtenaar een proces-verbaal opmaken. "
        "Dat gaat dan naar het Openbaar Ministerie.",
        "Een kopie van deze brief gaat naar {{ school.naam }}. " + _CONTACT,
        *_SLOT,
    ],
    "halt_verwijzing": [
        "## Onderwerp: verwijzing naar Halt",
        "{{ aan.aanhef }},",
        "Vanwege het schoolverzuim van {{ leerling.naam }}, leerling van {{ school.naam }}, "
        "verwijzen wij {{ leerling.naam }} naar Halt voor een Halt-interventie schoolverzuim.",
        "Halt neemt binnenkort contact met u en {{ leerling.naam }} op voor een afspraak. "
        "Wordt de Halt-interventie goed afgerond, dan is de zaak daarmee afgedaan. Doet "
        "{{ leerling.naam }} niet mee of wordt de interventie niet goed afgerond, dan kan de "
        "leerplichtambtenaar alsnog een proces-verbaal opmaken.",
        _CONTACT,
        *_SLOT,
    ],
    "begeleidende_brief_pv": [
        "## Onderwerp: proces-verbaal schoolverzuim {{ pv.nummer }}",
        "{{ aan.aanhef }},",
        "Hierbij stuur ik u het proces-verbaal {{ pv.nummer }} wegens {{ pv.verzuim }}. Het "
        "proces-verbaal is opgemaakt tegen: {{ pv.tegen }}.",
        "Het gaat om {{ leerling.naam }}, geboren op {{ leerling.geboortedatum }}, leerling van "
        "{{ school.naam }} (werkproces {{ werkproces.id }}). Behandelde meldingen:",
        *_MELDINGEN,
        "Het proces-verbaal en het verzuimoverzicht zijn bijgevoegd. Voor vragen kunt u "
        "contact met mij opnemen via {{ behandelaar.email }}.",
        *_SLOT,
    ],
    "besluit_vrijstelling": [
        "## Onderwerp: besluit op uw aanvraag vrijstelling van de leerplicht",
        "{{ aan.aanhef }},",
        "U heeft voor {{ leerling.naam }}, geboren op {{ leerling.geboortedatum }}, vrijstelling "
        "van de leerplicht gevraagd op grond van {{ besluit.grond }} van de Leerplichtwet 1969.",
        "## Besluit",
        "Uw aanvraag is {{ besluit.uitkomst }}.",
        "{%p if besluit.uitkomst == 'toegekend' %}",
        "De vrijstelling geldt vanaf {{ besluit.geldig_van }}{% if besluit.geldig_tot %} tot en "
        "met {{ besluit.geldig_tot }}{% endif %}.",
        "{%p endif %}",
        "## Motivering",
        "{{ besluit.motivering }}",
        *_BEZWAAR,
        *_SLOT,
    ],
    "besluit_verlof": [
        "## Onderwerp: besluit op uw aanvraag verlof",
        "{{ aan.aanhef }},",
        "U heeft voor {{ leerling.naam }} verlof gevraagd van {{ besluit.geldig_van }} tot en "
        "met {{ besluit.geldig_tot }} wegens gewichtige omstandigheden ({{ besluit.grond }} "
        "van de Leerplichtwet 1969). Omdat het om meer dan tien schooldagen gaat, beslist de "
        "leerplichtambtenaar hierover, na overleg met de directeur van de school.",
        "## Besluit",
        "Het verlof is {{ besluit.uitkomst }}.",
        "## Motivering",
        "{{ besluit.motivering }}",
        *_BEZWAAR,
        *_SLOT,
    ],
}


def standaard_docx(soort: str) -> bytes:
    """The default template of `soort` as .docx bytes."""
    if soort not in BRIEFSOORTEN:
        raise KeyError(soort)
    document = WordDocument()
    stijl = document.styles["Normal"]
    stijl.font.name = "DejaVu Sans"
    stijl.font.size = Pt(10)
    document.core_properties.title = BRIEFSOORTEN[soort]
    document.core_properties.author = "Leerplicht"
    for regel in [*_KOP, "", *TEKSTEN[soort]]:
        if regel.startswith("## "):
            document.add_paragraph().add_run(regel[3:]).bold = True
        else:
            document.add_paragraph(regel)
    uit = io.BytesIO()
    document.save(uit)
    return uit.getvalue()
