"""Burgerservicenummer: the elfproef, and the test range used for fake persons."""

from __future__ import annotations

GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def is_geldig_bsn(bsn: str) -> bool:
    """Nine digits passing the elfproef (weighted sum divisible by 11, not 0)."""
    if len(bsn) != 9 or not bsn.isascii() or not bsn.isdigit():
        return False
    som = sum(int(c) * g for c, g in zip(bsn, GEWICHTEN, strict=True))
    return som % 11 == 0 and som != 0


# Fake persons get BSNs that start with "9". Issued BSNs have so far stayed in
# lower ranges, and the RvIG test persons use 999xxxxxx; a national-scale
# synthetic set (2.4 million persons) needs more numbers than 999xxxxxx holds,
# so the generator uses all of 9xxxxxxxx. Assumption, documented in docs/.
TEST_BSN_PREFIX = "9"
_VRIJE_CIJFERS = 8 - len(TEST_BSN_PREFIX)


def is_test_bsn(bsn: str) -> bool:
    return bsn.startswith(TEST_BSN_PREFIX) and is_geldig_bsn(bsn)


def test_bsn(volgnummer: int) -> str | None:
    """A valid BSN of the test range for `volgnummer`, or None when no check digit fits.

    About one in eleven volgnummers has no valid check digit; callers skip those.
    """
    # A negative volgnummer would format as "-000001" (the right length, and then a
    # crash on int("-")), so check the range itself, not the length of the text.
    if not 0 <= volgnummer < 10**_VRIJE_CIJFERS:
        raise ValueError("volgnummer buiten het testbereik")
    basis = f"{TEST_BSN_PREFIX}{volgnummer:0{_VRIJE_CIJFERS}d}"
    som = sum(int(c) * g for c, g in zip(basis, GEWICHTEN[:8], strict=True))
    controle = som % 11  # the check digit d makes som - d divisible by 11
    if controle == 10:
        return None
    return basis + str(controle)


test_bsn.__test__ = False  # type: ignore[attr-defined]  # not a pytest test, despite its name
