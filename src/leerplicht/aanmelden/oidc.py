"""Single sign-on with the gemeente's identity provider (OpenID Connect).

Only an existing, active account can sign in this way: one claim of the
identity provider (LEERPLICHT_OIDC_CLAIM, default `email`) is matched to one
user field (LEERPLICHT_OIDC_GEBRUIKERSVELD, `email` or `username`). No account,
rol or gemeente is ever created or changed from the claims: access stays
what the applicatiebeheerder gave (`toegang.Medewerker`). The second factor
is still asked for after SSO (the middleware does not know what the identity
provider checked). A successful SSO gives the session a new key, always
(`GemeenteCallbackView`). See docs/beheer/oidc.md.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.http import HttpResponse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from .sessies import vernieuw_sleutel

logger = logging.getLogger(__name__)


class GemeenteOidcBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc, matched on one configured claim, never creating users."""

    @property
    def claim(self) -> str:
        return settings.LEERPLICHT_OIDC_CLAIM

    @property
    def gebruikersveld(self) -> str:
        return settings.LEERPLICHT_OIDC_GEBRUIKERSVELD

    def describe_user_by_claims(self, claims) -> str:
        # Library log lines use this: name the claim, never its value.
        return f"claim {self.claim}"

    def verify_claims(self, claims) -> bool:
        waarde = claims.get(self.claim)
        return isinstance(waarde, str) and bool(waarde.strip())

    def filter_users_by_claims(self, claims):
        gebruikers = get_user_model().objects.filter(is_active=True)
        waarde = claims.get(self.claim)
        if not isinstance(waarde, str) or not waarde.strip():
            return gebruikers.none()
        return gebruikers.filter(**{f"{self.gebruikersveld}__iexact": waarde.strip()})

    def create_user(self, claims):
        raise SuspiciousOperation("SSO maakt geen accounts aan")

    def get_or_create_user(self, access_token, id_token, payload):
        gebruiker = super().get_or_create_user(access_token, id_token, payload)
        if gebruiker is None:
            logger.info("SSO: geen actief account bij de %s van de identity provider", self.claim)
        return gebruiker


class GemeenteCallbackView(OIDCAuthenticationCallbackView):
    """The return from the identity provider; on success the session gets a new key.

    Django's login() changes the key only when the session had no user or another one,
    and mozilla-django-oidc skips login() altogether when the session already has this
    user (signed in with the password, waiting for the code). Then a cookie from before
    SSO would stay valid after it: so the key changes here, whatever happened before.
    """

    def login_success(self) -> HttpResponse:
        antwoord = super().login_success()
        vernieuw_sleutel(self.request)
        return antwoord
