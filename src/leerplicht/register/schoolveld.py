"""One form field for a school of the register, typed as its code: BRIN and vestiging
(12AB00), or the BRIN alone for a school without vestigingen (`School.id`).

Used wherever a medewerker types a school (toewijzingsregels, verlofaanvragen), so a
school is looked up and refused the same way everywhere; each form keeps its own label,
widget and messages.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from .models import School


class Schoolveld(forms.CharField):
    """Cleans to the `School` with that code (case and spaces do not matter), or None when
    left empty. An unknown code is the error "onbekend" (`%(code)s`: the code as typed,
    in capitals)."""

    default_error_messages = {
        "onbekend": "School: %(code)s staat niet in de leerplichtadministratie.",
    }

    def clean(self, value) -> School | None:  # type: ignore[override]
        code = (super().clean(value) or "").strip().upper()
        if not code:
            return None
        school = School.objects.filter(pk=code).first()
        if school is None:
            raise ValidationError(
                self.error_messages["onbekend"], code="onbekend", params={"code": code}
            )
        return school
