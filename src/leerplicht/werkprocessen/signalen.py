"""What the werkproces use cases tell the apps above them, without knowing them.

A werkproces sits below the meldingen (a melding is handed over into a werkproces), so
closing one cannot call the meldingen app; it sends `werkproces_gesloten` instead, inside
the closing transaction, and the meldingen app (its AppConfig.ready) reports the
werkproces's meldingen to DUO as afgesloten. A receiver's error rolls the closing back.
"""

from __future__ import annotations

from django.dispatch import Signal

#: Sent with `werkproces=` (the closed Werkproces, resultaat set) inside the transaction.
werkproces_gesloten = Signal()
