"""The PAR index methodology as data: a YAML file the analyst edits, read and checked here.

Structure: fields → criteria → sub-criteria (any depth), each with ``id``, Vietnamese ``title``
and ``max_points``; a node either has children (whose maxima add up to its own) or is a leaf
scored from an ``indicator`` with ``bands`` or ``manual: true`` (self-assessment). Survey points
(điều tra xã hội học) are a separate block; ``grades`` give the index thresholds.

A malformed file is refused with one message naming the problem and its line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from cchc_lib.core import indicator_registry as registry
from cchc_lib.core.errors import MethodologyError
from cchc_lib.core.lang import ingest as lang
from cchc_lib.core.yamlfile import MAX_YAML_BYTES, NoAliasLoader

LINE = "__line__"
CHILD_KEYS = ("criteria", "sub_criteria")
NODE_KEYS = ("id", "title", "max_points", "indicator", "bands", "manual", "evidence", "note",
             *CHILD_KEYS,
             LINE)


@dataclass(frozen=True)
class Band:
    min: float  # inclusive
    max: float  # exclusive (inf for the top band)
    points: float


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    max_points: float
    level: int  # 1 = field, 2 = criterion, 3+ = sub-criterion
    parent: str | None
    line: int
    indicator: str | None = None
    bands: tuple[Band, ...] = ()
    manual: bool = False
    children: tuple[str, ...] = ()
    evidence: str | None = None  # the evidence the office must attach (a manual criterion)

    @property
    def is_leaf(self) -> bool:
        return not self.children


@dataclass(frozen=True)
class Methodology:
    name: str
    year: int | None
    template: bool
    criteria: dict[str, Criterion]  # every node, fields included, in file order
    fields: tuple[str, ...]
    survey_max: float
    survey_title: str
    grades: tuple[tuple[str, float], ...]  # (grade, minimum index), highest first
    source: str = ""

    @property
    def max_points(self) -> float:
        return sum(self.criteria[f].max_points for f in self.fields) + self.survey_max

    def leaves(self) -> list[Criterion]:
        return [c for c in self.criteria.values() if c.is_leaf]

    def grade(self, index: float) -> str:
        for name, minimum in self.grades:
            if index >= minimum - 1e-9:
                return name
        return self.grades[-1][0] if self.grades else ""


class _LineLoader(NoAliasLoader):
    """SafeLoader that records the line of every mapping."""


def _mapping_with_line(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


@dataclass
class _Reader:
    where: str
    nodes: dict[str, Criterion] = field(default_factory=dict)

    def fail(self, line: int | None, problem: str) -> MethodologyError:
        at = lang.AT_LINE_VI.format(line=line) if line else ""
        return MethodologyError(f"{self.where}{at}: {problem}")

    def number(self, node: dict, key: str) -> float:
        value = node.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0 \
                or math.isnan(value) or math.isinf(value):
            raise self.fail(node.get(LINE), lang.NOT_A_NUMBER_VI.format(key=key, value=value))
        return float(value)

    def bands(self, node: dict, cid: str, maximum: float) -> tuple[Band, ...]:
        raw = node.get("bands")
        if not isinstance(raw, list) or not raw:
            raise self.fail(node.get(LINE), lang.BANDS_MISSING_VI.format(cid=cid))
        bands = []
        for b in raw:
            if not isinstance(b, dict) or "min" not in b or "points" not in b:
                raise self.fail(node.get(LINE), lang.BAND_INCOMPLETE_VI.format(cid=cid))
            low = self.number(b, "min")
            high = self.number(b, "max") if "max" in b else math.inf
            pts = self.number(b, "points")
            if high <= low:
                raise self.fail(b[LINE], lang.BAND_EMPTY_VI.format(cid=cid, high=high, low=low))
            if pts > maximum + 1e-9:
                raise self.fail(b[LINE], lang.BAND_OVER_MAX_VI.format(cid=cid, points=pts,
                                                                      maximum=maximum))
            bands.append((b[LINE], Band(low, high, pts)))
        bands.sort(key=lambda lb: lb[1].min)
        for (_, a), (line_b, b) in zip(bands, bands[1:], strict=False):
            if a.min == b.min or (a.max != math.inf and a.max > b.min):
                raise self.fail(line_b, lang.BANDS_OVERLAP_VI.format(cid=cid, first=a.min,
                                                                     second=b.min))
        # a band without max runs up to the next band's min
        out = [Band(b.min, min(b.max, bands[i + 1][1].min) if i + 1 < len(bands) else b.max,
                    b.points) for i, (_, b) in enumerate(bands)]
        return tuple(out)

    def node(self, raw: object, level: int, parent: str | None) -> str:
        if not isinstance(raw, dict):
            raise self.fail(None, lang.NODE_NOT_MAPPING_VI.format(parent=parent or "fields"))
        line = raw[LINE]
        for key in ("id", "title", "max_points"):
            if key not in raw:
                raise self.fail(line, lang.KEY_MISSING_VI.format(key=key))
        unknown = [str(k) for k in raw if k not in NODE_KEYS]
        if unknown:  # often a title cut at a comma inside {…}: quote the title
            raise self.fail(line, lang.KEYS_UNKNOWN_VI.format(
                unknown=", ".join(unknown), known=", ".join(k for k in NODE_KEYS if k != LINE)))
        if isinstance(raw["id"], float):
            raise self.fail(line, lang.ID_READ_AS_NUMBER_VI.format(id=raw["id"]))
        if not isinstance(raw["title"], str) or not raw["title"].strip():
            raise self.fail(line, lang.TITLE_NOT_TEXT_VI)
        cid = str(raw["id"]).strip()
        if cid in self.nodes:
            raise self.fail(line, lang.ID_TWICE_VI.format(cid=cid, line=self.nodes[cid].line))
        maximum = self.number(raw, "max_points")
        kids_raw = next((raw[k] for k in CHILD_KEYS if k in raw), None)
        indicator, manual = raw.get("indicator"), bool(raw.get("manual", False))
        self.nodes[cid] = Criterion(cid, str(raw["title"]), maximum, level, parent, line)
        if kids_raw:
            if indicator or manual or raw.get("evidence"):
                raise self.fail(line, lang.PARENT_SCORED_VI.format(cid=cid))
            kids = tuple(self.node(k, level + 1, cid) for k in kids_raw)
            total = sum(self.nodes[k].max_points for k in kids)
            if abs(total - maximum) > 1e-9:
                raise self.fail(line, lang.CHILDREN_TOTAL_VI.format(cid=cid, maximum=maximum,
                                                                    total=total))
            self.nodes[cid] = Criterion(cid, str(raw["title"]), maximum, level, parent, line,
                                        children=kids)
            return cid
        if bool(indicator) == manual:
            raise self.fail(line, lang.LEAF_SCORING_VI.format(cid=cid))
        if indicator and indicator not in registry.BY_ID:
            known = ", ".join(sorted(registry.BY_ID))
            raise self.fail(line, lang.INDICATOR_UNKNOWN_VI.format(cid=cid, indicator=indicator,
                                                                   known=known))
        bands = self.bands(raw, cid, maximum) if indicator else ()
        evidence = raw.get("evidence")
        if evidence is not None and (not isinstance(evidence, str) or not evidence.strip()):
            raise self.fail(line, lang.EVIDENCE_NOT_TEXT_VI.format(cid=cid))
        self.nodes[cid] = Criterion(cid, str(raw["title"]), maximum, level, parent, line,
                                    indicator=indicator, bands=bands, manual=manual,
                                    evidence=evidence.strip() if evidence else None)
        return cid


def parse_methodology(text: str, where: str = "methodology") -> Methodology:
    """A methodology from YAML text; ``where`` names it in messages."""
    reader = _Reader(where)
    if len(text.encode("utf-8")) > MAX_YAML_BYTES:
        raise reader.fail(None, lang.YAML_TOO_LARGE_VI.format(size=MAX_YAML_BYTES)
                          .replace(",", "."))
    try:
        spec = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise reader.fail(mark.line + 1 if mark else None,
                          lang.NOT_YAML_VI.format(problem=getattr(exc, "problem", exc))) from None
    except (ValueError, OverflowError) as exc:  # a value YAML reads but Python cannot build
        # (2022-02-30)
        raise reader.fail(None, lang.VALUE_UNUSABLE_VI.format(problem=exc)) from None
    if not isinstance(spec, dict) or not isinstance(spec.get("fields"), list) \
            or not spec["fields"]:
        raise reader.fail(None, lang.FIELDS_MISSING_VI)
    fields = tuple(reader.node(f, 1, None) for f in spec["fields"])
    declared = spec.get("max_points")
    survey = spec.get("survey") or {}
    survey_max = reader.number(survey, "max_points") if survey else 0.0
    total = sum(reader.nodes[f].max_points for f in fields) + survey_max
    if declared is not None and abs(reader.number(spec, "max_points") - total) > 1e-9:
        raise reader.fail(spec[LINE], lang.TOTAL_MISMATCH_VI.format(declared=declared,
                                                                    total=total))
    grades = []
    for g in spec.get("grades") or []:
        if not isinstance(g, dict) or "grade" not in g or "min" not in g:
            raise reader.fail(None, lang.GRADE_INCOMPLETE_VI)
        grades.append((str(g["grade"]), reader.number(g, "min")))
    grades.sort(key=lambda g: -g[1])
    return Methodology(
        name=str(spec.get("name", "")), year=spec.get("year"),
        template=bool(spec.get("template", False)), criteria=reader.nodes, fields=fields,
        survey_max=survey_max, survey_title=str(survey.get("title", lang.SURVEY_TITLE_VI)),
        grades=tuple(grades), source=where)


def load_methodology(path: str | Path) -> Methodology:
    path = Path(path)
    if not path.is_file():
        raise MethodologyError(lang.METHODOLOGY_NOT_FOUND_VI.format(path=path))
    return parse_methodology(path.read_text(encoding="utf-8"), str(path))


__all__ = [
    "Band", "CHILD_KEYS", "Criterion", "LINE", "load_methodology", "Methodology", "NODE_KEYS",
    "parse_methodology",
]
