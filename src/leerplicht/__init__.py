"""Leerplicht: leerplichtadministratie, verzuimaanpak, Doorstroompunt en jaarcijfers."""
