"""The database's own refusal to change or delete audit entries (triggers), per engine.

Used by migration 0002 and by the `flush` command (a deliberate wipe of the whole
database, e.g. between tests), which lifts them for the wipe and puts them back.
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

MELDING = "Het auditlog is alleen aan te vullen: wijzigen of verwijderen is niet toegestaan."

_SQLITE = [
    f"""CREATE TRIGGER IF NOT EXISTS audit_auditregel_geen_update
    BEFORE UPDATE ON audit_auditregel
    BEGIN SELECT RAISE(ABORT, '{MELDING}'); END""",
    f"""CREATE TRIGGER IF NOT EXISTS audit_auditregel_geen_delete
    BEFORE DELETE ON audit_auditregel
    BEGIN SELECT RAISE(ABORT, '{MELDING}'); END""",
    f"""CREATE TRIGGER IF NOT EXISTS audit_ketenkop_geen_delete
    BEFORE DELETE ON audit_ketenkop
    BEGIN SELECT RAISE(ABORT, '{MELDING}'); END""",
    f"""CREATE TRIGGER IF NOT EXISTS audit_ketenkop_alleen_vooruit
    BEFORE UPDATE ON audit_ketenkop
    WHEN NEW.volgnummer <> OLD.volgnummer + 1 OR NEW.id <> OLD.id
    BEGIN SELECT RAISE(ABORT, '{MELDING}'); END""",
]
_SQLITE_WEG = [
    "DROP TRIGGER IF EXISTS audit_auditregel_geen_update",
    "DROP TRIGGER IF EXISTS audit_auditregel_geen_delete",
    "DROP TRIGGER IF EXISTS audit_ketenkop_geen_delete",
    "DROP TRIGGER IF EXISTS audit_ketenkop_alleen_vooruit",
]

_POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION audit_weiger() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{MELDING} (%)', TG_OP USING ERRCODE = 'P0001'; END $$""",
    f"""CREATE OR REPLACE FUNCTION audit_kop_vooruit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.volgnummer <> OLD.volgnummer + 1 OR NEW.id <> OLD.id THEN
        RAISE EXCEPTION '{MELDING} (%)', TG_OP USING ERRCODE = 'P0001';
      END IF;
      RETURN NEW;
    END $$""",
    """CREATE TRIGGER audit_auditregel_geen_update_delete
    BEFORE UPDATE OR DELETE ON audit_auditregel
    FOR EACH ROW EXECUTE FUNCTION audit_weiger()""",
    """CREATE TRIGGER audit_auditregel_geen_truncate
    BEFORE TRUNCATE ON audit_auditregel
    FOR EACH STATEMENT EXECUTE FUNCTION audit_weiger()""",
    """CREATE TRIGGER audit_ketenkop_geen_delete
    BEFORE DELETE ON audit_ketenkop
    FOR EACH ROW EXECUTE FUNCTION audit_weiger()""",
    """CREATE TRIGGER audit_ketenkop_geen_truncate
    BEFORE TRUNCATE ON audit_ketenkop
    FOR EACH STATEMENT EXECUTE FUNCTION audit_weiger()""",
    """CREATE TRIGGER audit_ketenkop_alleen_vooruit
    BEFORE UPDATE ON audit_ketenkop
    FOR EACH ROW EXECUTE FUNCTION audit_kop_vooruit()""",
]
_POSTGRES_WEG = [
    "DROP TRIGGER IF EXISTS audit_auditregel_geen_update_delete ON audit_auditregel",
    "DROP TRIGGER IF EXISTS audit_auditregel_geen_truncate ON audit_auditregel",
    "DROP TRIGGER IF EXISTS audit_ketenkop_geen_delete ON audit_ketenkop",
    "DROP TRIGGER IF EXISTS audit_ketenkop_geen_truncate ON audit_ketenkop",
    "DROP TRIGGER IF EXISTS audit_ketenkop_alleen_vooruit ON audit_ketenkop",
]

#: The trigger names per engine, for the check in `leerplicht audit verify`.
TRIGGERS = {
    "sqlite": {
        "audit_auditregel_geen_update",
        "audit_auditregel_geen_delete",
        "audit_ketenkop_geen_delete",
        "audit_ketenkop_alleen_vooruit",
    },
    "postgresql": {
        "audit_auditregel_geen_update_delete",
        "audit_auditregel_geen_truncate",
        "audit_ketenkop_geen_delete",
        "audit_ketenkop_geen_truncate",
        "audit_ketenkop_alleen_vooruit",
    },
}


def _opdrachten(connection: BaseDatabaseWrapper, maken: bool) -> list[str]:
    if connection.vendor == "sqlite":
        return _SQLITE if maken else _SQLITE_WEG
    if connection.vendor == "postgresql":
        return _POSTGRES if maken else _POSTGRES_WEG
    raise NotImplementedError(f"Auditlog: database {connection.vendor} wordt niet ondersteund.")


def maak_triggers(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for sql in _POSTGRES_WEG:  # CREATE TRIGGER has no IF NOT EXISTS before PG 17
                cursor.execute(sql)
        for sql in _opdrachten(connection, maken=True):
            cursor.execute(sql)


def verwijder_triggers(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for sql in _opdrachten(connection, maken=False):
            cursor.execute(sql)


def ontbrekende_triggers(connection: BaseDatabaseWrapper) -> set[str]:
    """Names of the protecting triggers that are not in the database (empty: all there)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal "
                "AND tgrelid IN ('audit_auditregel'::regclass, 'audit_ketenkop'::regclass)"
            )
        aanwezig = {rij[0] for rij in cursor.fetchall()}
    return TRIGGERS[connection.vendor] - aanwezig
