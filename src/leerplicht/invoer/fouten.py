"""Import errors as `bestand:regel: kolom: melding`, collected up to a cap."""

from __future__ import annotations

from dataclasses import dataclass, field

STANDAARD_MAXIMUM = 200


@dataclass(frozen=True)
class Fout:
    bestand: str
    regel: int
    kolom: str
    melding: str

    def __str__(self) -> str:
        return f"{self.bestand}:{self.regel}: {self.kolom}: {self.melding}"


@dataclass
class Foutenlijst:
    """Every error up to `maximum`; beyond that only counted, so a bad file cannot flood memory."""

    maximum: int = STANDAARD_MAXIMUM
    fouten: list[Fout] = field(default_factory=list)
    aantal: int = 0

    def voeg_toe(self, bestand: str, regel: int, kolom: str, melding: str) -> None:
        self.aantal += 1
        if len(self.fouten) < self.maximum:
            self.fouten.append(Fout(bestand, regel, kolom or "-", melding))

    @property
    def vol(self) -> bool:
        return self.aantal >= self.maximum

    def __bool__(self) -> bool:
        return self.aantal > 0

    def regels(self) -> list[str]:
        tekst = [str(f) for f in sorted(self.fouten, key=lambda f: (f.bestand, f.regel))]
        if self.aantal > len(self.fouten):
            tekst.append(f"... en nog {self.aantal - len(self.fouten)} fouten (niet getoond)")
        elif self.vol:
            tekst.append(
                f"... na {self.maximum} fouten is de controle gestopt; er kunnen er meer zijn"
            )
        return tekst
