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
        at = f", dòng {line}" if line else ""
        return MethodologyError(f"{self.where}{at}: {problem}")

    def number(self, node: dict, key: str) -> float:
        value = node.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0 \
                or math.isnan(value) or math.isinf(value):
            raise self.fail(node.get(LINE), f"'{key}' phải là số ≥ 0 (đang là {value!r})")
        return float(value)

    def bands(self, node: dict, cid: str, maximum: float) -> tuple[Band, ...]:
        raw = node.get("bands")
        if not isinstance(raw, list) or not raw:
            raise self.fail(node.get(LINE), f"tiêu chí {cid}: tiêu chí tính theo chỉ số cần có "
                            "'bands' (danh sách các mức {min, points})")
        bands = []
        for b in raw:
            if not isinstance(b, dict) or "min" not in b or "points" not in b:
                raise self.fail(node.get(LINE), f"tiêu chí {cid}: mỗi mức điểm cần có 'min' và "
                                "'points'")
            low = self.number(b, "min")
            high = self.number(b, "max") if "max" in b else math.inf
            pts = self.number(b, "points")
            if high <= low:
                raise self.fail(b[LINE], f"tiêu chí {cid}: mức điểm có max {high:g} không "
                                f"lớn hơn min {low:g}")
            if pts > maximum + 1e-9:
                raise self.fail(b[LINE], f"tiêu chí {cid}: một mức cho {pts:g} điểm, nhiều "
                                f"hơn điểm tối đa {maximum:g} của tiêu chí")
            bands.append((b[LINE], Band(low, high, pts)))
        bands.sort(key=lambda lb: lb[1].min)
        for (_, a), (line_b, b) in zip(bands, bands[1:], strict=False):
            if a.min == b.min or (a.max != math.inf and a.max > b.min):
                raise self.fail(line_b, f"tiêu chí {cid}: các mức điểm chồng lên nhau (từ "
                                f"{a.min:g} và từ {b.min:g})")
        # a band without max runs up to the next band's min
        out = [Band(b.min, min(b.max, bands[i + 1][1].min) if i + 1 < len(bands) else b.max,
                    b.points) for i, (_, b) in enumerate(bands)]
        return tuple(out)

    def node(self, raw: object, level: int, parent: str | None) -> str:
        if not isinstance(raw, dict):
            raise self.fail(None, f"trong {parent or 'fields'}: mỗi mục phải có dạng "
                            "id, title, max_points")
        line = raw[LINE]
        for key in ("id", "title", "max_points"):
            if key not in raw:
                raise self.fail(line, f"thiếu '{key}'")
        unknown = [str(k) for k in raw if k not in NODE_KEYS]
        if unknown:  # often a title cut at a comma inside {…}: quote the title
            raise self.fail(line, f"khóa không dùng được: {', '.join(unknown)} (dùng được: "
                            f"{', '.join(k for k in NODE_KEYS if k != LINE)}); tên có dấu phẩy "
                            'trong {…} phải đặt trong ngoặc kép: title: "…, …"')
        if isinstance(raw["id"], float):
            raise self.fail(line, f"id {raw['id']!r} bị đọc thành số (1.10 thành 1.1): "
                            f'hãy đặt trong ngoặc kép, id: "…"')
        if not isinstance(raw["title"], str) or not raw["title"].strip():
            raise self.fail(line, "title phải là chữ")
        cid = str(raw["id"]).strip()
        if cid in self.nodes:
            raise self.fail(line, f"id {cid} bị trùng (đã có ở dòng {self.nodes[cid].line})")
        maximum = self.number(raw, "max_points")
        kids_raw = next((raw[k] for k in CHILD_KEYS if k in raw), None)
        indicator, manual = raw.get("indicator"), bool(raw.get("manual", False))
        self.nodes[cid] = Criterion(cid, str(raw["title"]), maximum, level, parent, line)
        if kids_raw:
            if indicator or manual or raw.get("evidence"):
                raise self.fail(line, f"{cid} có tiêu chí thành phần nên được chấm bằng "
                                "tổng của chúng: bỏ 'indicator'/'manual'/'evidence'")
            kids = tuple(self.node(k, level + 1, cid) for k in kids_raw)
            total = sum(self.nodes[k].max_points for k in kids)
            if abs(total - maximum) > 1e-9:
                raise self.fail(line, f"{cid}: max_points là {maximum:g} nhưng các tiêu chí "
                                f"thành phần cộng lại được {total:g}")
            self.nodes[cid] = Criterion(cid, str(raw["title"]), maximum, level, parent, line,
                                        children=kids)
            return cid
        if bool(indicator) == manual:
            raise self.fail(line, f"{cid}: cần đúng một trong hai: 'indicator' (kèm bands) "
                            "hoặc 'manual: true'")
        if indicator and indicator not in registry.BY_ID:
            known = ", ".join(sorted(registry.BY_ID))
            raise self.fail(line, f"{cid}: không có chỉ số '{indicator}' (các chỉ số: {known})")
        bands = self.bands(raw, cid, maximum) if indicator else ()
        evidence = raw.get("evidence")
        if evidence is not None and (not isinstance(evidence, str) or not evidence.strip()):
            raise self.fail(line, f"{cid}: 'evidence' phải là chữ: tài liệu kiểm chứng cần có")
        self.nodes[cid] = Criterion(cid, str(raw["title"]), maximum, level, parent, line,
                                    indicator=indicator, bands=bands, manual=manual,
                                    evidence=evidence.strip() if evidence else None)
        return cid


def parse_methodology(text: str, where: str = "methodology") -> Methodology:
    """A methodology from YAML text; ``where`` names it in messages."""
    reader = _Reader(where)
    if len(text.encode("utf-8")) > MAX_YAML_BYTES:
        raise reader.fail(None, f"tệp lớn hơn {MAX_YAML_BYTES:,} byte".replace(",", "."))
    try:
        spec = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise reader.fail(mark.line + 1 if mark else None,
                          f"không phải YAML hợp lệ ({getattr(exc, 'problem', exc)})") from None
    except (ValueError, OverflowError) as exc:  # a value YAML reads but Python cannot build
        raise reader.fail(None, f"giá trị không dùng được ({exc})") from None  # (2022-02-30)
    if not isinstance(spec, dict) or not isinstance(spec.get("fields"), list) \
            or not spec["fields"]:
        raise reader.fail(None, "bộ chỉ số cần có danh sách lĩnh vực 'fields'")
    fields = tuple(reader.node(f, 1, None) for f in spec["fields"])
    declared = spec.get("max_points")
    survey = spec.get("survey") or {}
    survey_max = reader.number(survey, "max_points") if survey else 0.0
    total = sum(reader.nodes[f].max_points for f in fields) + survey_max
    if declared is not None and abs(reader.number(spec, "max_points") - total) > 1e-9:
        raise reader.fail(spec[LINE], f"max_points là {declared} nhưng các lĩnh vực và điểm "
                          f"điều tra xã hội học cộng lại được {total:g}")
    grades = []
    for g in spec.get("grades") or []:
        if not isinstance(g, dict) or "grade" not in g or "min" not in g:
            raise reader.fail(None, "mỗi mức xếp loại cần có 'grade' và 'min'")
        grades.append((str(g["grade"]), reader.number(g, "min")))
    grades.sort(key=lambda g: -g[1])
    return Methodology(
        name=str(spec.get("name", "")), year=spec.get("year"),
        template=bool(spec.get("template", False)), criteria=reader.nodes, fields=fields,
        survey_max=survey_max, survey_title=str(survey.get("title", "Điều tra xã hội học")),
        grades=tuple(grades), source=where)


def load_methodology(path: str | Path) -> Methodology:
    path = Path(path)
    if not path.is_file():
        raise MethodologyError(f"{path}: không tìm thấy tệp bộ chỉ số")
    return parse_methodology(path.read_text(encoding="utf-8"), str(path))
