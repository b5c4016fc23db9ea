"""The one door to DUO: the Verzuimloket (meldingen in, statuses back) and the
vrijstellingenregister (vrijstellingen and vervangende leerplicht out).

The casework only talks to `duo_koppeling()`; which implementation answers is a
setting (LEERPLICHT_DUO_KOPPELING). Today that is the file-based one: read the export
of the Verzuimloket, write files to upload in Mijn DUO. A machine-to-machine client for
the Register Onderwijsdeelnemers (ROD, PKIoverheid certificate) can replace it without
touching the casework.
"""
