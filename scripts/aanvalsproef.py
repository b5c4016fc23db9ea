"""Aanvalsproef: the attacks of the penetration test of issue 12, again, over HTTP.

Starts `leerplicht demo` (the web app and the worker, as `make demo` does) on its own
database under var/aanvalsproef/, gives it medewerkers who work for ONE gemeente (A),
and tries each attack against the running server on 127.0.0.1, as an attacker with
those accounts would. The database is read afterwards to see that nothing of the
other gemeente (B) changed and that A's reach did not grow. Prints one line per
attack (`houdt stand` or `LEK`) and exits 1 if any attack got through.

    .venv/bin/python scripts/aanvalsproef.py [--personen 3000] [--poort 8765]

Only loopback traffic; the server is stopped at the end. Not part of `make test` (it
takes minutes): the same attacks are tests at HTTP level in tests/toegang,
tests/audit, tests/brieven, tests/verslagen and tests/aanmelden.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import requests

PROJECT = Path(__file__).resolve().parent.parent
LEERPLICHT = str(PROJECT / ".venv" / "bin" / "leerplicht")
WACHTWOORD = "aanvalsproef-wachtwoord-2026"
SLEUTEL_HEX = "3132333435363738393031323334353637383930"  # the TOTP key of the test accounts


def _omgeving(var: Path) -> dict[str, str]:
    return {
        **os.environ,
        "LEERPLICHT_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var / 'leerplicht.sqlite3'}",
        "LEERPLICHT_OMGEVING": "demo",
        "LEERPLICHT_TAKEN_BACKEND": "django_tasks_db.DatabaseBackend",
        "DJANGO_SETTINGS_MODULE": "leerplicht.settings",
    }


# --- the world: accounts of gemeente A only ------------------------------------------------


def _accounts() -> tuple[str, str, dict[str, str]]:
    """Medewerkers of A (one per rol that matters here); returns A, B and their names."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from leerplicht.domein.rollen import Rol
    from leerplicht.register.models import Gemeente
    from leerplicht.toegang.models import Medewerker

    a, b = list(Gemeente.objects.order_by("code").values_list("code", flat=True))[:2]
    namen = {}
    for rol in (
        Rol.ADMINISTRATIEF_MEDEWERKER,
        Rol.CONSULENT_DOORSTROOMPUNT,
        Rol.TEAMMANAGER,
        Rol.PRIVACY_OFFICER,
        Rol.APPLICATIEBEHEERDER,
    ):
        naam = f"aanval.{rol.value}"
        gebruiker, _ = get_user_model().objects.get_or_create(username=naam)
        gebruiker.set_password(WACHTWOORD)
        gebruiker.save()
        medewerker, _ = Medewerker.objects.get_or_create(gebruiker=gebruiker, defaults={"rol": rol})
        medewerker.gemeenten.set([a])
        TOTPDevice.objects.get_or_create(
            user=gebruiker, name="aanval", defaults={"key": SLEUTEL_HEX, "confirmed": True}
        )
        namen[rol.value] = naam
    return a, b, namen


def _code() -> str:
    from django_otp.oath import totp

    return f"{totp(bytes.fromhex(SLEUTEL_HEX)):06d}"


class Sessie:
    """A browser: cookies, the CSRF token, signing in with password and code."""

    def __init__(self, basis: str) -> None:
        self.basis = basis
        self.s = requests.Session()

    def _csrf(self, pad: str) -> str:
        html = self.s.get(self.basis + pad, timeout=30).text
        gevonden = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        return gevonden.group(1) if gevonden else ""

    def post(
        self, pad: str, data: dict, files: dict | None = None, *, van: str = "", **kw
    ) -> requests.Response:
        """POST as the form on page `van` (default: `pad` itself) would."""
        token = self._csrf(van or pad)
        return self.s.post(
            self.basis + pad,
            data={"csrfmiddlewaretoken": token, **data},
            files=files,
            headers={"Referer": self.basis + pad},
            timeout=120,
            **kw,
        )

    def get(self, pad: str, **kw) -> requests.Response:
        return self.s.get(self.basis + pad, timeout=120, **kw)

    def wachtwoord(self, naam: str) -> None:
        self.post("/inloggen/", {"username": naam, "password": WACHTWOORD})

    def code(self) -> None:
        # A code is accepted once per time step: wait for a fresh one.
        time.sleep(30 - time.time() % 30 + 1)
        self.post("/inloggen/code/", {"code": _code()})

    def aanmelden(self, naam: str) -> Sessie:
        self.wachtwoord(naam)
        self.code()
        return self


# --- what must not change ------------------------------------------------------------------


def _stand(a: str, b: str) -> dict:
    """A's reach per rol, everything about B's persons, B's audit trail."""
    from django.forms.models import model_to_dict

    from leerplicht.audit.models import Auditregel
    from leerplicht.register.models import Persoon
    from leerplicht.toegang import beleid
    from leerplicht.toegang.models import Medewerker

    b_personen = list(Persoon.objects.filter(gemeente_id=b).values_list("pk", flat=True))
    gegevens = {}
    for model in beleid.ZICHTBAAR:
        if model is Persoon:
            rijen = Persoon.objects.filter(pk__in=b_personen)
        elif hasattr(model, "persoon"):
            rijen = model.objects.filter(persoon_id__in=b_personen)
        else:
            continue
        gegevens[model.__name__] = sorted(str(model_to_dict(r)) for r in rijen)
    bereik = {
        m.rol: beleid.personen_voor(m.gebruiker).count()
        for m in Medewerker.objects.filter(gebruiker__username__startswith="aanval.")
    }
    audit = Auditregel.objects.filter(persoon_id__in=b_personen).count()
    return {"bereik": bereik, "gegevens": gegevens, "audit_b": audit}


# --- the attacks -----------------------------------------------------------------------------

Uitslag = tuple[bool, str]


def _persoon_van(gemeente: str, *, leeftijd: tuple[int, int]):
    from leerplicht.register.models import Persoon

    vandaag = date.today()
    return (
        Persoon.objects.filter(
            gemeente_id=gemeente,
            bsn__isnull=False,
            geboortedatum__lte=date(vandaag.year - leeftijd[0], 1, 1),
            geboortedatum__gt=date(vandaag.year - leeftijd[1], 1, 1),
        )
        .order_by("pk")
        .first()
    )


def _school_van(gemeente: str):
    from leerplicht.register.models import School

    return School.objects.filter(gemeente_id=gemeente).order_by("pk").first()


def aanval_handmelding(basis, a, b, namen) -> Uitslag:
    """1. A hand-made melding with B's BSN (without, with and with a wrong birth date)."""
    from leerplicht.domein.bsn import test_bsn
    from leerplicht.register.models import Persoon

    kind = _persoon_van(b, leeftijd=(8, 14))
    school = _school_van(a)
    adm = Sessie(basis).aanmelden(namen["administratief_medewerker"])
    onbekend = next(
        n for i in range(900, 999) if (n := test_bsn(i)) and not Persoon.objects.filter(bsn=n)
    )

    def melding(bsn: str, geboortedatum: str = "") -> requests.Response:
        return adm.post(
            "/meldingen/nieuw/",
            {"gemeente": a, "meldingsdatum": date.today().isoformat(), "bsn": bsn,
             "geboortedatum": geboortedatum, "brin": school.brin,
             "vestiging": school.vestiging or "", "soort": "wettelijk"},
            allow_redirects=False,
        )  # fmt: skip

    zonder, zonder_onbekend = melding(kind.bsn), melding(onbekend)
    met = melding(kind.bsn, kind.geboortedatum.isoformat())
    fout = melding(kind.bsn, "2001-01-01")
    dossier = adm.get(f"/personen/{kind.pk}/", allow_redirects=False)
    fouten = [
        *(["een melding werd opgeslagen"] if any(r.status_code != 400 for r in (zonder, met, fout))
          else []),
        *(["BSN van B en een onbekend BSN krijgen een ander antwoord"]
          if _fouten(zonder) != _fouten(zonder_onbekend) else []),
        *(["een goede en een foute geboortedatum krijgen een ander antwoord"]
          if _fouten(met) != _fouten(fout) else []),
        *(["het dossier van B is te openen"] if dossier.status_code != 404 else []),
        *(["de geboortedatum van B staat in een antwoord"]
          if kind.geboortedatum.strftime("%d-%m-%Y") in zonder.text + fout.text else []),
    ]  # fmt: skip
    return not fouten, "; ".join(fouten) or "400 met dezelfde melding; dossier B blijft 404"


def _fouten(antwoord: requests.Response) -> list[str]:
    return sorted(
        set(re.findall(r"hoort niet bij gemeente [^<.]*|niet gevonden[^<]*", antwoord.text))
    )


def aanval_verzuimloket(basis, a, b, namen) -> Uitslag:
    """1. A Verzuimloket delivery for A with a row of B's pupil."""
    from leerplicht.duo.voorbeeld import schrijf_verzuimloket_bestand

    kind = _persoon_van(b, leeftijd=(8, 14))
    school = _school_van(a)
    pad = Path(os.environ["LEERPLICHT_VAR_DIR"]) / "aanval-verzuimloket.csv"
    schrijf_verzuimloket_bestand(
        pad, [kind], brin=school.brin, vestiging=school.vestiging,
        meldingsdatum=date.today(), voorvoegsel="AANVAL-",
    )  # fmt: skip
    adm = Sessie(basis).aanmelden(namen["administratief_medewerker"])
    r = adm.post(
        "/meldingen/upload/", {"gemeente": a},
        files={"bestand": (pad.name, pad.read_bytes(), "text/csv")}, allow_redirects=False,
    )  # fmt: skip
    return r.status_code == 400, f"antwoord {r.status_code}"


def aanval_uitschrijvingen(basis, a, b, namen) -> Uitslag:
    """2. DUO uitschrijvingen for A with rows of B's young adult, three birth dates."""
    from leerplicht.duo.voorbeeld import schrijf_uitschrijvingen_bestand

    jongere = _persoon_van(b, leeftijd=(18, 22))
    school = _school_van(a)

    class Rij:
        def __init__(self, d: date) -> None:
            self.bsn, self.geboortedatum = jongere.bsn, d

    pad = Path(os.environ["LEERPLICHT_VAR_DIR"]) / "aanval-uitschrijvingen.csv"
    schrijf_uitschrijvingen_bestand(
        pad, [Rij(date(2003, 1, 1)), Rij(jongere.geboortedatum), Rij(date(2004, 2, 2))],
        brin=school.brin, vestiging=school.vestiging, uitschrijfdatum=date.today(),
    )  # fmt: skip
    dsp = Sessie(basis).aanmelden(namen["consulent_doorstroompunt"])
    r = dsp.post(
        "/doorstroompunt/uitschrijvingen/", {"gemeente": a},
        files={"bestand": (pad.name, pad.read_bytes(), "text/csv")}, allow_redirects=False,
    )  # fmt: skip
    ok = r.status_code == 400 and "wijkt af" not in r.text
    return ok, f"antwoord {r.status_code}, 'wijkt af' {'wel' if 'wijkt af' in r.text else 'niet'}"


def aanval_benchmark(basis, a, b, namen) -> Uitslag:
    """3. A benchmark named with mathtext by A's teammanager: reports render, A's only."""
    from django.utils import timezone

    from leerplicht.domein.schooljaar import laatste_afgesloten_schooljaar

    jaar = laatste_afgesloten_schooljaar(timezone.localdate()).naam
    tm = Sessie(basis).aanmelden(namen["teammanager"])
    csv = f"bron;schooljaar;kengetal;percentage\nRegio $\\undefinedcmd{{x}}$;{jaar};halt;0,2\n"
    upload = tm.post(
        "/verslagen/benchmark/", {},
        files={"bestand": ("benchmark.csv", csv.encode(), "text/csv")}, allow_redirects=False,
    )  # fmt: skip
    pagina = tm.get(f"/verslagen/jaarverslag/?schooljaar={jaar}")
    pdf = tm.get(f"/verslagen/jaarverslag/bestand/?schooljaar={jaar}&formaat=pdf")
    from leerplicht.verslagen.models import Benchmarkcijfer

    eigen = Benchmarkcijfer.objects.filter(bron__contains="undefinedcmd")
    alleen_a = all(c.eigenaars == a for c in eigen)
    ok = (
        upload.status_code in (200, 302)
        and pagina.status_code == 200
        and pdf.status_code == 200
        and eigen.exists()
        and alleen_a
    )
    return ok, (
        f"upload {upload.status_code}, jaarverslag {pagina.status_code}, pdf {pdf.status_code}, "
        f"cijfers alleen van A: {alleen_a}"
    )


def aanval_sjabloon(basis, a, b, namen) -> Uitslag:
    """4. Letter templates that build a huge text or loop 10**8 times."""
    from docx import Document

    beheer = Sessie(basis).aanmelden(namen["applicatiebeheerder"])
    uitslagen = []
    for payload in ("{{ 'a' * 100000000 }}", "{% for x in range(10**8) %}{{ x }}{% endfor %}"):
        document = Document()
        for tekst in ("Geachte ouders,", payload):
            document.add_paragraph(tekst)
        inhoud = io.BytesIO()
        document.save(inhoud)
        html = beheer.get("/brieven/").text
        versie = re.search(
            r'action="/brieven/waarschuwing/".*?name="versie" value="([^"]*)"', html, re.S
        )
        begin = time.monotonic()
        r = beheer.post(
            "/brieven/waarschuwing/", {"versie": versie.group(1) if versie else ""},
            files={"bestand": ("s.docx", inhoud.getvalue(), "application/octet-stream")},
            van="/brieven/", allow_redirects=False,
        )  # fmt: skip
        duur = time.monotonic() - begin
        goed = r.status_code == 400 and "alinea 2" in r.text and duur < 10
        uitslagen.append(
            f"400 in {duur:.1f} s" if goed else f"FOUT: {r.status_code} in {duur:.1f} s"
        )
    return all(u.startswith("400") for u in uitslagen), ", ".join(uitslagen)


def aanval_sessiesleutel(basis, a, b, namen) -> Uitslag:
    """5. The session cookie of the password step must not become a verified session."""
    s = Sessie(basis)
    s.wachtwoord(namen["administratief_medewerker"])
    oud = s.s.cookies.get("sessionid", "")
    s.code()
    if not oud or s.s.cookies.get("sessionid", "") == oud:
        return False, "geen nieuwe sessiecookie na de code"
    dief = requests.Session()
    dief.cookies.set("sessionid", oud)
    r = dief.get(basis + "/meldingen/", allow_redirects=False, timeout=30)
    return r.status_code == 302 and "/inloggen" in r.headers.get("Location", ""), (
        f"oude cookie na de code: {r.status_code} {r.headers.get('Location', '')}"
    )


def aanval_audit(basis, a, b, namen) -> Uitslag:
    """6. Opening a werkproces's letters page logs the persoon; A's officer does not see
    B's entries without a person."""
    from leerplicht.audit.models import Auditregel
    from leerplicht.werkprocessen.models import Werkproces

    werkproces = Werkproces.objects.filter(gemeente_id=a).order_by("pk").first()
    adm = Sessie(basis).aanmelden(namen["administratief_medewerker"])
    adm.get(f"/brieven/werkproces/{werkproces.pk}/")
    regel = Auditregel.objects.filter(object_type="werkproces", object_id=werkproces.pk).last()
    met_persoon = regel is not None and regel.persoon_id == werkproces.persoon_id
    po = Sessie(basis).aanmelden(namen["privacy_officer"])
    html = po.get("/audit/").text
    vreemd = [
        r.gebruikersnaam
        for r in Auditregel.objects.filter(persoon_id="").exclude(gemeenten__contains=f",{a},")
        .exclude(gemeenten="")[:50]
        if f"<td class=\"utrecht-table__cell\">{r.gebruikersnaam}</td>" in html
    ]  # fmt: skip
    return met_persoon and not vreemd, f"persoon in de regel: {met_persoon}; regels van B: {vreemd}"


def aanval_hsts(basis, a, b, namen, var: Path, poort: int) -> Uitslag:
    """9. Behind a TLS proxy: X-Forwarded-Proto from the trusted proxy counts."""
    omgeving = {
        **_omgeving(var),
        "LEERPLICHT_OMGEVING": "productie",
        "LEERPLICHT_SECRET_KEY": "aanvalsproef-" + "x" * 50,
        "LEERPLICHT_ALLOWED_HOSTS": "127.0.0.1",
        "LEERPLICHT_PROXY_ADRES": "127.0.0.1",
        "LEERPLICHT_PROXY_AANTAL": "1",
    }
    server = subprocess.Popen(  # noqa: S603 (our own command, fixed arguments)
        [LEERPLICHT, "serveer", "--poort", str(poort)], env=omgeving,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wacht(f"http://127.0.0.1:{poort}/inloggen/", {"X-Forwarded-Proto": "https"})
        r = requests.get(
            f"http://127.0.0.1:{poort}/inloggen/", headers={"X-Forwarded-Proto": "https"},
            allow_redirects=False, timeout=30,
        )  # fmt: skip
        hsts = r.headers.get("Strict-Transport-Security", "")
        return bool(hsts) and r.status_code == 200, f"{r.status_code}, HSTS: {hsts or 'geen'}"
    finally:
        server.terminate()
        server.wait(timeout=20)


def _wacht(url: str, koppen: dict | None = None, seconden: int = 120) -> None:
    tot = time.monotonic() + seconden
    while time.monotonic() < tot:
        try:
            requests.get(url, headers=koppen or {}, timeout=5, allow_redirects=False)
            return
        except requests.ConnectionError:
            time.sleep(0.5)
    raise SystemExit(f"de server op {url} startte niet binnen {seconden} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--personen", type=int, default=3000)
    parser.add_argument("--poort", type=int, default=8765)
    opties = parser.parse_args()
    var = PROJECT / "var" / "aanvalsproef"
    omgeving = _omgeving(var)
    os.environ.update(omgeving)
    print(f"Demo voorbereiden in {var} ({opties.personen} personen) ...", flush=True)
    subprocess.run(  # noqa: S603 (our own command, fixed arguments)
        [LEERPLICHT, "demo", "--zonder-server", "--personen", str(opties.personen)],
        env=omgeving, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    import django

    django.setup()
    a, b, namen = _accounts()
    basis = f"http://127.0.0.1:{opties.poort}"
    demo = subprocess.Popen(  # noqa: S603 (our own command, fixed arguments)
        [LEERPLICHT, "demo", "--poort", str(opties.poort)], env=omgeving,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    lek = False
    try:
        _wacht(basis + "/inloggen/")
        print(f"Medewerkers van gemeente {a} vallen gemeente {b} aan op {basis}:")
        voor = _stand(a, b)
        aanvallen: list[Callable] = [
            aanval_handmelding, aanval_verzuimloket, aanval_uitschrijvingen, aanval_benchmark,
            aanval_sjabloon, aanval_sessiesleutel, aanval_audit,
        ]  # fmt: skip
        for aanval in aanvallen:
            ok, uitleg = aanval(basis, a, b, namen)
            lek |= not ok
            print(f"  {'houdt stand' if ok else 'LEK        '}  {aanval.__doc__.splitlines()[0]}")
            print(f"               {uitleg}", flush=True)
        na = _stand(a, b)
        for onderdeel, tekst in (
            ("bereik", "wat de medewerkers van A mogen openen"),
            ("gegevens", "de gegevens van de personen van B"),
            ("audit_b", "het auditspoor van de personen van B"),
        ):
            gelijk = voor[onderdeel] == na[onderdeel]
            lek |= not gelijk
            print(f"  {'ongewijzigd' if gelijk else 'GEWIJZIGD  '}  {tekst}")
    finally:
        demo.terminate()
        demo.wait(timeout=30)
    ok, uitleg = aanval_hsts(basis, a, b, namen, var, opties.poort + 1)
    lek |= not ok
    print(f"  {'houdt stand' if ok else 'LEK        '}  {aanval_hsts.__doc__.splitlines()[0]}")
    print(f"               {uitleg}")
    print("Uitslag:", "LEK GEVONDEN" if lek else "elke aanval hield stand")
    return 1 if lek else 0


if __name__ == "__main__":
    sys.exit(main())
