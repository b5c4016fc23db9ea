"""Aanmelden: sign-in with password and second factor, lockout, session timeout, SSO.

The package itself imports nothing, so `settings.py` can use the pure helpers in
`instellingen.py` before Django is set up.
"""
