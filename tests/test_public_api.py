"""Every name the package lists as its public API resolves to a function (each is imported
on first use, so a wrong module in the table shows only when someone asks for it)."""

import cchc_lib


def test_every_public_name_resolves():
    for name in cchc_lib.__all__:
        assert callable(getattr(cchc_lib, name)), name
    assert cchc_lib.bieu06.__module__ == "cchc_lib.indicators.bieu06"
