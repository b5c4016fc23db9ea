"""Template tags of the portaal."""

from django import template
from django.conf import settings
from django.forms import BoundField
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag
def omgeving() -> str:
    """The environment the app runs in: demo, test or productie (settings.OMGEVING)."""
    return settings.OMGEVING


@register.simple_tag
def hoofdmenu(gebruiker) -> list[tuple[str, str, str]]:
    """The main menu entries this user sees (portaal/navigatie.py)."""
    from leerplicht.portaal.navigatie import menu_voor

    return menu_voor(gebruiker)


@register.simple_tag
def formulierveld(bound: BoundField) -> str:
    """One form field in the Utrecht style (portaal/_veld.html): label (optional fields
    say "(niet verplicht)", unless the field sets `geen_markering` because whether it is
    needed depends on other input), hint and error linked to the input by aria-describedby and
    aria-invalid (WCAG 1.3.1, 3.3.1); checkboxes with the label after the box, radio
    buttons in a fieldset with a legend. The one way every form of the app shows a field."""
    hulp_id, fout_id = f"{bound.auto_id}-hulp", f"{bound.auto_id}-fout"
    beschreven = [i for i, ja in ((hulp_id, bound.help_text), (fout_id, bound.errors)) if ja]
    groep = bound.widget_type in ("radioselect", "checkboxselectmultiple")
    attrs: dict[str, str] = {}
    if beschreven and not groep:
        attrs["aria-describedby"] = " ".join(beschreven)
    if bound.errors:
        attrs["aria-invalid"] = "true"
    return render_to_string(
        "portaal/_veld.html",
        {
            "veld": bound,
            "invoer": bound if groep else bound.as_widget(attrs=attrs),
            "vinkje": bound.widget_type == "checkbox",
            "groep": groep,
            "beschreven": " ".join(beschreven),
            "hulp_id": hulp_id,
            "fout_id": fout_id,
        },
    )
