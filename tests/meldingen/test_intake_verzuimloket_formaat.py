"""The Verzuimloket file through the file adapter: located Dutch errors, all or nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leerplicht.domein.bsn import test_bsn
from leerplicht.duo import verzuimloket_formaat as formaat
from leerplicht.duo.bestanden import Bestandskoppeling
from leerplicht.duo.fouten import OngeldigeLevering
from leerplicht.duo.koppeling import Terugmelding
from leerplicht.duo.voorbeeld import schrijf_verzuimloket_bestand


class Leerling:
    def __init__(self, bsn: str | None, geboortedatum: date):
        self.bsn, self.geboortedatum = bsn, geboortedatum


def _schrijf(pad: Path, regels: list[str]) -> Path:
    pad.write_text("\n".join([";".join(formaat.KOLOMMEN), *regels]) + "\n", encoding="utf-8")
    return pad


def _rij(**waarden: str) -> str:
    basis = dict.fromkeys(formaat.KOLOMMEN, "")
    basis.update(
        meldingsnummer="M1", meldingsdatum="2025-03-05", bsn=test_bsn(21) or "",
        geboortedatum="2011-04-01", brin="31AA", vestiging="00", verzuimsoort="16uur4weken",
    )  # fmt: skip
    basis.update(waarden)
    return ";".join(basis[k] for k in formaat.KOLOMMEN)


def test_voorbeeldbestand_wordt_gelezen(tmp_path):
    pad = tmp_path / "levering.csv"
    leerlingen = [Leerling(test_bsn(21), date(2011, 4, 1)), Leerling(None, date(2010, 1, 2))]
    nummers = schrijf_verzuimloket_bestand(
        pad, leerlingen, brin="31AA", vestiging="00", meldingsdatum=date(2025, 3, 5)
    )
    meldingen = Bestandskoppeling(tmp_path).lees_verzuimmeldingen(pad)
    assert [m.meldingsnummer for m in meldingen] == nummers
    eerste, tweede = meldingen
    assert eerste.bsn == test_bsn(21) and eerste.onderwijsnummer is None
    assert tweede.bsn is None and tweede.onderwijsnummer == "100000001"
    assert eerste.soort == "wettelijk"
    assert eerste.verzuimde_uren == Decimal("17.5")
    assert eerste.verzuimde_dagen == 3
    assert eerste.actie_gewenst is True and eerste.alle_lessen_verzuimd is False
    assert eerste.herkomst == "levering.csv:2"


@pytest.mark.parametrize(
    ("duo", "soort"),
    [("16uur4weken", "wettelijk"), ("langdurig_relatief", "langdurig"), ("luxe", "luxe"),
     ("overig", "overig"), ("signaal", "overig"), ("18plus", "18plus"),
     ("absoluut", "absoluut")],
)  # fmt: skip
def test_duo_codes_naar_onze_soorten(tmp_path, duo, soort):
    pad = _schrijf(tmp_path / "l.csv", [_rij(verzuimsoort=duo)])
    assert Bestandskoppeling(tmp_path).lees_verzuimmeldingen(pad)[0].soort == soort


def test_alle_fouten_met_plaats(tmp_path):
    pad = _schrijf(
        tmp_path / "levering.csv",
        [
            _rij(),
            _rij(meldingsnummer="M2", bsn="123456789"),
            _rij(meldingsnummer="M3", verzuimsoort="spijbelen", meldingsdatum="05-03-2025"),
            _rij(meldingsnummer="M4", bsn="", onderwijsnummer=""),
            _rij(meldingsnummer="M1"),
            _rij(meldingsnummer="M6", verzuimde_uren="veel", verzuim_van="2025-03-01",
                 verzuim_tot="2025-02-01"),
        ],
    )  # fmt: skip
    with pytest.raises(OngeldigeLevering) as fout:
        Bestandskoppeling(tmp_path).lees_verzuimmeldingen(pad)
    regels = fout.value.regels()
    assert regels == [
        "levering.csv:3: bsn: geen geldig BSN (9 cijfers die voldoen aan de elfproef)",
        "levering.csv:4: meldingsdatum: '05-03-2025' is geen datum (verwacht JJJJ-MM-DD)",
        "levering.csv:4: verzuimsoort: onbekende code 'spijbelen' (toegestaan: "
        + ", ".join(formaat.DUO_VERZUIMSOORTEN)
        + ")",
        "levering.csv:5: bsn: vul een BSN of een onderwijsnummer in",
        "levering.csv:6: meldingsnummer: meldingsnummer M1 staat ook op regel 2",
        "levering.csv:7: verzuimde_uren: 'veel' is geen aantal uren (bijv. 16 of 16,5)",
        "levering.csv:7: verzuim_tot: 2025-02-01 ligt vóór verzuim_van 2025-03-01",
    ]


def test_ontbrekende_kolom_en_leeg_bestand(tmp_path):
    pad = tmp_path / "kop.csv"
    pad.write_text("meldingsnummer;bsn\nM1;\n", encoding="utf-8")
    with pytest.raises(OngeldigeLevering) as fout:
        Bestandskoppeling(tmp_path).lees_verzuimmeldingen(pad)
    assert "kop.csv:1: meldingsdatum: kolom ontbreekt" in fout.value.regels()
    leeg = tmp_path / "leeg.csv"
    leeg.write_bytes(b"")
    with pytest.raises(OngeldigeLevering) as fout:
        Bestandskoppeling(tmp_path).lees_verzuimmeldingen(leeg)
    assert fout.value.regels() == ["leeg.csv:1: -: leeg bestand: de kopregel ontbreekt"]


def test_fouten_worden_afgekapt(tmp_path):
    pad = _schrijf(
        tmp_path / "veel.csv", [_rij(meldingsnummer=f"M{i}", bsn="1") for i in range(30)]
    )
    with pytest.raises(OngeldigeLevering) as fout:
        Bestandskoppeling(tmp_path, max_fouten=5).lees_verzuimmeldingen(pad)
    regels = fout.value.regels()
    assert len(regels) == 6
    assert "de controle gestopt" in regels[-1]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(inhoud=st.binary(max_size=400))
def test_willekeurige_bytes_geven_fouten_nooit_een_crash(tmp_path, inhoud):
    pad = tmp_path / "x.csv"
    pad.write_bytes(inhoud)
    try:
        meldingen = Bestandskoppeling(tmp_path).lees_verzuimmeldingen(pad)
    except OngeldigeLevering as fout:
        assert all(r.startswith(("x.csv:", "...")) for r in fout.regels())
    else:
        assert meldingen == []  # only a header-less file of empty lines could pass


def test_terugmelding_schrijft_csv(tmp_path):
    koppeling = Bestandskoppeling(tmp_path)
    assert koppeling.meld_status([]) is None
    pad = koppeling.meld_status(
        [
            Terugmelding("M1", "in_behandeling", None, date(2025, 3, 5)),
            Terugmelding("M2", "afgesloten", "terug_naar_school", date(2025, 3, 6)),
        ]
    )
    assert pad is not None and pad.parent == tmp_path
    assert pad.read_text(encoding="utf-8").splitlines() == [
        "meldingsnummer;status;reden;datum",
        "M1;IN_BEHANDELING;;2025-03-05",
        "M2;AFGESLOTEN;TERUG_NAAR_SCHOOL;2025-03-06",
    ]
