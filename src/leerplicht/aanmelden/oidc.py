"""Single sign-on with the gemeente's identity provider (OpenID Connect).

Only an existing, active account can sign in this way: one claim of the
identity provider (LEERPLICHT_OIDC_CLAIM, default `email`) is matched to one
user field (LEERPLICHT_OIDC_GEBRUIKERSVELD, `email` or `username`). No account,
rol or gemeente is ever created or changed from the claims: access stays
what the applicatiebeheerder gave (`toegang.Medewerker`). The second factor
is still asked for after SSO (the middleware does not know what the identity
provider checked). See docs/beheer/oidc.md.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

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
