"""leerplicht genereer PAD: write a synthetic region in the exchange format (folder or .zip)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leerplicht.domein.formattering import getal
from leerplicht.domein.schooljaar import Schooljaar, laatste_afgesloten_schooljaar
from leerplicht.generator import genereer


def _schooljaar(tekst: str) -> Schooljaar:
    try:
        return Schooljaar.van_naam(tekst)
    except ValueError as fout:
        raise CommandError(str(fout)) from None


class Command(BaseCommand):
    help = (
        "Schrijf een realistische fictieve regio in het uitwisselformaat (map, of .zip): "
        "gemeenten, scholen, personen en enkele schooljaren verzuim, vrijstellingen en vsv."
    )
    # Writes files only; it needs no database.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("pad", type=Path, help="doelmap, of een pad dat eindigt op .zip")
        parser.add_argument("--gemeenten", type=int, default=6, help="aantal gemeenten (6)")
        parser.add_argument("--personen", type=int, default=60_000, help="aantal personen (60000)")
        parser.add_argument(
            "--schooljaar",
            help="laatste schooljaar met gegevens, bijvoorbeeld 2024-2025 "
            "(standaard: het laatste afgesloten schooljaar)",
        )
        parser.add_argument("--jaren", type=int, default=3, help="aantal schooljaren (3)")
        parser.add_argument(
            "--seed", type=int, default=1, help="startwaarde; zelfde seed, zelfde data"
        )
        parser.add_argument(
            "--processen", type=int, default=None, help="aantal processen (standaard: alle cores)"
        )

    def handle(
        self,
        *args,
        pad: Path,
        gemeenten: int,
        personen: int,
        schooljaar: str | None,
        jaren: int,
        seed: int,
        processen: int | None,
        **opties,
    ) -> None:
        laatste = (
            _schooljaar(schooljaar) if schooljaar else laatste_afgesloten_schooljaar(date.today())
        )
        begin = time.perf_counter()
        try:
            aantallen = genereer(
                pad,
                gemeenten=gemeenten,
                personen=personen,
                schooljaar=laatste,
                jaren=jaren,
                seed=seed,
                processen=processen,
            )
        except ValueError as fout:
            raise CommandError(str(fout)) from None
        except OSError as fout:
            raise CommandError(f"kan niet schrijven naar {pad}: {fout.strerror or fout}") from None
        for bestand, aantal in aantallen.items():
            self.stdout.write(f"{bestand:<20} {getal(aantal):>10} regels geschreven")
        eerste = laatste.vorige(jaren - 1)
        self.stdout.write(
            f"Fictieve regio geschreven naar {pad}: schooljaren {eerste.naam} t/m {laatste.naam}, "
            f"seed {seed}, in {time.perf_counter() - begin:.1f} s."
        )
