"""De codelijsten van het uitwisselformaat (exchange-format.md), met hun Nederlandse namen.

The keys are the contract; the labels are what screens and reports show.
"""

from __future__ import annotations

from .onderwijssoort import ONDERWIJSSOORTEN  # noqa: F401  (re-exported code list)

MELDING_SOORTEN: dict[str, str] = {
    "absoluut": "absoluut verzuim",
    "wettelijk": "wettelijk verzuim (16 uur in 4 weken)",
    "langdurig": "langdurig relatief verzuim",
    "luxe": "luxe verzuim",
    "overig": "overig verzuim",
    "18plus": "verzuim 18+",
}

WERKPROCES_TYPEN: dict[str, str] = {
    "zorg_preventie": "zorg en preventie",
    "relatief_verzuim": "relatief verzuim",
    "absoluut_verzuim": "absoluut verzuim",
    "vrijstelling": "aanvraag vrijstelling",
    "vervangende_leerplicht": "aanvraag vervangende leerplicht",
    "extra_verlof": "aanvraag extra verlof",
    "informatie_advies": "informatie en advies",
    "jikp": "jongere in kwetsbare positie",
    "vsv": "voortijdig schoolverlaten",
    "verzuim_18plus": "verzuim 18+",
    "zorg_preventie_18plus": "zorg en preventie 18+",
}

#: The kinds of werkproces that are the Doorstroompunt's work (domain.md: 18+, vsv, and the
#: JIKP the Doorstroompunt monitors). The one definition: access (`toegang.beleid`), the
#: resultaten that fit (`werkproces_route`) and the generated test data read it.
DOORSTROOMPUNT_WERKPROCESSEN: frozenset[str] = frozenset(
    {"verzuim_18plus", "zorg_preventie_18plus", "vsv", "jikp"}
)

WERKPROCES_RESULTATEN: dict[str, str] = {
    "school": "(terug) naar school",
    "dagbesteding": "dagbesteding met schoolinschrijving",
    "hulpverlening": "langdurige hulpverlening",
    "time_out": "time-out voorziening",
    "vrijstelling": "vrijstelling",
    "werk": "(tijdelijk) werk",
    "overdracht_dsp": "overdracht naar Doorstroompunt",
    "verhuisd": "verhuisd naar andere regio",
    "achttien": "18 jaar geworden",
    "overig": "overig",
}

INTERVENTIE_SOORTEN: dict[str, str] = {
    "gesprek": "gesprek",
    "kennisgevingsbrief": "kennisgevingsbrief",
    "uitnodiging": "uitnodiging",
    "waarschuwing": "waarschuwing",
    "mdo": "multidisciplinair overleg",
    "verwijzing_hulpverlening": "verwijzing hulpverlening",
    "halt": "Halt-verwijzing",
    "proces_verbaal": "proces-verbaal",
    "veilig_thuis": "melding Veilig Thuis",
    "beschermingstafel": "beschermingstafel",
    "svb": "melding SVB",
}

PROCES_VERBAAL_TEGEN: dict[str, str] = {"ouders": "ouders", "jongere": "jongere"}

PROCES_VERBAAL_VERZUIM: dict[str, str] = {
    "absoluut": "absoluut verzuim",
    "relatief": "relatief verzuim",
    "luxe": "luxe verzuim",
}

HALT_UITKOMSTEN: dict[str, str] = {"positief": "positief", "negatief": "negatief"}

VRIJSTELLING_GRONDEN: dict[str, str] = {
    "3a": "art. 3a vervangende leerplicht (14/15 jaar)",
    "3b": "art. 3b vervangende leerplicht (laatste leerplichtjaar)",
    "5a": "art. 5 onder a (lichamelijk of psychisch)",
    "5b": "art. 5 onder b (richting van het onderwijs)",
    "5c": "art. 5 onder c (school in het buitenland)",
    "15": "art. 15 (ander onderwijs, kwalificatieplicht)",
}

VRIJSTELLING_BESLUITEN: dict[str, str] = {
    "open": "nog geen besluit",
    "toegekend": "toegekend",
    "afgewezen": "afgewezen",
    "ingetrokken": "ingetrokken",
}

THUISZITTER_REDENEN_EINDE: dict[str, str] = {
    "opgelost": "opgelost",
    "achttien": "18 jaar geworden",
    "verhuisd": "verhuisd",
    "vrijstelling": "vrijstelling",
    "overig": "overig",
}

VSV_RESULTATEN_MONITORING: dict[str, str] = {
    "werk_kort": "werk (kort)",
    "werk_6mnd": "werk (6+ maanden)",
    "werk_12mnd": "werk (12+ maanden)",
    "werk_opleiding": "werk met interne opleiding",
    "werk_lks": "werk met loonkostensubsidie",
    "zzp": "zzp",
    "wacht_inkomen": "wacht op inkomen",
    "wacht_inschrijving": "wacht op inschrijving",
    "school": "school (gerelateerd)",
    "andere_partij": "inzet andere partijen",
    "participatiewet": "Participatiewet",
    "wajong": "Wajong",
    "dagbesteding": "dagbesteding",
    "hulpverlening": "hulpverlening",
    "niet_bereikbaar": "niet bereikbaar / ongemotiveerd",
    "overig": "overig",
}

VSV_RESULTATEN_AFGEROND: dict[str, str] = {
    "school": "school (gerelateerd)",
    "geen_doelgroep": "geen doelgroep meer",
    "startkwalificatie": "startkwalificatie behaald",
    "overig": "overig",
}

#: Every valid vsv `resultaat`, in the order of the contract (monitoring, then closing).
VSV_RESULTATEN: dict[str, str] = {**VSV_RESULTATEN_MONITORING, **VSV_RESULTATEN_AFGEROND}

JA_NEE: dict[str, bool] = {"ja": True, "nee": False}

#: The outcome of the consulent's work on a verzuim 18+ werkproces (`uitkomst_18plus`).
VERZUIM_18PLUS_UITKOMSTEN: dict[str, str] = {
    "opleiding_voortgezet": "opleiding voortgezet",
    "gestopt": "gestopt met de opleiding",
    "andere_opleiding": "andere opleiding",
    "uit_beeld": "uit beeld",
}

#: Why a zorg en preventie 18+ traject was opened (`reden_18plus`).
ZORG_PREVENTIE_18PLUS_REDENEN: dict[str, str] = {
    "kans_op_uitval": "kans op uitval",
    "negatief_studieadvies": "negatief studieadvies",
    "verkeerde_studiekeuze": "verkeerde studiekeuze",
    "geen_stage": "geen stage",
    "geen_bbl_baan": "geen BBL-baan",
    "advies": "advies",
}

#: JIKP (jongeren in een kwetsbare positie): the school type the young person left.
JIKP_HERKOMST: dict[str, str] = {
    "pro": "praktijkonderwijs",
    "vso": "voortgezet speciaal onderwijs",
    "vmbo_basis": "vmbo basisberoepsgerichte leerweg",
    "entree": "mbo Entree-opleiding",
}

#: JIKP: what the young person does one, three and five years after leaving. ASSUMED
#: (the yearly list's own categories are not public in this form): see
#: docs/gebruikers/verzuim-18plus-en-jikp.md.
JIKP_SITUATIES: dict[str, str] = {
    "school": "school",
    "werk": "werk",
    "werk_en_school": "werk en school",
    "dagbesteding": "dagbesteding",
    "uitkering": "uitkering",
    "thuis": "thuis (geen werk, school of dagbesteding)",
    "onbekend": "onbekend",
}
