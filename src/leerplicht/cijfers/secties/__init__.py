"""One module per section of figures.md; each has `bereken(ctx) -> {gemeente: sectie}`.

See docs/ontwikkelaars/cijfer-toevoegen.md for how to add a figure.
"""
