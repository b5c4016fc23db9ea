"""The code lists against exchange-format.md (the keys are the contract)."""

from __future__ import annotations

import pytest

from leerplicht.domein import codes

# exchange-format.md, "Code lists"
CONTRACT = {
    "MELDING_SOORTEN": ["absoluut", "wettelijk", "langdurig", "luxe", "overig", "18plus"],
    "WERKPROCES_RESULTATEN": [
        "school",
        "dagbesteding",
        "hulpverlening",
        "time_out",
        "vrijstelling",
        "werk",
        "overdracht_dsp",
        "verhuisd",
        "achttien",
        "overig",
    ],
    "INTERVENTIE_SOORTEN": [
        "gesprek",
        "kennisgevingsbrief",
        "uitnodiging",
        "waarschuwing",
        "mdo",
        "verwijzing_hulpverlening",
        "halt",
        "proces_verbaal",
        "veilig_thuis",
        "beschermingstafel",
        "svb",
    ],
    "VRIJSTELLING_GRONDEN": ["3a", "3b", "5a", "5b", "5c", "15"],
    "VSV_RESULTATEN_MONITORING": [
        "werk_kort",
        "werk_6mnd",
        "werk_12mnd",
        "werk_opleiding",
        "werk_lks",
        "zzp",
        "wacht_inkomen",
        "wacht_inschrijving",
        "school",
        "andere_partij",
        "participatiewet",
        "wajong",
        "dagbesteding",
        "hulpverlening",
        "niet_bereikbaar",
        "overig",
    ],
    "VSV_RESULTATEN_AFGEROND": ["school", "geen_doelgroep", "startkwalificatie", "overig"],
}


@pytest.mark.parametrize("naam", sorted(CONTRACT))
def test_codelijst_volgt_het_contract(naam):
    assert list(getattr(codes, naam)) == CONTRACT[naam]


def test_werkproces_typen_zijn_de_elf_soorten_van_domain_md():
    assert len(codes.WERKPROCES_TYPEN) == 11
    assert codes.WERKPROCES_TYPEN["jikp"] == "jongere in kwetsbare positie"
    assert codes.WERKPROCES_TYPEN["zorg_preventie_18plus"] == "zorg en preventie 18+"


def test_vsv_resultaten_is_de_vereniging():
    assert set(codes.VSV_RESULTATEN) == set(codes.VSV_RESULTATEN_MONITORING) | set(
        codes.VSV_RESULTATEN_AFGEROND
    )
    # the shared codes have the same label in both lists
    for code in set(codes.VSV_RESULTATEN_MONITORING) & set(codes.VSV_RESULTATEN_AFGEROND):
        assert codes.VSV_RESULTATEN_MONITORING[code] == codes.VSV_RESULTATEN_AFGEROND[code]


def test_labels_niet_leeg_en_ja_nee():
    for naam in dir(codes):
        lijst = getattr(codes, naam)
        if naam.isupper() and isinstance(lijst, dict) and naam != "JA_NEE":
            assert all(isinstance(v, str) and v.strip() for v in lijst.values()), naam
    assert codes.JA_NEE == {"ja": True, "nee": False}
