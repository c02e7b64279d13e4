"""The command line's Vietnamese: the description, every command's and option's help, and
what the commands print (``cchc_lib/cli.py`` and the stage modules that carry a command's
body: ``ingest/command.py``, ``reports/command.py``, ``indicators/spark.py``,
``delivery/command.py``; the run request, ``core/request.py``)."""

__all__ = [
    "ALL_UNITS_DONE_VI", "ALL_UNITS_FAILED_VI", "ALL_UNITS_NO_DATA_VI", "AS_OF_NOT_A_DAY_VI",
    "AS_OF_OUTSIDE_VI", "BIEU06_ONE_UNIT_VI", "BIEU06_WRITTEN_VI", "CATCH_UP_ALL_UNITS_VI",
    "CATCH_UP_NEGATIVE_VI", "CAUGHT_UP_VI", "COMMANDS_VI", "DESCRIPTION_VI", "EMAIL_SENT_VI",
    "EMAIL_WRITTEN_VI", "ERROR_VI", "FILE_SHEET_VI", "FINAL_NOT_ASKED_VI", "INGEST_STRICT_VI",
    "INGEST_WRITTEN_VI", "INIT_DONE_VI", "INTERRUPTED_VI", "JAVA_HOME_WITHOUT_JAVA_VI",
    "JOBS_AT_LEAST_ONE_VI", "KERNEL_UNKNOWN_VI", "METAVAR_COMMAND_VI", "METAVAR_FOLDER_VI",
    "METAVAR_YEAR_VI", "MONTHS_FORM_VI", "NEW_YEAR_EXISTS_VI", "NEW_YEAR_WRITTEN_VI", "NO_JAVA_VI",
    "NO_PLAN_FOR_REPORT_VI", "NO_REMINDERS_VI", "OPTIONS_VI", "PERIOD_WHAT_VI",
    "PLANS_FILE_UNKNOWN_VI", "PROGRESS_STEP_VI", "PROGRESS_UNIT_VI", "REMINDER_NO_ADDRESS_VI",
    "REMINDER_SENT_VI", "REMINDER_WRITTEN_VI", "REPORT_NONE_VI", "REPORT_SKIPPED_VI",
    "REPORT_UNKNOWN_VI", "SPARK_DONE_VI", "SPARK_INSTALL_HINT_VI", "SPARK_NOT_STARTED_VI",
    "SPARK_OUT_FORMAT_VI", "UNEXPECTED_VI", "UNIT_OR_PERIOD_WHAT_VI", "UNIT_WHAT_VI",
]

DESCRIPTION_VI = """\
Sổ tay Chỉ số CCHC: từ dữ liệu hồ sơ một cửa đến các chỉ tiêu của Chỉ số cải cách hành
chính, Biểu số 06/VPCP/KSTT, bảng điểm, báo cáo kế hoạch và báo cáo của phường, xã.

cách dùng thường gặp:
  cchc ingest                                  đọc data/catalog.yml -> data/processed/
  cchc indicators --unit SAMPLE-P2 --period 2022 --format json
  cchc run --unit SAMPLE-P2 --period 2022      lập báo cáo -> reports/2022/SAMPLE-P2/
  cchc run --unit SAMPLE-P2 --period 2022 --report plan   báo cáo kế hoạch (Word)
  cchc email --unit SAMPLE-P2 --period 2022 --dry-run     soạn thư (tệp .eml)
  cchc spark --months 2022-01..2022-12 --out thang.parquet  mọi đơn vị, trên Spark
"""
METAVAR_COMMAND_VI = "LỆNH"
METAVAR_FOLDER_VI = "THƯ_MỤC"

# per command: (help in the list of commands, description on its own --help page)
COMMANDS_VI = {
    "ingest": ("nhập dữ liệu: đọc tệp xuất, bỏ dữ liệu cá nhân, ghi bảng đã chuẩn hóa",
               "Đọc các tệp khai trong danh mục dữ liệu (hoặc các tệp chỉ ra ở đây), bỏ các cột "
               "dữ liệu cá nhân, ghi các bảng đã chuẩn hóa (Parquet), danh sách dòng bị cách ly "
               "kèm lý do và bảng tổng hợp."),
    "indicators": ("tính các chỉ tiêu của một đơn vị (hoặc nhiều đơn vị) trong một kỳ",
                   "Các chỉ tiêu của kế hoạch (kèm mục tiêu), các chỉ số 766 ước tính, trách "
                   "nhiệm xin lỗi và Biểu 06 theo lĩnh vực, từ dữ liệu đã chuẩn hóa."),
    "run": ("lập báo cáo: chạy các sổ tính (papermill), ghi HTML, Biểu 06 và văn bản",
            "Nhập dữ liệu rồi lập các báo cáo của đơn vị vào reports/<kỳ>/<mã đơn vị>/: bản "
            "HTML để đọc và gửi, Biểu 06 (XLSX, CSV), báo cáo kế hoạch (Word) với --report "
            "plan; hoặc, với --overview, bảng tổng hợp mọi đơn vị vào "
            "reports/<kỳ>/overview/."),
    "spark": ("mọi chỉ tiêu của mọi đơn vị theo tháng, tính trên Apache Spark (cấp tỉnh, cấp "
              "quốc gia)",
              "Cùng các truy vấn của bộ tính chỉ tiêu, chạy trên Apache Spark: mọi chỉ tiêu "
              "(Biểu 06, kế hoạch, 766, xin lỗi) của mọi đơn vị theo từng tháng, đọc Parquet "
              "đã chuẩn hóa ngay nơi lưu (thư mục year=/unit_group=, hdfs://, s3a://). Cần gói "
              "tùy chọn [spark] và Java 17 trở lên. Xem docs/spark.md."),
    "init": ("tạo một thư mục sổ tay mới (dữ liệu mẫu, danh mục dữ liệu, mẫu bộ tiêu chí, "
             "README)",
             "Tạo thư mục sổ tay sẵn dùng cho đơn vị đã cài gói bằng pip (không cần bản dự "
             "án): data/catalog.yml trỏ tới data/raw/, dữ liệu mẫu cho mỗi loại tệp đầu vào, "
             "mẫu bộ tiêu chí chấm điểm, README.md hướng dẫn."),
    "nam-moi": ("lập sổ theo dõi năm mới (so_theo_doi_<năm>.xlsx) từ số liệu năm trước",
                "Ghi sổ theo dõi của năm mới: danh sách đơn vị, kế hoạch năm mới để hoàn "
                "thiện, các nhiệm vụ chưa hoàn thành chuyển sang (có ghi chú), mục tiêu chuyển "
                "sang để rà soát, kết quả chính thức năm trước làm mốc, bảng tự chấm điểm theo "
                "bộ tiêu chí. Không chép tiến độ và điểm tự chấm của năm trước."),
    "email": ("gửi báo cáo qua thư điện tử (hoặc ghi tệp .eml)",
              "Soạn thư từ báo cáo đã lập (chạy `cchc run` trước): nội dung báo cáo đọc được "
              "trên điện thoại, biểu đồ kèm trong thư, phần tóm tắt dạng văn bản, các văn bản "
              "cần nộp đính kèm; gửi qua SMTP. Cấu hình: CCHC_SMTP_HOST, CCHC_SMTP_PORT, "
              "CCHC_SMTP_SECURITY (starttls|ssl|none), CCHC_SMTP_USER, CCHC_SMTP_FROM, "
              "CCHC_SMTP_CAFILE; mật khẩu chỉ đặt ở biến môi trường CCHC_SMTP_PASSWORD."),
}

# every option's help, by (command, option); "*" for an option several commands share.
# {forms} is the period notation (core/periods.py), %(default)s argparse's default
OPTIONS_VI = {
    ("*", "--catalog"): "danh mục dữ liệu, YAML (mặc định: %(default)s)",
    ("*", "--quiet"): ("chỉ in lỗi và cảnh báo (cho lịch chạy tự động); mọi kết quả vẫn ghi vào "
                       "logs/cchc.log"),
    ("*", "--verbose"): "in từng bước đang làm, kèm thời gian",
    ("run", "--catch-up"): ("cùng --all-units: lập bù báo cáo của tối đa N kỳ liền trước (cùng "
                            "loại tháng, quý, năm) còn thiếu, ví dụ khi máy tắt vào ngày chạy "
                            "theo lịch"),
    ("*", "--data"): "thư mục dữ liệu đã chuẩn hóa (mặc định: %(default)s)",
    ("*", "--reports"): "thư mục báo cáo (mặc định: %(default)s)",
    ("*", "--period"): "kỳ báo cáo: {forms}",
    ("ingest", "--dossiers"): "tệp xuất hồ sơ (CSV/XLSX) đọc thay cho tệp trong danh mục",
    ("ingest", "--unit"): "mã đơn vị của các tệp --dossiers khi tệp không có cột đơn vị",
    ("ingest", "--procedure-catalogue"): "danh mục TTHC dùng thay cho tệp trong danh mục dữ "
                                         "liệu",
    ("ingest", "--units-file"): "tệp danh sách đơn vị dùng thay cho tệp trong danh mục dữ liệu",
    ("ingest", "--out"): "thư mục ghi kết quả (mặc định: %(default)s)",
    ("ingest", "--full"): "đọc lại mọi tệp, kể cả tệp không đổi từ lần nhập trước (mặc định: "
                          "chỉ đọc tệp mới hoặc đã đổi, kết quả các tệp khác lấy từ "
                          "data/cache/)",
    ("ingest", "--strict"): "cho lần chạy tự động: dừng với mã 2, không ghi gì, khi có cảnh "
                            "báo: một giá trị không đọc được làm cách ly từ 1 %% số dòng của "
                            "một tệp (hoặc 20 dòng), một cột có tiêu đề nhắc đến hẹn, bổ sung, "
                            "xin lỗi… không được đọc",
    ("indicators", "--unit"): "mã đơn vị, ví dụ SAMPLE-P2; nhiều mã cách nhau bằng dấu phẩy, "
                              "hoặc 'all' cho mọi đơn vị, được cộng gộp thành một nhóm",
    ("indicators", "--by-field"): "thêm các chỉ tiêu của kế hoạch và chỉ số 766 theo từng "
                                  "lĩnh vực",
    ("indicators", "--format"): "định dạng kết quả (mặc định: %(default)s)",
    ("indicators", "--bieu06"): "ghi thêm Biểu số 06/VPCP/KSTT để nộp (.xlsx hoặc .csv)",
    ("run", "--unit"): "mã đơn vị, ví dụ SAMPLE-P2",
    ("run", "--overview"): "bảng tổng hợp cấp thị xã: mọi đơn vị, có xếp hạng",
    ("run", "--all-units"): "mọi đơn vị trong dữ liệu, chạy song song (cho lịch chạy tự "
                            "động): một đơn vị lỗi không làm dừng các đơn vị khác; mã thoát 3 "
                            "nếu có lỗi",
    ("run", "--jobs"): "--all-units: số đơn vị chạy cùng lúc (mặc định: mỗi nhân CPU một đơn "
                       "vị)",
    ("run", "--report"): "báo cáo nào, cách nhau bằng dấu phẩy: ward (báo cáo chỉ số), "
                         "scorecard (bảng điểm), plan (báo cáo kế hoạch), hoặc all (mặc định: "
                         "%(default)s)",
    ("run", "--as-of"): "báo cáo kế hoạch: tính đến ngày nào (mặc định: cuối kỳ hoặc ngày cuối "
                        "cùng có số liệu)",
    ("run", "--skip-ingest"): "dùng dữ liệu đã chuẩn hóa sẵn, không nhập lại",
    ("run", "--kernel"): "tên kernel Jupyter (mặc định: %(default)s)",
    ("run", "--final"): "báo cáo kế hoạch (Word) là bản chính thức của đơn vị: không ghi "
                        "\"DỰ THẢO\" (mặc định: bản dự thảo)",
    ("run", "--pdf"): "xuất thêm bản PDF của từng trang báo cáo (cần Chromium, Chrome hoặc Edge) "
                      "và của văn bản Word (cần LibreOffice); thiếu chương trình nào thì báo "
                      "một dòng và bỏ qua",
    ("email", "--final"): "gửi báo cáo kế hoạch đã lập là bản chính thức (không có tùy chọn "
                          "này, chỉ gửi bản dự thảo)",
    ("spark", "--dossiers"): "hồ sơ đã chuẩn hóa: tệp, thư mục hoặc mẫu Parquet (mặc định: "
                             "%(default)s)",
    ("spark", "--procedure-catalogue"): "danh mục TTHC đã chuẩn hóa (mặc định: %(default)s)",
    ("spark", "--calendar"): "lịch làm việc đã chuẩn hóa (calendar.parquet); nếu không: lịch "
                             "nghỉ lễ quốc gia",
    ("spark", "--months"): "các tháng cần tính, ví dụ 2021-01..2022-12",
    ("spark", "--unit"): "chỉ các mã đơn vị này, cách nhau bằng dấu phẩy (mặc định: mọi đơn vị "
                         "có hồ sơ)",
    ("spark", "--master"): "cụm Spark, ví dụ spark://host:7077, yarn, local[4] (mặc định: của "
                           "spark-submit, hoặc mọi nhân máy này)",
    ("spark", "--out"): "tệp kết quả, .parquet hoặc .csv (một dòng mỗi đơn vị × tháng)",
    ("init", "folder"): "thư mục mới hoặc trống",
    ("nam-moi", "year"): "năm mới, ví dụ 2023 (số liệu năm trước lấy từ --data)",
    ("nam-moi", "--data"): "thư mục dữ liệu đã chuẩn hóa của năm trước (mặc định: %(default)s)",
    ("nam-moi", "--out"): "tệp sổ theo dõi sẽ ghi (mặc định: data/raw/so_theo_doi_<năm>.xlsx); "
                          "không ghi đè tệp đã có",
    ("email", "--unit"): "mã đơn vị, ví dụ SAMPLE-P2 (với --report overview: đơn vị nhận thư)",
    ("email", "--report"): "gửi báo cáo nào; tasks: nhắc việc từng người chủ trì các nhiệm vụ "
                           "quá hạn, có nguy cơ, chưa cập nhật hoặc sắp đến hạn (mặc định: "
                           "%(default)s)",
    ("email", "--as-of"): "--report tasks: tính đến ngày nào (mặc định: cuối kỳ hoặc ngày cuối "
                          "cùng có số liệu)",
    ("email", "--to"): "địa chỉ người nhận (nếu không, lấy từ tệp danh sách người nhận)",
    ("email", "--recipients"): ("danh sách người nhận theo đơn vị: tệp YAML, hoặc sổ theo dõi "
                                "so_theo_doi_<năm>.xlsx (trang “Người nhận”) "
                                "(mặc định: %(default)s)"),
    ("email", "--data"): "thư mục dữ liệu đã chuẩn hóa, để kiểm tra kỳ có số liệu (mặc định: "
                         "%(default)s)",
    ("email", "--smtp-config"): "tệp INI có mục [smtp], để ngoài thư mục dự án",
    ("email", "--dry-run"): "ghi thư ra tệp thay vì gửi (mặc định: cạnh báo cáo)",
}

# ---- what the commands print ------------------------------------------------------------
ERROR_VI = "cchc: lỗi: {problem}"
INTERRUPTED_VI = "cchc: đã dừng theo yêu cầu"
UNEXPECTED_VI = ("cchc: lỗi ngoài dự kiến: {kind}: {problem}\n(đây là lỗi của phần mềm; chạy "
                 "lại với CCHC_DEBUG=1 để xem chi tiết và báo cho người phát triển)")
INIT_DONE_VI = ("đã tạo thư mục sổ tay {folder} ({n} tệp). Tiếp theo:\n  cd {given}\n  cchc "
                "ingest\n  cchc run --unit SAMPLE-P2 --period 2022\nĐọc README.md trong thư mục "
                "để thay dữ liệu mẫu bằng dữ liệu của đơn vị.")
INGEST_STRICT_VI = ("--strict: không ghi dữ liệu nào; hãy ghi các giá trị và cột trên trong "
                    "danh mục dữ liệu (value_map, columns) hoặc sửa tệp xuất")
INGEST_WRITTEN_VI = "đã ghi vào {folder}"
BIEU06_ONE_UNIT_VI = "--bieu06: Biểu 06 được lập cho từng đơn vị một"
BIEU06_WRITTEN_VI = "đã ghi Biểu 06 vào {path}"
REPORT_UNKNOWN_VI = "--report: không có báo cáo {names}; chọn trong {kinds} hoặc all"
REPORT_NONE_VI = "(trống)"
PERIOD_WHAT_VI = "kỳ"
UNIT_WHAT_VI = "mã đơn vị"
UNIT_OR_PERIOD_WHAT_VI = "mã đơn vị hoặc kỳ"
AS_OF_NOT_A_DAY_VI = "--as-of: '{text}' không phải một ngày có thật dạng YYYY-MM-DD"
AS_OF_OUTSIDE_VI = "--as-of: ngày {day} nằm ngoài năm của kỳ báo cáo ({start} đến {end})"
JOBS_AT_LEAST_ONE_VI = "--jobs: cần từ 1 trở lên (đã cho {jobs})"
PROGRESS_STEP_VI = "bước"
PROGRESS_UNIT_VI = "đơn vị"
ALL_UNITS_DONE_VI = ("đã lập báo cáo {made}/{total} đơn vị cho kỳ {period}; báo cáo trong "
                     "{folder}/{period}/")
ALL_UNITS_NO_DATA_VI = "KHÔNG CÓ SỐ LIỆU {unit}: {message} (không lập báo cáo)"
ALL_UNITS_FAILED_VI = "LỖI {unit}: {message} (nhật ký: {log})"
MONTHS_FORM_VI = "--months: '{months}' không đúng dạng YYYY-MM..YYYY-MM"
SPARK_DONE_VI = "đã tính {units} đơn vị × {months} tháng ({rows} dòng) vào {path}"
EMAIL_WRITTEN_VI = ("đã ghi thư vào {path} ({size} byte HTML, {images} biểu đồ, {files} tệp "
                    "đính kèm)")
EMAIL_SENT_VI = "đã gửi tới {to} qua {host}:{port}"
NO_REMINDERS_VI = "không có nhiệm vụ nào cần nhắc"
REMINDER_NO_ADDRESS_VI = "chưa có địa chỉ của {lead} ({n} nhiệm vụ): thêm vào mục officers:"
REMINDER_WRITTEN_VI = "đã ghi thư nhắc việc cho {lead} ({n} nhiệm vụ) vào {path}"
REMINDER_SENT_VI = "đã gửi thư nhắc việc cho {lead} ({n} nhiệm vụ) tới {to}"

# ---- indicators/spark.py: Spark and Java --------------------------------------------------
SPARK_INSTALL_HINT_VI = ("cần Apache Spark: cài gói tùy chọn `pip install "
                         "'cchc-workbook[spark]'` và Java 17 trở lên (Debian: apt-get install "
                         "default-jre-headless)")
JAVA_HOME_WITHOUT_JAVA_VI = "JAVA_HOME={home}: không có {java}; {hint}"
NO_JAVA_VI = "không tìm thấy Java (lệnh java); {hint}"
SPARK_NOT_STARTED_VI = "không khởi động được Spark ({kind}: {problem}); {hint}"
SPARK_OUT_FORMAT_VI = "{path}: chỉ ghi được tệp .parquet hoặc .csv"

# ---- delivery/runs.py, delivery/mail.py: a plan report for a unit without a plan ---------
KERNEL_UNKNOWN_VI = ("--kernel: không có kernel Jupyter '{name}' (đã cài: {installed}); bỏ "
                     "--kernel để dùng kernel của sổ tay ({default})")
CATCH_UP_ALL_UNITS_VI = "--catch-up chỉ dùng cùng --all-units (lịch chạy tự động cho mọi đơn vị)"
CATCH_UP_NEGATIVE_VI = "--catch-up: cần từ 0 trở lên (đã cho {n})"
CAUGHT_UP_VI = "đã lập bù báo cáo các kỳ còn thiếu: {periods}"
FILE_SHEET_VI = "{file}, trang tính “{sheet}”"
NO_PLAN_FOR_REPORT_VI = ("{unit} chưa có kế hoạch năm {year} trong tệp kế hoạch ({plans}): "
                         "không có báo cáo kế hoạch để lập hoặc gửi; thêm kế hoạch của đơn vị "
                         "vào tệp đó rồi chạy lại")
PLANS_FILE_UNKNOWN_VI = "mục plans của danh mục dữ liệu"
REPORT_SKIPPED_VI = "không lập {report}: {reason}"
METAVAR_YEAR_VI = "NĂM"
NEW_YEAR_EXISTS_VI = "{path} đã có: không ghi đè sổ theo dõi; chọn tệp khác bằng --out"
NEW_YEAR_WRITTEN_VI = ("Đã ghi sổ theo dõi năm {year}: {path} ({tasks} nhiệm vụ chuyển sang, "
                       "{targets} mục tiêu cần rà soát). Ghi số, ngày, trích yếu kế hoạch năm "
                       "{year} ở trang “Kế hoạch”, rồi sửa data/catalog.yml để các bảng tự theo "
                       "dõi đọc từ tệp này.")
FINAL_NOT_ASKED_VI = ("{path} là bản chính thức (lập với --final): chỉ gửi khi được yêu cầu, "
                      "thêm --final vào lệnh cchc email")
