"""`{% veld formulier.x %}`: a labelled form field whose errors and help text are linked
by aria-describedby (WCAG 2.1: 1.3.1, 3.3.1), in the Utrecht form-field style."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag
def veld(bound: BoundField) -> str:
    beschreven = []
    if bound.help_text:
        beschreven.append(f"{bound.auto_id}-uitleg")
    if bound.errors:
        beschreven.append(f"{bound.auto_id}-fout")
    attrs = {}
    if beschreven:
        attrs["aria-describedby"] = " ".join(beschreven)
    if bound.errors:
        attrs["aria-invalid"] = "true"
    return render_to_string(
        "meldingen/_veld.html",
        {
            "veld": bound,
            "invoer": bound.as_widget(attrs=attrs),
            "vinkje": bound.widget_type == "checkbox",
        },
    )
