"""The shape of the package: stages as subpackages, imports that only go down, small modules
with room to grow, what is public marked, one error root, one place for every indicator's
facts, and the workbook's Vietnamese (and its targets) only where they belong: the language
package, the indicator registry and the data; the notebooks included."""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import pkgutil
import re
from pathlib import Path

import cchc_lib
from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.errors import CchcError

PACKAGE = Path(cchc_lib.__file__).parent
STAGES = ("core", "ingest", "indicators", "par", "reports", "delivery")
MAX_LINES = 500
# the modules every new command or count lands in keep a lower ceiling, so a feature has room
# without squeezing: past it, the module is split by design (docs/architecture.md)
GROWTH_POINTS = {"cchc_lib.cli": 300, "cchc_lib.indicators.engine": 300,
                 "cchc_lib.indicators.queries": 200}
NOTEBOOKS = PACKAGE.parent / "notebooks"
# where Vietnamese text may be written: the language package, the labels of the data's codes
# and the indicator registry (names, definitions, action sentences)
VIETNAMESE_HOMES = ("cchc_lib.core.lang", "cchc_lib.core.vi", "cchc_lib.core.indicator_registry")
VIETNAMESE = re.compile("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
                        re.IGNORECASE)


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
    assert loose == ["__init__.py", "__main__.py", "cli.py"]  # (python -m cchc_lib)


def test_no_module_over_500_lines_and_the_growth_points_well_under():
    lines = {name: len(p.read_text(encoding="utf-8").splitlines())
             for name, p in modules().items()}
    assert {name: n for name, n in lines.items() if n > MAX_LINES} == {}
    assert {name: lines[name] for name, limit in GROWTH_POINTS.items()
            if lines[name] > limit} == {}


def _docstrings(tree: ast.AST) -> set[int]:
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef
                          | ast.AsyncFunctionDef)
            and node.body and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)}


def vietnamese_literals(source: str) -> list[str]:
    """The string literals of ``source`` (docstrings aside; f-string pieces included) that
    hold a Vietnamese letter."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docs and VIETNAMESE.search(node.value)]


def test_vietnamese_text_is_written_only_in_the_language_package_and_the_registry():
    found = {name: texts[:3] for name, path in modules().items()
             if not name.startswith(VIETNAMESE_HOMES)
             and (texts := vietnamese_literals(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_the_test_would_see_vietnamese_in_code():
    assert vietnamese_literals('x = f"Đã ghi {n} tệp"\n') == ["Đã ghi ", " tệp"]
    assert vietnamese_literals('def f():\n    """Tài liệu."""\n') == []


def test_language_modules_are_leaves():
    """The language package imports nothing of the workbook: any stage can import it."""
    for name, path in modules().items():
        if name.startswith("cchc_lib.core.lang"):
            assert imports_of(path) == set(), name


def _target_numbers(tree: ast.AST) -> list[str]:
    """Numbers given to a name that says target (``target=0.5``, ``TARGET = 50``, a
    ``"target": 0.6`` entry): a target is the targets table's or the registry's."""
    found = []
    for node in ast.walk(tree):
        pairs: list[tuple[str | None, ast.AST]] = []
        if isinstance(node, ast.keyword):
            pairs.append((node.arg, node.value))
        elif isinstance(node, ast.Assign):
            pairs += [(t.id, node.value) for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.Dict):
            pairs += [(k.value, v) for k, v in zip(node.keys, node.values, strict=True)
                      if isinstance(k, ast.Constant) and isinstance(k.value, str)]
        found += [f"{key}={value.value}" for key, value in pairs
                  if key and "target" in key.lower() and isinstance(value, ast.Constant)
                  and isinstance(value.value, int | float) and not isinstance(value.value, bool)
                  and value.value not in (0, 1)]
    return found


def test_no_target_number_outside_the_registry():
    found = {name: nums for name, path in modules().items()
             if name != "cchc_lib.core.indicator_registry"
             and (nums := _target_numbers(ast.parse(path.read_text(encoding="utf-8"))))}
    assert found == {}
    assert sorted(_target_numbers(ast.parse("plan(target=0.5)\nTARGET = 60"))) == [
        "TARGET=60", "target=0.5"]


def notebook_cells(kind: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        out[path.name] = ["".join(c["source"]) for c in cells if c["cell_type"] == kind]
    return out


def test_notebooks_hold_no_vietnamese_in_code_and_no_fact_in_prose():
    """A notebook is headings, a sentence on what a section shows, and calls: its code
    spells no display text (comments aside), no target number; its prose states no
    indicator's name, no target and no percentage (those come from the registry and the
    targets table, through the report's code)."""
    labels = {i.name_vi for i in registry.INDICATORS} | {
        i.short_vi for i in registry.INDICATORS if i.short_vi}
    for name, sources in notebook_cells("code").items():
        for source in sources:
            code = "\n".join(line for line in source.splitlines()
                             if not line.lstrip().startswith(("%", "!")))
            assert vietnamese_literals(code) == [], name
            assert _target_numbers(ast.parse(code)) == [], name
    for name, sources in notebook_cells("markdown").items():
        for text in sources:
            assert not re.search(r"\d\s*%", text), (name, text[:80])
            assert not [label for label in labels if label in text], (name, text[:80])
    assert notebook_cells("code")["ward_report.ipynb"]  # the walk reads the notebooks


def test_every_module_marks_what_is_public():
    """A module lists its public names in ``__all__`` (each one defined there); a module
    with nothing public is a package marker (empty) or named with a leading underscore."""
    for name, path in modules().items():
        source = path.read_text(encoding="utf-8")
        if not source.strip() or path.stem.startswith("_") and path.stem != "__init__":
            continue
        module = importlib.import_module(name)
        assert hasattr(module, "__all__"), name
        assert all(hasattr(module, n) and not n.startswith("_") for n in module.__all__), name


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


def test_the_indicator_page_defines_every_record():
    """docs/indicators.md is the project's statement of what it computes: every record of
    the registry is defined there."""
    page = (PACKAGE.parent / "docs" / "indicators.md").read_text(encoding="utf-8")
    assert [i.id for i in registry.INDICATORS if f"`{i.id}`" not in page] == []
