"""The periodic background jobs, by a short Dutch name, for `leerplicht inplannen NAAM`
(a cron line or systemd timer puts them on the queue; `leerplicht db_worker` runs them).
"""

from __future__ import annotations

from importlib import import_module

#: name -> (dotted path of the task, what it does)
PERIODIEKE_TAKEN: dict[str, tuple[str, str]] = {
    "bewaartermijn": (
        "leerplicht.bewaren.tasks.bewaartermijn_uitvoeren",
        "verwijdert of anonimiseert wat voorbij zijn bewaartermijn is (dagelijks)",
    ),
    "verzuimstaten-herinneren": (
        "leerplicht.meldingen.tasks.verzuimstaten_herinneren",
        "markeert verzuimstaten waarvan de termijn voorbij is voor een herinnering (dagelijks)",
    ),
    "absoluut-verzuim": (
        "leerplicht.meldingen.tasks.absoluut_verzuim_signaleren",
        "maakt meldingen absoluut verzuim uit de leerplichtadministratie (dagelijks)",
    ),
    "vsv-signaleren": (
        "leerplicht.doorstroompunt.tasks.vsv_signaleren",
        "maakt nieuwe vsv-trajecten uit beëindigde inschrijvingen zonder vervolg (dagelijks)",
    ),
    "vsv-voorstellen": (
        "leerplicht.doorstroompunt.tasks.vsv_voorstellen_maken",
        "werkt de voorstellen 'geen doelgroep meer' van de vsv-trajecten bij (dagelijks)",
    ),
    "thuiszitters": (
        "leerplicht.thuiszitters.tasks.signaleer_thuiszitters",
        "telt de signalen van leerlingen die 4 weken of langer thuis zitten (dagelijks)",
    ),
}


def taak(naam: str):
    pad, _ = PERIODIEKE_TAKEN[naam]
    module, functie = pad.rsplit(".", 1)
    return getattr(import_module(module), functie)
