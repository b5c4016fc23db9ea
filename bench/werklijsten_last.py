"""Load on the daily pages: Mijn werk, the dossier and the search, 20 users at once.

Prints p50/p95/p99 per page and requests per second; asserts nothing. Usage:

    .venv/bin/python bench/werklijsten_last.py [--seconden 30] [--gebruikers 20] [--denktijd 1]
        [--processen 2] [--serverdraden 8] [--vers]

Needs the demo region (`leerplicht demo --zonder-server` makes var/leerplicht.sqlite3 with
60,000 persons). The script copies it to var/bench/werklijsten.sqlite3 (the demo itself
is left alone), migrates the copy, makes sure the demo accounts and their second factors
exist, serves the app with waitress on 127.0.0.1 (as `leerplicht demo` does), and signs
in every simulated user as the demo `lpa` through the real sign-in pages: password, then
the demo TOTP code. A TOTP code is accepted once per 30 seconds, so between two sign-ins
the script forgets the device's last used code in the copy (demo only).

Each user then requests, at random, Mijn werk (GET /werk/), the dossier of a random
person of the lpa's gemeenten (GET /personen/<id>/) or a search by that person's BSN
(POST /personen/, answered with a redirect that is not followed), for `--seconden`.
Every dossier view and search is written to the audit log, as in real use.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import requests

PROJECT = Path(__file__).resolve().parent.parent
DEMO_DB = PROJECT / "var" / "leerplicht.sqlite3"
BENCH_DB = PROJECT / "var" / "bench" / "werklijsten.sqlite3"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
GEBRUIKER = "lpa"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def django_op(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leerplicht.settings")
    import django

    django.setup()


def bereid_voor(vers: bool) -> None:
    if not DEMO_DB.exists():
        sys.exit(f"{DEMO_DB} ontbreekt: maak eerst de demo met `leerplicht demo --zonder-server`.")
    BENCH_DB.parent.mkdir(parents=True, exist_ok=True)
    if vers or not BENCH_DB.exists():
        shutil.copyfile(DEMO_DB, BENCH_DB)
    omgeving = {**os.environ, "DATABASE_URL": f"sqlite:///{BENCH_DB}"}
    subprocess.run(
        [sys.executable, "-m", "leerplicht", "demo", "--zonder-server"],
        env=omgeving,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def start_server(poort: int, draden: int, processen: int = 1) -> list[subprocess.Popen]:
    """One waitress process (as `leerplicht demo`), or `processen` waitress processes that
    accept on one shared listening socket (pre-fork, as gunicorn or several waitress
    processes behind a proxy would run in production: one Python process uses one core)."""
    omgeving = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{BENCH_DB}",
        "DJANGO_SETTINGS_MODULE": "leerplicht.settings",
    }
    if processen == 1:
        code = (
            "from waitress import serve\n"
            "from leerplicht.wsgi import application\n"
            f"serve(application, host='127.0.0.1', port={poort}, threads={draden}, "
            "ident='Leerplicht')\n"
        )
        luisteraar = None
        fds: tuple[int, ...] = ()
    else:
        luisteraar = socket.socket()
        luisteraar.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        luisteraar.bind(("127.0.0.1", poort))
        luisteraar.listen(1024)
        fds = (luisteraar.fileno(),)
        code = (
            "import socket\n"
            "from waitress import serve\n"
            "from leerplicht.wsgi import application\n"
            f"serve(application, sockets=[socket.socket(fileno={luisteraar.fileno()})], "
            f"threads={draden}, ident='Leerplicht')\n"
        )
    lijst = [
        subprocess.Popen(
            [sys.executable, "-c", code], env=omgeving, stderr=subprocess.DEVNULL, pass_fds=fds
        )
        for _ in range(processen)
    ]
    if luisteraar is not None:
        luisteraar.close()  # the servers hold their own copy
    for _ in range(200):
        try:
            # With a shared socket, the kernel accepts before a server is up: wait for it.
            requests.get(f"http://127.0.0.1:{poort}/inloggen/", timeout=10)
            return lijst
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.1)
    for proces in lijst:
        proces.kill()
    sys.exit("De server start niet.")


def cpu_seconden(processen: list[subprocess.Popen]) -> float | None:
    """User + system CPU time of the server processes so far (Linux /proc; else None).

    CPU per request does not depend on queueing, so it compares two versions of the code
    even when other work on the machine makes the latencies wander."""
    totaal = 0.0
    try:
        for proces in processen:
            velden = Path(f"/proc/{proces.pid}/stat").read_text().rsplit(")", 1)[1].split()
            totaal += (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None
    return totaal


def _csrf(antwoord: requests.Response) -> str:
    gevonden = CSRF.search(antwoord.text)
    if not gevonden:
        sys.exit(f"Geen CSRF-token op {antwoord.url} ({antwoord.status_code}).")
    return gevonden.group(1)


def log_in(basis: str) -> requests.Session:
    """Password, then the demo TOTP code, through the real pages (own session)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from leerplicht.aanmelden.demo import demo_tweede_factor
    from leerplicht.portaal.management.commands.demo import DEMO_ACCOUNTS

    wachtwoord = next(a.wachtwoord for a in DEMO_ACCOUNTS if a.gebruikersnaam == GEBRUIKER)
    sessie = requests.Session()
    pagina = sessie.get(f"{basis}/inloggen/")
    antwoord = sessie.post(
        f"{basis}/inloggen/",
        data={"username": GEBRUIKER, "password": wachtwoord, "next": "/",
              "csrfmiddlewaretoken": _csrf(pagina)},
        headers={"Referer": f"{basis}/inloggen/"},
    )  # fmt: skip
    # Demo only: forget the last used code, so the same 30-second code signs in again.
    TOTPDevice.objects.filter(user__username=GEBRUIKER).update(last_t=-1)
    antwoord = sessie.post(
        f"{basis}/inloggen/code/",
        data={"code": demo_tweede_factor(GEBRUIKER).code_nu(), "next": "/",
              "csrfmiddlewaretoken": _csrf(antwoord)},
        headers={"Referer": f"{basis}/inloggen/code/"},
    )  # fmt: skip
    if sessie.get(f"{basis}/werk/", allow_redirects=False).status_code != 200:
        sys.exit("Inloggen als lpa is niet gelukt.")
    return sessie


def personen_van_lpa(aantal: int) -> list[tuple[str, str]]:
    """(id, bsn) of random persons of the lpa's gemeenten, read from the copy."""
    from leerplicht.register.models import Persoon
    from leerplicht.toegang.models import Medewerker

    gemeenten = Medewerker.objects.get(gebruiker__username=GEBRUIKER).gemeenten.all()
    rijen = list(
        Persoon.objects.filter(gemeente__in=gemeenten, bsn__isnull=False).values_list("id", "bsn")
    )
    return random.Random(4).sample(rijen, min(aantal, len(rijen)))


def belast(
    basis: str, sessie: requests.Session, personen: list[tuple[str, str]], tot: float,
    metingen: dict[str, list[float]], fouten: dict[str, int], slot: threading.Lock,
    denktijd: float = 0.0,
) -> None:  # fmt: skip
    kans = random.Random()
    eigen: dict[str, list[float]] = defaultdict(list)
    eigen_fouten: dict[str, int] = defaultdict(int)
    csrf = sessie.cookies.get("csrftoken", "")
    while time.perf_counter() < tot:
        soort = kans.choice(("werklijst", "dossier", "zoeken"))
        persoon_id, bsn = kans.choice(personen)
        begin = time.perf_counter()
        if soort == "werklijst":
            antwoord = sessie.get(f"{basis}/werk/", allow_redirects=False)
            goed = antwoord.status_code == 200
        elif soort == "dossier":
            antwoord = sessie.get(f"{basis}/personen/{persoon_id}/", allow_redirects=False)
            goed = antwoord.status_code == 200
        else:
            antwoord = sessie.post(
                f"{basis}/personen/", data={"zoekterm": bsn, "csrfmiddlewaretoken": csrf},
                headers={"Referer": f"{basis}/personen/"}, allow_redirects=False,
            )  # fmt: skip
            goed = antwoord.status_code == 302
        duur = time.perf_counter() - begin
        if goed:
            eigen[soort].append(duur * 1000)
        else:
            eigen_fouten[f"{soort} {antwoord.status_code}"] += 1
        if denktijd:
            time.sleep(kans.uniform(0.5, 1.5) * denktijd)
    with slot:
        for soort, rij in eigen.items():
            metingen[soort].extend(rij)
        for soort, n in eigen_fouten.items():
            fouten[soort] += n


def percentiel(rij: list[float], p: float) -> float:
    rij = sorted(rij)
    return rij[max(int(len(rij) * p / 100 + 0.999999) - 1, 0)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconden", type=float, default=30)
    parser.add_argument("--gebruikers", type=int, default=20)
    parser.add_argument("--serverdraden", type=int, default=8, help="waitress threads (8)")
    parser.add_argument(
        "--processen",
        type=int,
        default=1,
        help="waitress processes on one socket (1, as `leerplicht demo`); threads per process",
    )
    parser.add_argument(
        "--denktijd",
        type=float,
        default=0.0,
        help="seconden tussen twee verzoeken van één gebruiker (0: meteen het volgende)",
    )
    parser.add_argument("--vers", action="store_true", help="kopieer de demodatabase opnieuw")
    args = parser.parse_args()

    bereid_voor(args.vers)
    django_op(BENCH_DB)
    poort = vrije_poort()
    servers = start_server(poort, args.serverdraden, args.processen)
    basis = f"http://127.0.0.1:{poort}"
    try:
        personen = personen_van_lpa(2000)
        sessies = [log_in(basis) for _ in range(args.gebruikers)]
        # Warm-up (not measured): each page once per user.
        for sessie in sessies:
            sessie.get(f"{basis}/werk/")
            sessie.get(f"{basis}/personen/{personen[0][0]}/")
        metingen: dict[str, list[float]] = defaultdict(list)
        fouten: dict[str, int] = defaultdict(int)
        slot = threading.Lock()
        belasting_voor = os.getloadavg()[0]
        cpu_voor = cpu_seconden(servers)
        begin = time.perf_counter()
        tot = begin + args.seconden
        draden = [
            threading.Thread(
                target=belast,
                args=(basis, s, personen, tot, metingen, fouten, slot, args.denktijd),
            )
            for s in sessies
        ]
        for d in draden:
            d.start()
        for d in draden:
            d.join()
        verstreken = time.perf_counter() - begin
        belasting_na = os.getloadavg()[0]
        cpu_na = cpu_seconden(servers)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=10)

    totaal = sum(len(r) for r in metingen.values())
    print(
        f"{args.gebruikers} gebruikers, denktijd {args.denktijd:g} s, {verstreken:.1f} s, "
        f"waitress {args.processen} x {args.serverdraden} draden, SQLite {BENCH_DB.name}"
    )
    print(f"{'pagina':<10} {'aantal':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'gem ms':>8}")
    for soort in ("werklijst", "dossier", "zoeken"):
        rij = metingen.get(soort, [])
        if not rij:
            print(f"{soort:<10} {0:>7}")
            continue
        print(
            f"{soort:<10} {len(rij):>7} {percentiel(rij, 50):>8.1f} {percentiel(rij, 95):>8.1f} "
            f"{percentiel(rij, 99):>8.1f} {statistics.fmean(rij):>8.1f}"
        )
    alle = [w for r in metingen.values() for w in r]
    if alle:
        print(
            f"{'alles':<10} {len(alle):>7} {percentiel(alle, 50):>8.1f} "
            f"{percentiel(alle, 95):>8.1f} {percentiel(alle, 99):>8.1f} "
            f"{statistics.fmean(alle):>8.1f}"
        )
    print(f"verzoeken per seconde: {totaal / verstreken:.1f}")
    if cpu_voor is not None and cpu_na is not None and totaal:
        print(f"server-CPU per verzoek: {(cpu_na - cpu_voor) * 1000 / totaal:.1f} ms")
    # The machine's load (1 min) before and after: other work on the cores skews the figures.
    print(
        f"belasting (loadavg 1 min): {belasting_voor:.1f} -> {belasting_na:.1f}, "
        f"{os.cpu_count()} kernen"
    )
    if fouten:
        print("fouten:", dict(fouten))


if __name__ == "__main__":
    main()
