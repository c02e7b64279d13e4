"""The environments agree: requirements.lock pins every package pyproject.toml asks for, at a
version its bounds allow, and was refreshed since pyproject.toml last changed; this
environment runs the locked versions; environment.yml takes its conda-forge packages at the
lock's versions, under the names conda-forge gives them, and the rest from the lock."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from lock import DIGEST_PREFIX, requirements_digest  # noqa: E402


def _lock() -> list[Requirement]:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    lines = [ln.split("#")[0].strip() for ln in text.splitlines()]
    return [Requirement(ln) for ln in lines if ln]


def _pins() -> dict[str, str]:
    """name -> version for this interpreter and platform (a package may have one pin per
    Python version range)."""
    out = {}
    for req in _lock():
        if req.marker is None or req.marker.evaluate():
            (spec,) = req.specifier
            out[canonicalize_name(req.name)] = spec.version
    return out


def test_every_requirement_is_locked_within_its_bounds():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + [s for extra in project["optional-dependencies"].values()
                                       for s in extra]
    pins = _pins()
    for spec in specs:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in requirements.lock: run make lock"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"{req.name}=={pins[name]} in requirements.lock is outside {req.specifier}")


def test_lock_was_refreshed_after_pyproject_changed():
    last = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()[-1]
    assert last == DIGEST_PREFIX + requirements_digest(), (
        "pyproject.toml's requirements changed since requirements.lock was made: run make lock")


def test_lock_is_pins_only():
    for req in _lock():
        assert len(req.specifier) == 1 and next(iter(req.specifier)).operator == "==", str(req)


def test_this_environment_runs_the_locked_versions():
    """What the tests ran on is what the lock says (make installs with it as constraints)."""
    wrong = {}
    for name, version in _pins().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # an extra this environment does not hold (lab, spark)
        if installed != version:
            wrong[name] = f"{installed} installed, {version} locked"
    assert wrong == {}


def test_environment_yml_leaves_every_package_to_pip_and_the_lock():
    """conda gives Python and pip, nothing else (no package half conda's, half pip's); pip
    installs the office's workbook, not the developer's tools, within the lock."""
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    assert env["channels"] == ["conda-forge"]
    assert conda == ["python=3.11", "pip"]
    pip = [d for d in env["dependencies"] if isinstance(d, dict)][0]["pip"]
    assert pip == ["-c requirements.lock", "-e ."]


@pytest.mark.parametrize("task", ["setup", "lab", "test"])
def test_every_install_is_within_the_lock(task):
    """tasks.py (which make calls) installs only through its pip command, constrained by the
    lock; the Makefile installs nothing itself."""
    tasks = (ROOT / "tasks.py").read_text(encoding="utf-8")
    assert re.search(r'^PIP = \[.*"-c", "requirements.lock"\]', tasks, re.M)
    assert tasks.count('"pip", "install"') == 1  # PIP itself: every install goes through it
    assert "pip install" not in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert f'"{task}"' in tasks


def _imports(folder: Path) -> set[str]:
    """The top-level names every module under ``folder`` imports."""
    import ast

    names = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"cchc_lib", "__future__"}


@pytest.mark.parametrize("folder, extras", [("cchc_lib", ("spark",)),
                                            ("tests", ("dev", "spark")),
                                            ("tools", ("dev",)), ("benchmarks", ("dev",))])
def test_every_imported_package_is_declared(folder, extras):
    """A module that imports a package installed only because something else needs it breaks
    the day that something drops it: each import is declared (the package itself for
    cchc_lib; its extras for the Spark module, the tests and the tools)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + [s for e in extras
                                       for s in project["optional-dependencies"][e]]
    declared = {canonicalize_name(Requirement(s).name) for s in specs}
    providers = metadata.packages_distributions()
    local = {p.stem for p in (ROOT / folder).rglob("*.py")} | {
        "conftest", "lock", "sample", "golden", "build", "tools", "tests"}  # the project's own
    missing = {}
    for name in sorted(_imports(ROOT / folder) - local):
        dists = {canonicalize_name(d) for d in providers.get(name, [])}
        if not dists & declared:
            missing[name] = sorted(dists) or "not installed"
    assert missing == {}
