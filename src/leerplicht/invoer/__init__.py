"""What people and other systems hand us, read the same way everywhere.

- `lezer`: the streaming CSV reader of the exchange format and of the deliveries (DUO,
  Verzuimloket, JIKP, benchmark), pure Python, with located errors;
- `fouten`: those errors, `bestand:regel: kolom: melding`, collected up to a cap;
- `levering`: uploading a delivery file: the form and the temporary copy;
- `formulieren`: the form widgets and fields every form uses (Utrecht components).

It sits just above the register (an upload names a gemeente) and below every app that
reads input, so they share one reader instead of each keeping its own.
"""
