"""Pure-Python domain core: rules of the law, school years, code lists.

Nothing in this package imports Django, so every rule can be read and tested
on its own. Modules are named after the legal term they compute.
"""
