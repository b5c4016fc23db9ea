"""What the vrijstelling use cases tell the apps above them, without knowing them.

A granted vrijstelling withdraws the open meldingen over its period (the meldingen app
sits above this one, so it listens): `vrijstelling_toegekend` is sent inside the
decision's transaction; each receiver returns the numbers of the meldingen it withdrew,
which the decision shows. A receiver's error rolls the decision back.

After a decision is stored, `besluit_genomen` asks the letters app for the beschikking.
"""

from __future__ import annotations

from django.dispatch import Signal

#: Sent with `vrijstelling=` (granted, saved) inside the transaction; receivers return a
#: list of withdrawn meldingsnummers.
vrijstelling_toegekend = Signal()

#: Sent after a decision on a Vrijstelling or Verlofaanvraag is stored, with `gebruiker`,
#: `besluit` (the object) and `brief` (the address fields of the letter); a receiver
#: returns the beschikking Document, or None when it could not be made.
besluit_genomen = Signal()
