"""The file-based registration in DUO's vrijstellingenregister: write one file per
gemeente into the DUO folder (LEERPLICHT_DUO_MAP), for upload in Mijn DUO.

`Bestandskoppeling.registreer_vrijstellingen` delegates here. The layout is in
`vrijstellingenregister_formaat` (assumed, documented there).
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from leerplicht.duo import vrijstellingenregister_formaat as formaat
from leerplicht.duo.koppeling import Vrijstellingsregistratie


def schrijf_bestanden(
    registraties: list[Vrijstellingsregistratie], map: Path | None = None
) -> list[Path]:
    """One file per gemeente (DUO takes a file per gemeente); [] for no registrations.

    Every file is first written under a temporary name and renamed when complete, so an
    upload never picks up half a file. All rows are checked before any file is written.
    """
    per_gemeente: dict[str, list[Vrijstellingsregistratie]] = defaultdict(list)
    for r in registraties:
        per_gemeente[r.gemeente].append(r)
    inhoud = {code: formaat.schrijf(rs) for code, rs in sorted(per_gemeente.items())}
    doel = Path(map or settings.LEERPLICHT_DUO_MAP)
    doel.mkdir(parents=True, exist_ok=True)
    moment = timezone.localtime()
    paden = []
    for code, data in inhoud.items():
        pad = doel / formaat.bestandsnaam(code, moment)
        volgnummer = 1
        while pad.exists():  # two runs within the same second
            volgnummer += 1
            pad = doel / f"{pad.stem.split('-')[0]}-{volgnummer}.csv"
        tijdelijk = pad.with_suffix(".deel")
        tijdelijk.write_bytes(data)
        os.chmod(tijdelijk, 0o600)  # BSNs: readable by the application only
        tijdelijk.replace(pad)
        paden.append(pad)
    return paden


def registreer(
    registraties: list[Vrijstellingsregistratie], map: Path | None = None
) -> Path | None:
    """For the adapter contract: the file to upload (the first, if several gemeenten)."""
    paden = schrijf_bestanden(registraties, map)
    return paden[0] if paden else None
