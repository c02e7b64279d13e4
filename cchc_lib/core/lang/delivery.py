"""The Vietnamese of part of the delivery stage: for :mod:`cchc_lib.delivery.mail` (the
recipients file's format, the plain-text part's closing line, the messages about SMTP
settings, logging in and sending) and :mod:`cchc_lib.delivery.init` (the messages of ``cchc
init``). A leaf: it imports nothing from the workbook."""

__all__ = [
    "BAD_ADDRESSES_VI", "BAD_SECURITY_VI", "DELIVERED_SOME_VI", "DRAFT_SUBJECT_VI",
    "FILE_NAME_WHAT_VI", "FOLDER_NOT_EMPTY_VI", "FULL_REPORT_IN_HTML_VI", "KERNEL_NOT_STARTED_VI",
    "LOGIN_REFUSED_VI", "NO_LEAD_ADDRESS_VI", "NO_MAIL_SERVER_VI", "NO_MECHANISMS_VI",
    "NO_PASSWORD_VI", "NO_RECIPIENTS_VI", "NO_SMTP_SECTION_VI", "NO_UPDATE_YET_VI",
    "NON_ASCII_PASSWORD_VI", "NOTEBOOK_STOPPED_VI", "NOTEBOOK_UNEXPECTED_VI", "OFFICERS_FORMAT_VI",
    "PASSWORD_IN_FILE_VI", "PLAINTEXT_PASSWORD_VI", "RECIPIENTS_BAD_KIND_VI",
    "RECIPIENTS_BAD_ROW_VI", "RECIPIENTS_FORMAT_VI", "RECIPIENTS_NO_SHEET_VI", "RECIPIENTS_ROW_VI",
    "RECIPIENTS_UNREADABLE_VI", "REFUSED_VI", "REMINDER_COLUMNS_VI", "REMINDER_HEAD_VI",
    "REMINDER_SUBJECT_VI", "REPORT_NOT_RUN_VI", "SEND_FAILED_VI", "SMTP_NOT_CONFIGURED_VI",
    "STARTER_FILES_MISSING_VI",
]

# cchc_lib.delivery.mail: the recipients file and the report to mail
RECIPIENTS_FORMAT_VI = ("danh sách người nhận viết theo dạng "
                        "'MÃ_ĐƠN_VỊ: [địa chỉ, …]' (và 'default: […]')")
RECIPIENTS_NO_SHEET_VI = "sổ theo dõi không có trang tính “{sheet}” (danh sách người nhận)"
RECIPIENTS_UNREADABLE_VI = ("không đọc được sổ theo dõi ({problem}): mở bằng Excel, lưu lại rồi "
                            "chạy lại")
RECIPIENTS_ROW_VI = "trang tính “{sheet}”, dòng {row}"
RECIPIENTS_BAD_KIND_VI = "{where}: cột “Nhận” phải là một trong: {kinds}"
RECIPIENTS_BAD_ROW_VI = ("{where}: cần mã đơn vị (hoặc “Các đơn vị khác”), chức danh (khi nhận "
                         "nhắc việc) và một địa chỉ thư điện tử không có dấu cách")
NO_PASSWORD_VI = "đã đặt {user_env} nhưng chưa đặt {password_env} (mật khẩu máy chủ thư)"
REFUSED_VI = "máy chủ thư không nhận {address}: {code} {reply}"
DELIVERED_SOME_VI = "đã gửi tới {sent}/{total} người nhận; {refused} địa chỉ bị từ chối (xem trên)"
BAD_ADDRESSES_VI = ("không phải địa chỉ thư điện tử: {addresses} (mỗi địa chỉ dạng ten@mien.vn; "
                    "nhiều địa chỉ cách nhau bằng dấu ; hoặc ,)")
NO_RECIPIENTS_VI = "chưa có người nhận cho {unit}: ghi --to hoặc liệt kê trong {book}"
REPORT_NOT_RUN_VI = "{notebook}: chưa có báo cáo; hãy chạy `cchc run {how} --period {period}` trước"

# cchc_lib.delivery.mail: after the summary in the message's plain-text part
FULL_REPORT_IN_HTML_VI = "\n\n(Báo cáo đầy đủ ở phần HTML của thư.)\n"

# cchc_lib.delivery.mail: SMTP settings
NO_SMTP_SECTION_VI = "{config}: không có mục [smtp]"
PASSWORD_IN_FILE_VI = "{config}: không ghi mật khẩu vào tệp; hãy đặt biến môi trường {env}"
SMTP_NOT_CONFIGURED_VI = ("chưa cấu hình SMTP: đặt {host_env} và {sender_env} "
                          "(hoặc dùng --dry-run để ghi thư ra tệp)")
BAD_SECURITY_VI = "{env} phải là starttls, ssl hoặc none (không phải {security})"
PLAINTEXT_PASSWORD_VI = ("{env}=none sẽ gửi mật khẩu không mã hóa: dùng starttls hoặc ssl, "
                         "hoặc đặt {plaintext_env}=1 nếu máy chủ ở ngay máy này và chấp nhận "
                         "điều đó")

# cchc_lib.delivery.mail: logging in and sending
NO_MECHANISMS_VI = "không có"  # the server offers no login mechanism
NON_ASCII_PASSWORD_VI = ("máy chủ SMTP chỉ nhận cơ chế đăng nhập {mechanisms}, không gửi được "
                         "mật khẩu có dấu bằng cơ chế này: đổi mật khẩu chỉ gồm chữ không dấu, "
                         "hoặc bật AUTH PLAIN/LOGIN trên máy chủ")
NO_MAIL_SERVER_VI = "chưa cấu hình máy chủ thư (CCHC_SMTP_HOST…): thư không được gửi"
LOGIN_REFUSED_VI = ("máy chủ SMTP {host} từ chối đăng nhập của {user} (cơ chế {mechanism}, "
                    "mã {code}): kiểm tra tên đăng nhập và mật khẩu trong {password_env}")
SEND_FAILED_VI = "gửi qua {host}:{port} không thành công: {error_type}: {error}"

# cchc_lib.delivery.init: `cchc init FOLDER`
FOLDER_NOT_EMPTY_VI = ("{folder}: thư mục đã có nội dung; chọn một thư mục mới hoặc trống "
                       "(không ghi đè dữ liệu đã có)")
STARTER_FILES_MISSING_VI = ("gói cài đặt thiếu tệp mẫu: {missing} (trong {source}); "
                            "cài lại gói cchc-workbook")

# ---- delivery/reminders.py ------------------------------------------------------------------
OFFICERS_FORMAT_VI = ("mục 'officers:' viết theo dạng 'officers: {{MÃ_ĐƠN_VỊ: {{chức danh: "
                      "[địa chỉ, …]}}}}'")
DRAFT_SUBJECT_VI = "[{mark}] {subject}"  # a report whose Word document is a draft
REMINDER_SUBJECT_VI = "Nhắc việc {plan}: {n} nhiệm vụ cần xử lý ({unit})"
REMINDER_COLUMNS_VI = {"task_id": "TT", "task": "Nhiệm vụ", "timeframe": "Thời gian",
                       "status": "Tình trạng", "last_update": "Cập nhật gần nhất",
                       "indicators": "Chỉ tiêu liên quan"}
NO_UPDATE_YET_VI = "chưa có"
REMINDER_HEAD_VI = ("# Nhắc việc: {plan}\n\nKính gửi **{lead}** ({unit}). Tính đến ngày {as_of}, "
                    "có **{n}** nhiệm vụ do đồng chí chủ trì cần xử lý (quá hạn, có nguy cơ không "
                    "đạt chỉ tiêu, chưa cập nhật quá 1 tháng, hoặc đến hạn trong 30 ngày tới). Đề "
                    "nghị cập nhật tiến độ và tài liệu kiểm chứng.")
NO_LEAD_ADDRESS_VI = ("chưa có địa chỉ của người chủ trì nào của {unit}: thêm mục 'officers:' "
                      "vào {book}")
FILE_NAME_WHAT_VI = "tên tệp"

# ---- delivery/notebooks.py ------------------------------------------------------------------
KERNEL_NOT_STARTED_VI = ("{notebook}: không khởi động được kernel Jupyter '{kernel}' sau "
                         "{attempts} lần thử ({problem})")
# a notebook stopped on an error: the workbook's own message as it is, any other with its kind
NOTEBOOK_STOPPED_VI = "{notebook} (ô {cell}): {problem}"
NOTEBOOK_UNEXPECTED_VI = ("{notebook} (ô {cell}): lỗi ngoài dự kiến {kind}: {problem} (đây là "
                          "lỗi của phần mềm; mở sổ tính trong JupyterLab để xem chi tiết)")
