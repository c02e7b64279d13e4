"""Rewrite cchc_lib/resources/catalog.schema.json, the JSON Schema editors read for the data
catalog, from the catalog's declared schema (cchc_lib/core/catalog_schema.py). Run it after a
change to that declaration or to the canonical columns (cchc_lib/core/schema.py);
tests/core/test_catalog_schema.py fails while the shipped file differs from what it writes.

    .venv/bin/python tools/catalog_schema.py
"""

from __future__ import annotations

from cchc_lib.core.catalog_schema import write_json_schema

if __name__ == "__main__":  # pragma: no cover
    print(write_json_schema())
