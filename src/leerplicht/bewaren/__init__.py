"""Bewaren: bewaartermijnen, vastgestelde cijfers van afgesloten schooljaren, backup en restore."""
