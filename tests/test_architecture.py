"""The shape of the package: stages as subpackages, imports that only go down, small modules,
one error root, one place for every indicator's facts."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import cchc_lib
from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.errors import CchcError

PACKAGE = Path(cchc_lib.__file__).parent
STAGES = ("core", "ingest", "indicators", "par", "reports", "delivery")
MAX_LINES = 500


def modules() -> dict[str, Path]:
    return {".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(
        ".__init__"): p for p in PACKAGE.rglob("*.py")}


def imports_of(path: Path) -> set[str]:
    """The workbook modules a module imports (at any depth of the file)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                "cchc_lib"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("cchc_lib"))
    return found & set(modules())


def test_stages_are_subpackages():
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "cli.py"]


def test_no_module_over_500_lines():
    long = {name: n for name, p in modules().items()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_no_import_cycle():
    graph = {name: imports_of(path) - {name} for name, path in modules().items()}
    # a package's __init__ that re-exports lazily imports nothing at load; count real edges
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, trail: list[str]) -> bool:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycle.extend(trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt])
                return True
            if state.get(nxt) is None and visit(nxt, [*trail, nxt]):
                return True
        state[node] = 2
        return False

    for name in sorted(graph):
        if state.get(name) is None and visit(name, [name]):
            break
    assert cycle == []


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def test_imports_only_go_down_the_stages():
    """core < ingest < indicators < par < reports < delivery (< cli): a stage imports its own
    modules and the stages below it, never one above (the core imports no stage at all)."""
    rank = {stage: n for n, stage in enumerate(STAGES)}
    upward = []
    for name, path in modules().items():
        here = stage_of(name)
        if here is None:
            continue
        for target in imports_of(path):
            there = stage_of(target)
            if there is not None and rank[there] > rank[here]:
                upward.append(f"{name} -> {target}")
    assert upward == []


def test_every_error_class_is_under_the_one_root():
    for info in pkgutil.walk_packages(cchc_lib.__path__, "cchc_lib."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if inspect.isclass(obj) and issubclass(obj, BaseException) and \
                    obj.__module__ == module.__name__:
                assert issubclass(obj, CchcError), f"{info.name}.{name}"
                assert module.__name__ == "cchc_lib.core.errors", f"{info.name}.{name}"


def test_no_indicator_label_spelt_outside_the_registry():
    """An indicator's Vietnamese name or short label is written once, in the registry."""
    labels = {i.name_vi for i in registry.INDICATORS} | {
        i.short_vi for i in registry.INDICATORS if i.short_vi}
    for name, path in modules().items():
        if name == "cchc_lib.core.indicator_registry":
            continue
        text = path.read_text(encoding="utf-8")
        assert not [s for s in labels if f'"{s}"' in text], name


def test_registry_records_are_complete():
    for i in registry.INDICATORS:
        assert i.family in registry.FAMILIES and i.kind in registry.KINDS, i.id
        if i.kind == "share":
            assert i.numerator_vi and i.denominator_vi, i.id
        if i.family == "766":
            assert i.points and i.points.group in registry.GROUPS_766, i.id
            assert i.numerator and i.denominator, i.id
        if i.target == "plan":
            assert i.gap is not None, i.id
    assert len(registry.BY_ID) == len(registry.INDICATORS)  # ids are unique
    # the groups' points add up to the 100 of QĐ 766
    assert sum(total for total, _ in registry.GROUPS_766.values()) == 100
    for group, (total, _) in registry.GROUPS_766.items():
        assert sum(i.points.maximum for i in registry.POINTS_766
                   if i.points.group == group) <= total, group
