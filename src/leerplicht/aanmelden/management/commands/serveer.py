"""leerplicht serveer: the web app for productie, with waitress behind the reverse proxy.

Instead of a bare `waitress-serve`, which drops the proxy's X-Forwarded-Proto (see
`leerplicht.aanmelden.webserver`): this command tells waitress which proxy to believe,
from LEERPLICHT_PROXY_ADRES and LEERPLICHT_PROXY_AANTAL, and first runs the proxy
checks of `leerplicht check --deploy`, so a missing setting shows at every start.
"""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand, CommandParser

from leerplicht.aanmelden.controles import PROXY_TAG
from leerplicht.aanmelden.webserver import beschrijving, serveer, serveerinstellingen


class Command(BaseCommand):
    help = (
        "Start de webapp (waitress) achter de reverse proxy. Poort, threads en luisteradres "
        "uit PORT, LEERPLICHT_THREADS en LEERPLICHT_LUISTERADRES; de proxy uit "
        "LEERPLICHT_PROXY_ADRES en LEERPLICHT_PROXY_AANTAL."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--poort", type=int, default=None, help="poort (standaard $PORT of 8000)"
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=None,
            help="threads per proces (standaard $LEERPLICHT_THREADS of 8)",
        )

    def handle(self, *args, poort: int | None, threads: int | None, **opties) -> None:
        self.check(tags=[PROXY_TAG], include_deployment_checks=True)
        instellingen = serveerinstellingen(os.environ, poort=poort, threads=threads)

        from leerplicht.wsgi import application

        self.stdout.write(beschrijving(instellingen) + " Stoppen met Ctrl+C.")
        self.stdout.flush()
        serveer(application, instellingen)
        self.stdout.write("Leerplicht is gestopt.")
