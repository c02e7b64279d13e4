"""The indicator registry: one record per indicator, the only place its facts are written.

Each :class:`Indicator` holds its id, family, kind, Vietnamese name and short label, what its
numerator and denominator count (in words, and by the names the computation gives them), the
target it is judged on, its 766 points, how its gap reads and what action it suggests, and —
for Biểu 06 — its place on the form. Schema checks (the ids official results and the
methodology may name), the computation (which parts make each 766 share), the reports, the
town overview and the written forms all read it; nothing else spells an indicator's label or
maximum.

To add an indicator: one entry here, and its computation where its family is computed
(:mod:`cchc_lib.indicators.national` for a 766 share: the named parts it divides, if they
are new). The relational engine (issue "One engine, ward to nation") will plug in here: each
record then names its query.

This module imports nothing from the workbook, so every stage can read it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

FAMILIES = ("plan", "bieu06", "766", "apology")
KINDS = ("share", "count", "stock")  # stock: a count at the end of the period, not over it


@dataclass(frozen=True)
class Points766:
    """Estimated 766 points of a share (QĐ 766/QĐ-TTg, reconstruction: docs/indicators.md):
    ``min(maximum, maximum × share / full_at)`` — full marks from ``full_at`` on."""

    criterion: str
    group: str  # a key of :data:`GROUPS_766`
    maximum: float
    full_at: float = 1.0

    def points(self, share: float) -> float:
        return min(self.maximum, self.maximum * share / self.full_at)


@dataclass(frozen=True)
class Candidates:
    """Which procedures can close a gap, read off the engine's per-procedure table
    (``engine.uptake``: one row per procedure the unit offers, with its flags and counts):
    those with the flag ``enabled``, none of the counts ``none_of`` above 0 and at least one
    of ``some_of`` above 0 (when given), ranked by ``demand`` = the sum of ``demand`` minus
    the sum of ``less`` (most first, then by code)."""

    enabled: str
    demand: tuple[str, ...]
    less: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()
    some_of: tuple[str, ...] = ()

    def columns(self) -> tuple[str, ...]:
        """Every column of the per-procedure table this rule reads."""
        return (self.enabled, *self.demand, *self.less, *self.none_of, *self.some_of)


@dataclass(frozen=True)
class GapRule:
    """How the gap to a target reads: what one more unit of the numerator is, the action
    sentence (``{n}`` more, target ``{t}``), the label of the candidates' demand column and
    which procedures are candidates."""

    counts: str  # "procedures" (ceil(target × den) − num) or "dossiers" (ceil(target × den − num))
    action_vi: str
    demand_vi: str
    todo_vi: str = ""  # the action in a few words for the first screen ({n}: how many more)
    candidates: Candidates | None = None


@dataclass(frozen=True)
class Reading:
    """Another reading of a plan's sentence: the same numerator over another denominator (an
    engine part), judged against the same target. Reports name the reading they use and show
    this one beside it where the verdict differs."""

    denominator: str
    denominator_vi: str  # what it counts, in words


@dataclass(frozen=True)
class Indicator:
    id: str
    family: str  # one of FAMILIES
    kind: str  # one of KINDS
    name_vi: str  # the full Vietnamese name, as a report's table shows it
    short_vi: str = ""  # a short label for headings, charts and phones ("" = the name)
    numerator_vi: str = ""  # what the numerator counts, in words (shares)
    denominator_vi: str = ""
    target: str | None = None  # "plan": the plan's yearly target (targets table); "fixed"
    fixed_target: float | None = None  # the target when it is set by law, not by a plan
    points: Points766 | None = None
    gap: GapRule | None = None
    numerator: str | None = None  # a share: the engine's part it divides (engine.PART_NAMES)
    denominator: str | None = None
    form: tuple[int, str] | None = None  # Biểu 06: (column group, the column's label)
    definition_vi: str = ""  # what it measures in one clause, for a report's definitions
    reading: Reading | None = None  # the plan's sentence read another way (plan shares)

    @property
    def label(self) -> str:
        return self.short_vi or self.name_vi


_PLAN_DEMAND_VI = "Hồ sơ qua kênh khác trong kỳ"

INDICATORS: tuple[Indicator, ...] = (
    # ---- the plan's three targets (Kế hoạch 99/KH-UBND) --------------------------------
    Indicator(
        "online_procedure_rate", "plan", "share",
        "Tỷ lệ TTHC có phát sinh hồ sơ trực tuyến (trên số TTHC cung cấp trực tuyến một "
        "phần, toàn trình)", "TTHC có hồ sơ trực tuyến",
        "TTHC có ít nhất một hồ sơ nộp trực tuyến trong kỳ",
        "TTHC cung cấp trực tuyến một phần, toàn trình", target="plan",
        numerator="online_used", denominator="online_offered",
        gap=GapRule("procedures",
                    "Cần thêm **{n}** TTHC có phát sinh hồ sơ trực tuyến để đạt mục tiêu {t}. "
                    "Các TTHC cung cấp trực tuyến nhưng chưa có hồ sơ trực tuyến, xếp theo số "
                    "hồ sơ nộp qua kênh khác (nhu cầu có thể chuyển sang trực tuyến):",
                    _PLAN_DEMAND_VI, "cần thêm {n} TTHC có hồ sơ trực tuyến",
                    Candidates("online_enabled", ("received",), ("received_online",),
                               none_of=("received_online",))),
        definition_vi="số TTHC có phát sinh ít nhất một hồ sơ trực tuyến trên tổng số TTHC "
                      "cung cấp trực tuyến (một phần, toàn trình)"),
    Indicator(
        "postal_procedure_rate", "plan", "share",
        "Tỷ lệ TTHC có phát sinh hồ sơ qua dịch vụ BCCI (trên số TTHC triển khai qua BCCI)",
        "TTHC có hồ sơ qua BCCI",
        "TTHC triển khai BCCI có ít nhất một hồ sơ nhận hoặc trả qua BCCI trong kỳ",
        "TTHC triển khai qua dịch vụ BCCI", target="plan",
        numerator="postal_used", denominator="postal_offered",
        gap=GapRule("procedures",
                    "Cần thêm **{n}** TTHC có phát sinh hồ sơ qua dịch vụ BCCI để đạt mục tiêu "
                    "{t}. Các TTHC đã triển khai BCCI nhưng chưa có hồ sơ nào qua BCCI, xếp "
                    "theo số hồ sơ qua kênh khác:", _PLAN_DEMAND_VI,
                    "cần thêm {n} TTHC có hồ sơ qua BCCI",
                    Candidates("postal_enabled", ("received",), ("received_postal",),
                               none_of=("received_postal", "returned_postal"))),
        definition_vi="số TTHC có hồ sơ tiếp nhận hoặc trả kết quả qua dịch vụ bưu chính "
                      "công ích trên tổng số TTHC triển khai qua BCCI"),
    Indicator(
        "postal_return_share", "plan", "share",
        "Tỷ lệ hồ sơ trả kết quả qua dịch vụ BCCI (trên tổng số hồ sơ đã trả kết quả của "
        "các TTHC BCCI)", "Hồ sơ trả kết quả qua BCCI",
        "Hồ sơ của TTHC triển khai BCCI trả kết quả qua BCCI trong kỳ",
        "Hồ sơ của TTHC triển khai BCCI đã trả kết quả trong kỳ", target="plan",
        numerator="returned_postal", denominator="returned_postal_procedures",
        gap=GapRule("dossiers",
                    "Cần thêm **{n}** hồ sơ trả kết quả qua dịch vụ BCCI để đạt mục tiêu {t}. "
                    "Các TTHC có nhiều hồ sơ trả kết quả tại bộ phận một cửa nhất:",
                    "Hồ sơ trả tại bộ phận một cửa",
                    "cần trả thêm {n} hồ sơ qua BCCI",
                    Candidates("postal_enabled", ("returned_direct",),
                               some_of=("returned_direct",))),
        definition_vi="số hồ sơ của các TTHC BCCI trả kết quả qua BCCI trên tổng số hồ sơ đã "
                      "trả kết quả (qua BCCI, trực tuyến và trực tiếp) của chính các TTHC BCCI",
        reading=Reading("returned_all", "tổng số hồ sơ đã trả kết quả của mọi TTHC (cả TTHC "
                                        "không triển khai BCCI)")),
    # ---- Biểu số 06/VPCP/KSTT, in the form's column order ------------------------------
    Indicator("received_total", "bieu06", "count", "Tổng số hồ sơ tiếp nhận",
              form=(0, "Tổng số")),
    Indicator("received_online", "bieu06", "count", "Số hồ sơ tiếp nhận trực tuyến",
              form=(0, "Trực tuyến")),
    Indicator("received_direct_postal", "bieu06", "count",
              "Số hồ sơ tiếp nhận trực tiếp và qua BCCI",
              form=(0, "Trực tiếp, dịch vụ bưu chính")),
    Indicator("carried_over", "bieu06", "stock", "Số hồ sơ kỳ trước chuyển qua",
              form=(0, "Từ kỳ trước chuyển qua")),
    Indicator("resolved_total", "bieu06", "count", "Tổng số hồ sơ đã giải quyết",
              form=(1, "Tổng số")),
    Indicator("resolved_early", "bieu06", "count", "Số hồ sơ giải quyết trước hạn",
              form=(1, "Trước hạn")),
    Indicator("resolved_on_time", "bieu06", "count", "Số hồ sơ giải quyết đúng hạn",
              form=(1, "Đúng hạn")),
    Indicator("resolved_late", "bieu06", "count", "Số hồ sơ giải quyết quá hạn",
              form=(1, "Quá hạn")),
    Indicator("pending_total", "bieu06", "stock", "Tổng số hồ sơ đang giải quyết",
              form=(2, "Tổng số")),
    Indicator("pending_in_time", "bieu06", "stock", "Số hồ sơ đang giải quyết trong hạn",
              form=(2, "Trong hạn")),
    Indicator("pending_overdue", "bieu06", "stock", "Số hồ sơ đang giải quyết quá hạn",
              form=(2, "Quá hạn")),
    Indicator("on_time_rate", "bieu06", "share", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn",
              numerator_vi="Hồ sơ giải quyết trước hạn và đúng hạn trong kỳ",
              denominator_vi="Hồ sơ đã giải quyết trong kỳ",
              numerator="resolved_in_time", denominator="resolved_total"),
    # ---- the 766 estimates the dossier data supports (QĐ 766/QĐ-TTg) -------------------
    Indicator("progress_on_time", "766", "share",
              "Tiến độ giải quyết: hồ sơ đúng hạn (kể cả đang giải quyết trong hạn)",
              numerator_vi="Hồ sơ kết thúc đúng hạn trong kỳ và hồ sơ đang giải quyết trong hạn",
              denominator_vi="Hồ sơ kết thúc trong kỳ và hồ sơ đang giải quyết cuối kỳ",
              points=Points766("2.1", "Tiến độ giải quyết", 20.0),
              numerator="on_time", denominator="ended_or_pending"),
    Indicator("online_provision_rate", "766", "share",
              "TTHC cung cấp trực tuyến (một phần, toàn trình) trên tổng số TTHC",
              numerator_vi="TTHC cung cấp trực tuyến một phần, toàn trình",
              denominator_vi="TTHC đơn vị cung cấp",
              points=Points766("3.1", "Dịch vụ công trực tuyến", 2.0, full_at=0.80),
              numerator="online_offered", denominator="offered"),
    Indicator("online_service_uptake", "766", "share",
              "TTHC có phát sinh hồ sơ trực tuyến trên số TTHC trực tuyến",
              numerator_vi="TTHC trực tuyến có ít nhất một hồ sơ nộp trực tuyến trong kỳ",
              denominator_vi="TTHC cung cấp trực tuyến một phần, toàn trình",
              points=Points766("3.2", "Dịch vụ công trực tuyến", 4.0),
              numerator="online_used", denominator="online_offered"),
    Indicator("online_dossier_share", "766", "share",
              "Hồ sơ nộp trực tuyến trên tổng số hồ sơ tiếp nhận",
              numerator_vi="Hồ sơ tiếp nhận trực tuyến trong kỳ",
              denominator_vi="Hồ sơ tiếp nhận trong kỳ",
              points=Points766("3.3", "Dịch vụ công trực tuyến", 6.0, full_at=0.50),
              numerator="received_online", denominator="received"),
    Indicator("online_payment_procedures", "766", "share",
              "TTHC có giao dịch thanh toán trực tuyến trên số TTHC có phí, lệ phí",
              numerator_vi="TTHC có phí, lệ phí có ít nhất một hồ sơ tiếp nhận trong kỳ đã "
                           "thanh toán trực tuyến",
              denominator_vi="TTHC có phí, lệ phí đơn vị cung cấp",
              points=Points766("3.5", "Thanh toán trực tuyến", 4.0),
              numerator="fee_offered_paid_online", denominator="fee_offered"),
    Indicator("online_payment_share", "766", "share",
              "Hồ sơ thanh toán trực tuyến trên số hồ sơ có phí, lệ phí",
              numerator_vi="Hồ sơ có phí, lệ phí tiếp nhận trong kỳ đã thanh toán trực tuyến",
              denominator_vi="Hồ sơ có phí, lệ phí tiếp nhận trong kỳ",
              points=Points766("3.6", "Thanh toán trực tuyến", 6.0),
              numerator="fee_paid_online", denominator="fee_received"),
    Indicator("e_result_share", "766", "share",
              "Hồ sơ có kết quả điện tử trên số hồ sơ đã kết thúc",
              numerator_vi="Hồ sơ kết thúc trong kỳ có kết quả điện tử",
              denominator_vi="Hồ sơ kết thúc trong kỳ",
              points=Points766("4.1", "Số hóa hồ sơ", 6.0),
              numerator="ended_e_result", denominator="ended"),
    Indicator("digitized_share", "766", "share", "Hồ sơ được số hóa khi tiếp nhận",
              numerator_vi="Hồ sơ tiếp nhận trong kỳ được số hóa",
              denominator_vi="Hồ sơ tiếp nhận trong kỳ",
              points=Points766("4.2", "Số hóa hồ sơ", 4.0, full_at=0.80),
              numerator="received_digitized", denominator="received"),
    # ---- the duty of apology (NĐ 61/2018, kept by later decrees) -----------------------
    Indicator("apology_coverage", "apology", "share",
              "Hồ sơ trễ hạn có phiếu xin lỗi và hẹn lại ngày trả kết quả",
              "Hồ sơ trễ hạn có phiếu xin lỗi",
              "Hồ sơ trễ hạn có phiếu xin lỗi", "Hồ sơ giải quyết quá hạn trong kỳ hoặc đang "
              "quá hạn cuối kỳ", target="fixed", fixed_target=1.0,
              numerator="late_apologised", denominator="late"),
)

# the 766 groups (100 points): maximum points and whether local dossier data can estimate them
GROUPS_766: dict[str, tuple[float, bool]] = {
    "Công khai, minh bạch": (18, False),
    "Tiến độ giải quyết": (20, True),
    "Dịch vụ công trực tuyến": (12, True),
    "Thanh toán trực tuyến": (10, True),
    "Số hóa hồ sơ": (22, True),
    "Mức độ hài lòng": (18, False),
}

# Biểu 06 column groups: the form's title over its columns, and a one-line title for phones
BIEU06_GROUP_TITLES: tuple[tuple[str, str], ...] = (
    ("Số hồ sơ nhận giải quyết", "Tiếp nhận"),
    ("Số lượng hồ sơ đã giải quyết", "Đã giải quyết"),
    ("Số lượng hồ sơ đang giải quyết", "Đang giải quyết"),
)

# The optional dossier columns each computed part cannot be counted without (a part not named
# here needs only the columns every export has: id, unit, procedure, channel, receipt date,
# status). "a|b": either will do. An indicator needs what its parts need; an export that
# lacks one of them leaves the indicator "không có số liệu" for its dossiers, never 0.
_ENDS = "finished_at|returned_at"  # when a dossier ended
_RETURNS = ("return_channel", "returned_at")  # how and when results were handed over
PART_NEEDS: dict[str, tuple[str, ...]] = {
    # (received_total counts what was carried over: a dossier received earlier and not ended)
    **{part: (_ENDS,) for part in (
        "resolved_early", "resolved_on_time", "resolved_late", "resolved_total",
        "resolved_in_time", "pending_in_time", "pending_overdue", "pending_total", "ended",
        "ended_or_pending", "late", "carried_over", "received_total")},
    # 766 on time: the days waiting for the citizen's papers do not count, and a dossier
    # asked for papers more than once is not on time
    "on_time": (_ENDS, "supplement_requests", "supplement_days"),
    "received_digitized": ("digitized",),
    "ended_e_result": (_ENDS, "e_result"),
    "late_apologised": (_ENDS, "apology_issued"),
    "returned_postal": _RETURNS,
    "returned_postal_procedures": ("returned_at",),
    "postal_used": _RETURNS,  # received or returned by post: the return counts too
    "fee_offered_paid_online": ("paid_online",),
    "fee_paid_online": ("paid_online",),
}


def needs(parts: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The optional dossier columns some of these parts cannot be counted without, in the
    contract's order of mention, each once ("a|b": either will do)."""
    return tuple(dict.fromkeys(c for part in parts for c in PART_NEEDS.get(part, ())))


def lacking(parts: tuple[str, ...] | list[str], missing: set[str] | frozenset[str]
            ) -> tuple[str, ...]:
    """The columns these parts need that are ``missing`` from the exports ("a|b" lacks only
    when both are missing)."""
    return tuple(need for need in needs(parts)
                 if all(c in missing for c in need.split("|")))


def family(name: str) -> tuple[Indicator, ...]:
    """The indicators of one family, in registry order."""
    return tuple(i for i in INDICATORS if i.family == name)


def get(indicator_id: str) -> Indicator:
    return BY_ID[indicator_id]


def label(indicator_id: str) -> str:
    """The short label of an indicator ("" -> its name); an unknown id is shown as it is."""
    found = BY_ID.get(indicator_id)
    return found.label if found else indicator_id


def gap_rule(indicator_id: str) -> GapRule:
    """How the gap to an indicator's target is counted and said (plan indicators have one)."""
    rule = get(indicator_id).gap
    if rule is None:
        raise KeyError(f"{indicator_id}: no gap rule in the registry")
    return rule


def name(indicator_id: str) -> str:
    found = BY_ID.get(indicator_id)
    return found.name_vi if found else indicator_id


def parts_of(indicator_id: str) -> tuple[str, str]:
    """The engine's two parts a share divides: (numerator, denominator)."""
    record = get(indicator_id)
    if record.numerator is None or record.denominator is None:
        raise KeyError(f"{indicator_id}: not a share with parts in the registry")
    return record.numerator, record.denominator


def plan_ids(targets=None) -> tuple[str, ...]:
    """The plan's indicators: the records judged on a plan's target, in registry order; with
    a ``targets`` table, those it gives a target for (any unit, any year). A table naming
    none of them (or none at all) gives every record: its figures are still shown, said
    to have no target."""
    ids = tuple(i.id for i in INDICATORS if i.target == "plan")
    if targets is None or not len(targets) or "indicator" not in targets:
        return ids
    named = set(targets["indicator"].astype(str))
    return tuple(i for i in ids if i in named) or ids


# what the records above give, worked out again when a record is added (:func:`extended`)
BY_ID: dict[str, Indicator] = {}
PLAN_INDICATORS: tuple[str, ...] = ()
BIEU06_COLUMNS: tuple[str, ...] = ()
POINTS_766: tuple[Indicator, ...] = ()
MAX_POINTS_766: float = 0.0


def _derive() -> None:
    global BY_ID, PLAN_INDICATORS, BIEU06_COLUMNS, POINTS_766, MAX_POINTS_766
    BY_ID = {i.id: i for i in INDICATORS}
    PLAN_INDICATORS = plan_ids()
    BIEU06_COLUMNS = tuple(i.id for i in family("bieu06") if i.form)
    POINTS_766 = tuple(i for i in family("766") if i.points)
    MAX_POINTS_766 = sum(i.points.maximum for i in POINTS_766 if i.points)


_derive()


@contextmanager
def extended(*records: Indicator) -> Iterator[None]:
    """The registry with ``records`` added while the block runs (a plan target or an
    estimate tried without editing this file: docs/architecture.md). Read the registry's
    names through the module (``registry.PLAN_INDICATORS``), never copied at import."""
    global INDICATORS
    before = INDICATORS
    INDICATORS = (*before, *records)
    _derive()
    try:
        yield
    finally:
        INDICATORS = before
        _derive()


def bieu06_groups() -> tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]:
    """The form's column groups: (title, short title, ((column id, label), …))."""
    return tuple((title, short, tuple((i.id, i.form[1]) for i in family("bieu06")
                                      if i.form and i.form[0] == n))
                 for n, (title, short) in enumerate(BIEU06_GROUP_TITLES))


BIEU06_HEADERS_VI: dict[str, str] = {col: f"{short}: {label}"
                                     for _, short, cols in bieu06_groups() for col, label in cols}


def max_points_766_vi() -> str:
    """The most points the estimates can give, as a report writes it ("48")."""
    return _num(MAX_POINTS_766)


def caveat_766_vi() -> str:
    """What the 766 estimate leaves out, said from the registry: the groups local data cannot
    estimate, and the points of partly estimated groups that need the portal."""
    computed: dict[str, float] = {}
    for i in POINTS_766:
        if i.points:
            computed[i.points.group] = computed.get(i.points.group, 0) + i.points.maximum
    missing = [f"“{g}”" for g, (_, local) in GROUPS_766.items() if not local]
    partial = [f"{_num(total - computed.get(g, 0))}/{_num(total)} điểm “{g}”"
               for g, (total, local) in GROUPS_766.items()
               if local and computed.get(g, 0) < total]
    parts = missing + partial
    listed = ", ".join(parts[:-1]) + " và " + parts[-1] if len(parts) > 1 else "".join(parts)
    return ("Điểm ước tính từ dữ liệu hồ sơ của đơn vị theo cách tính công khai của Bộ chỉ số "
            "766; điểm chính thức là điểm trên Cổng Dịch vụ công quốc gia. "
            + (f"Không tính ở đây vì cần dữ liệu của Cổng: nhóm {listed}." if parts else ""))


def _num(x: float) -> str:
    return f"{x:g}".replace(".", ",")


__all__ = [
    "BIEU06_COLUMNS", "BIEU06_GROUP_TITLES", "bieu06_groups", "BIEU06_HEADERS_VI", "BY_ID",
    "Candidates", "caveat_766_vi", "extended", "FAMILIES", "family", "gap_rule", "GapRule", "get",
    "GROUPS_766", "Indicator", "INDICATORS", "KINDS", "label", "lacking", "MAX_POINTS_766",
    "max_points_766_vi", "name", "needs", "PART_NEEDS", "parts_of", "plan_ids", "PLAN_INDICATORS",
    "Points766", "POINTS_766", "Reading",
]
