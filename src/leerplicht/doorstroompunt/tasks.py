"""Background work of the Doorstroompunt (django-tasks): the daily sweeps of the proposals
"geen doelgroep meer" (`voorstellen.maak_voorstellen`) and of new vsv'ers from the
enrolment feed (`vsv_signaal.signaleer_vsv`).

A cron line or systemd timer enqueues it once a day (`leerplicht inplannen
vsv-voorstellen`); `leerplicht vsv-voorstellen` runs the same code directly.
"""

from __future__ import annotations

from django_tasks import task

from .voorstellen import maak_voorstellen


@task()
def vsv_voorstellen_maken() -> dict:
    """Counts only (kept with the task result): no ids or other personal data."""
    return maak_voorstellen().als_dict()


@task()
def vsv_signaleren() -> dict:
    """New vsv'ers from the enrolment feed (`vsv_signaal.signaleer_vsv`); a count only."""
    from .vsv_signaal import signaleer_vsv

    return {"trajecten": signaleer_vsv().aantal}
