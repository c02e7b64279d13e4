"""The Vietnamese of the PAR index stage: for :mod:`cchc_lib.par.scoring` (the flags a scored
criterion carries, the message when no methodology was ingested) and :mod:`cchc_lib.par.tasks`
(how a unit's plan, or the general targets it follows instead, is named in its reports). A
leaf: it imports nothing from the workbook."""

__all__ = [
    "FLAG_ABOVE_MAX", "FLAG_FILE_MISSING", "FLAG_NO_DATA", "FLAG_NO_EVIDENCE", "FLAG_NO_VALUE",
    "FLAG_NOT_SCORED", "GENERAL_TARGETS_BASIS_VI", "GENERAL_TARGETS_NAME_VI", "NO_METHODOLOGY_VI",
    "NO_OWN_PLAN_VI", "NUMBER_PREFIX_PATTERN", "PLAN_DATE_VI", "PLAN_ISSUER_VI", "PLAN_NAME_VI",
    "PLAN_TARGETS_VI", "TARGET_CARRIED_BARE_VI", "TARGET_CARRIED_VI", "TASK_CARRIED_VI",
]

# cchc_lib.par.scoring: the flag of a scored criterion (read also by cchc_lib.par.evidence)
FLAG_NO_EVIDENCE = "Có điểm nhưng thiếu tài liệu kiểm chứng"
FLAG_FILE_MISSING = "Có điểm nhưng tệp minh chứng không có trong thư mục data/evidence"
FLAG_NOT_SCORED = "Chưa tự chấm"
FLAG_ABOVE_MAX = "Điểm tự chấm vượt điểm tối đa (đã tính bằng điểm tối đa)"
FLAG_NO_VALUE = "Chỉ số không áp dụng trong kỳ (0 điểm)"
FLAG_NO_DATA = "Không chấm điểm"  # + ": không có số liệu: tệp xuất không có cột …"

# cchc_lib.par.scoring: no methodology beside the processed tables
NO_METHODOLOGY_VI = ("{path}: chưa có bộ chỉ số; hãy khai báo trong danh mục dữ liệu "
                     "(methodology: {{path: ...}}) rồi chạy `cchc ingest`")

# cchc_lib.par.tasks: the name of a unit's own plan, built in parts
# ("Kế hoạch 99/KH-UBND ngày 21/02/2022 của UBND phường 2"), and what its targets are
PLAN_NAME_VI = "Kế hoạch số {number}"
NUMBER_PREFIX_PATTERN = r"^(số|so)\s*[:.]?\s*(?=\d)"  # "số 99/…", "Số: 99/…": the word said once
PLAN_DATE_VI = " ngày {date:%d/%m/%Y}"
PLAN_ISSUER_VI = " của {issuer}"
PLAN_TARGETS_VI = "của {name}"

# cchc_lib.par.tasks: a unit without a plan of its own follows the general targets
NO_OWN_PLAN_VI = "đơn vị chưa có kế hoạch riêng"
GENERAL_TARGETS_NAME_VI = "mục tiêu chung"
GENERAL_TARGETS_BASIS_VI = "chung ({basis})"

# cchc_lib.par.new_year: what next year's records say they carry
TASK_CARRIED_VI = "[Chuyển từ năm {year}] {task}"
TARGET_CARRIED_VI = "Chuyển từ năm {year}, cần rà soát ({source})"
TARGET_CARRIED_BARE_VI = "Chuyển từ năm {year}, cần rà soát"
