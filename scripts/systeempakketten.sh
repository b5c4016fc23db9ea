#!/usr/bin/env bash
# Installeert de Debian-pakketten die Leerplicht nodig heeft, alleen als ze ontbreken.
#
#   scripts/systeempakketten.sh            # de standaardlijst hieronder
#   scripts/systeempakketten.sh PAKKET...  # alleen deze pakketten
#
# Zijn alle pakketten er al, dan doet dit script niets en zegt het niets.
# LEERPLICHT_GEEN_APT=1 slaat de controle over (bijvoorbeeld op een andere distributie).
set -euo pipefail

PAKKETTEN=(
    postgresql          # PostgreSQL 15: scripts/pg-tijdelijk start er een tijdelijk cluster mee
    chromium            # headless browser voor de browsertests (Playwright gebruikt /usr/bin/chromium)
    fonts-dejavu-core   # een lettertype, zodat pagina's, schermafdrukken en brieven (PDF) tekst tonen
    libpango-1.0-0      # tekstopmaak voor WeasyPrint (brieven naar PDF)
    libpangoft2-1.0-0   # idem, met FreeType/fontconfig
    fonts-open-sans     # het lettertype van het jaarverslag (PDF): overal dezelfde opmaak
    poppler-utils       # pdftoppm/pdftotext: de tests maken PNG's van de PDF-pagina's
)
if (($#)); then
    PAKKETTEN=("$@")
fi

if [[ ${LEERPLICHT_GEEN_APT:-} == 1 ]]; then
    exit 0
fi
if ! command -v dpkg >/dev/null 2>&1; then
    echo "Let op: dit is geen Debian-systeem (geen dpkg). Installeer zelf: ${PAKKETTEN[*]}" >&2
    echo "        (PostgreSQL 15 met initdb/pg_ctl en Chromium). Zet LEERPLICHT_GEEN_APT=1 om deze melding over te slaan." >&2
    exit 0
fi

ontbrekend=()
for pakket in "${PAKKETTEN[@]}"; do
    if ! dpkg -s "$pakket" 2>/dev/null | grep -q '^Status: install ok installed'; then
        ontbrekend+=("$pakket")
    fi
done
((${#ontbrekend[@]})) || exit 0

if [[ $(id -u) -ne 0 ]]; then
    {
        echo "FOUT: deze Debian-pakketten ontbreken: ${ontbrekend[*]}"
        echo "      Installeer ze als beheerder (root) en probeer het daarna opnieuw:"
        echo
        echo "          sudo apt-get update"
        echo "          sudo apt-get install -y --no-install-recommends ${ontbrekend[*]}"
        echo
    } >&2
    exit 1
fi

echo "==> Debian-pakketten installeren: ${ontbrekend[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${ontbrekend[@]}"
