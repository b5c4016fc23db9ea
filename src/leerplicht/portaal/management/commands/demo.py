"""leerplicht demo: a demo region with demo accounts, served on 127.0.0.1.

First start (no persons in the database): create the schema, generate a
fictitious region into var/demo/ and import it. Every start: make sure the
demo accounts exist with their demo passwords, print them, and serve the app
with waitress. Refuses to run in productie.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from leerplicht.aanmelden.demo import DemoTweedeFactor, zorg_voor_demo_tweede_factoren
from leerplicht.domein.formattering import getal
from leerplicht.domein.rollen import Rol
from leerplicht.register.models import Gemeente, Persoon
from leerplicht.schema import zorg_voor_schema
from leerplicht.toegang.models import Medewerker

HOST = "127.0.0.1"

#: The demo region of the first start; a test compares its rapport on SQLite and PostgreSQL.
DEMOREGIO: dict[str, int] = {"gemeenten": 6, "personen": 60_000, "seed": 1}


@dataclass(frozen=True)
class DemoAccount:
    gebruikersnaam: str
    rol: str
    #: The rol in `leerplicht.toegang` (what the account may see).
    toegangsrol: Rol
    #: True: only the first demo gemeente (by code); otherwise every demo gemeente.
    een_gemeente: bool = False

    @property
    def wachtwoord(self) -> str:
        """Deterministic and printed at every start: for the demo only, never for real use."""
        return f"demo-{self.gebruikersnaam}-wachtwoord"


#: One account per role of domain.md ("Who uses it").
DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("administratie", "administratief medewerker", Rol.ADMINISTRATIEF_MEDEWERKER),
    DemoAccount("lpa", "leerplichtambtenaar", Rol.LEERPLICHTAMBTENAAR),
    DemoAccount("dsp", "consulent Doorstroompunt", Rol.CONSULENT_DOORSTROOMPUNT),
    DemoAccount("teammanager", "teammanager / coördinator", Rol.TEAMMANAGER),
    DemoAccount("beleid", "beleidsmedewerker gemeente", Rol.BELEIDSMEDEWERKER, een_gemeente=True),
    DemoAccount("beheer", "applicatiebeheerder", Rol.APPLICATIEBEHEERDER),
    DemoAccount("privacy", "privacy officer", Rol.PRIVACY_OFFICER),
)


def _standaard_poort() -> int:
    try:
        return int(os.environ.get("PORT", "8000"))
    except ValueError:
        raise CommandError(
            f"PORT={os.environ['PORT']!r} is geen poortnummer (bijvoorbeeld 8000)."
        ) from None


class Command(BaseCommand):
    help = (
        "Start de demo: maakt bij de eerste start een fictieve regio en leest die in, "
        "maakt de demo-accounts aan en start de webapp op http://127.0.0.1:PORT/. "
        "Niet in productie."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--poort", type=int, default=None, help="poort van de webapp (standaard $PORT of 8000)"
        )
        parser.add_argument(
            "--gemeenten",
            type=int,
            default=DEMOREGIO["gemeenten"],
            help="aantal gemeenten bij de eerste start (6)",
        )
        parser.add_argument(
            "--personen",
            type=int,
            default=DEMOREGIO["personen"],
            help="aantal personen bij de eerste start (60000)",
        )
        parser.add_argument(
            "--seed", type=int, default=DEMOREGIO["seed"], help="startwaarde van de generator (1)"
        )
        parser.add_argument(
            "--zonder-server",
            action="store_true",
            help="alleen voorbereiden (database, gegevens, accounts), de webapp niet starten",
        )

    def handle(
        self,
        *args,
        poort: int | None,
        gemeenten: int,
        personen: int,
        seed: int,
        zonder_server: bool,
        **opties,
    ) -> None:
        if settings.OMGEVING == "productie":
            raise CommandError(
                "De demo start niet in productie (LEERPLICHT_OMGEVING=productie): "
                "hij maakt accounts met bekende wachtwoorden."
            )
        poort = _standaard_poort() if poort is None else poort
        if not 0 < poort < 65536:
            raise CommandError(
                f"Poort {poort} bestaat niet: kies een getal van 1 tot en met 65535."
            )

        self.stdout.write("Leerplicht-demo wordt voorbereid.")
        if zorg_voor_schema():
            self.stdout.write("Database aangemaakt of bijgewerkt (migraties uitgevoerd).")

        if Persoon.objects.exists():
            self.stdout.write(
                f"De database bevat al {getal(Persoon.objects.count())} personen: "
                "genereren en inlezen overgeslagen."
            )
        else:
            self._maak_demoregio(gemeenten=gemeenten, personen=personen, seed=seed)

        self._zorg_voor_accounts()
        self._zorg_voor_demowerk()
        self._toon_tweede_factoren(
            zorg_voor_demo_tweede_factoren([a.gebruikersnaam for a in DEMO_ACCOUNTS])
        )
        self._toon_accounts(poort)
        if zonder_server:
            self.stdout.write("Klaar (--zonder-server: de webapp wordt niet gestart).")
            return
        self._serveer(poort)

    def _zorg_voor_demowerk(self) -> None:
        from leerplicht.portaal.demowerk import zorg_voor_demolevering, zorg_voor_toewijzingsregels

        if regels := zorg_voor_toewijzingsregels():
            self.stdout.write(f"Toewijzingsregels gemaakt: {regels}.")
        if meldingen := zorg_voor_demolevering(Path(settings.VAR_DIR) / "demo" / "duo"):
            self.stdout.write(f"Verzuimloket-levering ingelezen: {meldingen} nieuwe meldingen.")
        # The Doorstroompunt's daily sweeps, once now: the lists have work on the first start.
        from leerplicht.doorstroompunt.voorstellen import maak_voorstellen
        from leerplicht.doorstroompunt.vsv_signaal import signaleer_vsv

        if trajecten := signaleer_vsv().aantal:
            self.stdout.write(f"Nieuwe vsv-trajecten uit de inschrijvingen: {trajecten}.")
        maak_voorstellen()

    def _maak_demoregio(self, *, gemeenten: int, personen: int, seed: int) -> None:
        pad = Path(settings.VAR_DIR) / "demo"
        self.stdout.write(
            f"Eerste start: fictieve regio maken met {getal(gemeenten)} gemeenten en "
            f"{getal(personen)} personen in {pad} ..."
        )
        begin = time.perf_counter()
        call_command(
            "genereer",
            str(pad),
            gemeenten=gemeenten,
            personen=personen,
            seed=seed,
            stdout=self.stdout,
            stderr=self.stderr,
        )
        self.stdout.write("Fictieve regio inlezen ...")
        call_command("import", str(pad), stdout=self.stdout, stderr=self.stderr)
        self.stdout.write(f"Demoregio klaar in {time.perf_counter() - begin:.0f} s.")

    def _zorg_voor_accounts(self) -> None:
        gebruikers = get_user_model()
        nieuw = []
        with transaction.atomic():
            for account in DEMO_ACCOUNTS:
                gebruiker, gemaakt = gebruikers.objects.get_or_create(
                    username=account.gebruikersnaam,
                    defaults={"first_name": "Demo", "last_name": account.rol},
                )
                # Reset at every start, so the printed password always works.
                if gemaakt or not gebruiker.check_password(account.wachtwoord):
                    gebruiker.set_password(account.wachtwoord)
                    gebruiker.is_active = True
                    gebruiker.save()
                if gemaakt:
                    nieuw.append(account.gebruikersnaam)
                self._zorg_voor_medewerker(gebruiker, account)
        if nieuw:
            self.stdout.write(f"Demo-accounts aangemaakt: {', '.join(nieuw)}.")

    @staticmethod
    def _zorg_voor_medewerker(gebruiker, account: DemoAccount) -> None:
        """The account's rol and gemeenten, reset at every start like the password."""
        medewerker, _ = Medewerker.objects.update_or_create(
            gebruiker=gebruiker, defaults={"rol": account.toegangsrol}
        )
        gemeenten = Gemeente.objects.order_by("code")
        medewerker.gemeenten.set(gemeenten[:1] if account.een_gemeente else gemeenten)

    def _toon_tweede_factoren(self, tweede_factoren: list[DemoTweedeFactor]) -> None:
        """Second factor of each demo account: fixed secret and reservecodes (demo only)."""
        self.stdout.write("")
        self.stdout.write(
            "Tweede factor (ALLEEN VOOR DE DEMO): na het wachtwoord vraagt Leerplicht een code. "
            "Zet de sleutel of de otpauth-URI in een authenticator-app, vraag de code van dit "
            "moment op met `leerplicht democode NAAM`, of gebruik een reservecode (elk één "
            "keer; bij elke start opnieuw geldig)."
        )
        for factor in tweede_factoren:
            self.stdout.write(
                f"  {factor.gebruikersnaam}: sleutel {factor.sleutel_base32}"
                f"  reservecodes: {', '.join(factor.reservecodes)}"
            )
            self.stdout.write(f"    {factor.otpauth}")

    def _toon_accounts(self, poort: int) -> None:
        breedte = max(len(a.gebruikersnaam) for a in DEMO_ACCOUNTS)
        self.stdout.write("")
        self.stdout.write("Demo-accounts (ALLEEN VOOR DE DEMO, nooit voor echte gegevens):")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(
                f"  {account.gebruikersnaam:<{breedte}}  wachtwoord: {account.wachtwoord:<32}"
                f"  ({account.rol})"
            )
        eerste = Gemeente.objects.order_by("code").first()
        if eerste is not None:
            self.stdout.write(
                f"Elk account werkt voor alle demogemeenten, behalve "
                f"{', '.join(a.gebruikersnaam for a in DEMO_ACCOUNTS if a.een_gemeente)}: "
                f"alleen {eerste.naam}."
            )
        self.stdout.write("")
        self.stdout.write(f"Adres: http://{HOST}:{poort}/")

    def _start_werker(self) -> subprocess.Popen | None:
        """With the database queue configured (`make demo` does), a `db_worker` process runs
        the background jobs beside the web server; it stops when the demo stops."""
        if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
            return None
        self.stdout.write("Achtergrondtaken: werker gestart (leerplicht db_worker).")
        return subprocess.Popen(
            [sys.executable, "-m", "leerplicht", "db_worker", "--interval", "1"],
            env=os.environ.copy(),
        )

    def _serveer(self, poort: int) -> None:
        from leerplicht.aanmelden.webserver import serveer, waitress_instellingen
        from leerplicht.wsgi import application

        werker = self._start_werker()
        self.stdout.write(f"Leerplicht draait op http://{HOST}:{poort}/ (stoppen met Ctrl+C).")
        self.stdout.flush()
        try:
            # The same waitress start as `leerplicht serveer`; no proxy in front of the demo.
            serveer(application, waitress_instellingen(luisteradres=HOST, poort=poort))
        except KeyboardInterrupt:
            self.stdout.write("Leerplicht is gestopt.")
        finally:
            if werker is not None:
                werker.terminate()
                werker.wait(timeout=10)
