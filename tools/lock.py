"""Refresh requirements.lock: the exact versions `make` installs, for every platform and every
Python the workbook supports, with every extra (dev, lab, spark).

    make lock                      # the lock again from pyproject.toml and the lock itself:
                                   # its pins kept where they fit (reproducible: no change
                                   # when pyproject.toml did not change)
    .venv/bin/python tools/lock.py --upgrade     # the newest versions pyproject.toml allows
    .venv/bin/python tools/lock.py --keep FILE   # as close as possible to FILE's pins
                                                 # (`pip freeze` of a tested environment)

No package hashes: pip checks hashes only when every requirement has one, and the project
installs itself editable (``-e .``), which has none.

The lock ends with the hash of pyproject.toml's requirements: tests/test_environment.py fails
when pyproject.toml changes and the lock was not refreshed. After a refresh, run `make test`:
the lock is what the next `make` installs everywhere.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
DIGEST_PREFIX = "# pyproject-requirements-sha256: "


def requirements_digest(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """SHA-256 of what pyproject.toml requires (Python, dependencies, every extra)."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    wanted = {"requires-python": project.get("requires-python", ""),
              "dependencies": sorted(project.get("dependencies", [])),
              "optional-dependencies": {k: sorted(v) for k, v in
                                        project.get("optional-dependencies", {}).items()}}
    return hashlib.sha256(json.dumps(wanted, sort_keys=True).encode()).hexdigest()


def without_constraint_file(body: str) -> str:
    """The lock without the "-c FILE" provenance a --keep run writes: that file is a
    temporary one, and the lock names only what pyproject.toml and the packages require."""
    lines = [line for line in body.splitlines() if not line.strip().startswith("#   -c ")]
    out: list[str] = []
    for i, line in enumerate(lines):
        following = lines[i + 1:i + 3]
        if (line.strip() == "# via" and following and following[0].strip().startswith("#   ")
                and (len(following) < 2 or not following[1].strip().startswith("#   "))):
            out.append(line + " " + following[0].strip()[1:].strip())
            lines[i + 1] = ""  # folded into the line above
            continue
        if line == "" and i and lines[i - 1].strip() == "# via":
            continue
        out.append(line)
    return "\n".join(line for line in out if line != "") + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", metavar="FILE", help="pins to keep where they still fit")
    parser.add_argument("--upgrade", action="store_true",
                        help="the newest versions pyproject.toml allows")
    args = parser.parse_args()
    command = [str(Path(sys.executable).with_name("uv")), "pip", "compile", "pyproject.toml",
               "--all-extras", "--universal", "--python-version", "3.11", "--quiet",
               "--no-header", "--output-file", str(LOCK)]
    # without --upgrade, uv keeps the pins of the lock it writes over (the repository's own)
    command += (["--constraint", args.keep] if args.keep else
                ["--upgrade"] if args.upgrade else [])
    subprocess.run(command, cwd=ROOT, check=True)
    body = without_constraint_file(LOCK.read_text(encoding="utf-8"))
    LOCK.write_text("# The exact versions `make` installs (pip's constraints file).\n"
                    "# Refresh: `make lock`, then `make test`. Written by tools/lock.py.\n"
                    + body + DIGEST_PREFIX + requirements_digest() + "\n", encoding="utf-8")
    print(f"{LOCK.name}: {sum(1 for line in body.splitlines() if '==' in line)} pins")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
