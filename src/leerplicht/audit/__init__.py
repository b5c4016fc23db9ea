"""Audit: the append-only, hash-chained log of who saw or changed what, and inzage (AVG art. 15)."""
