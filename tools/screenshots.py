"""Screenshots for the user guide (docs/huong_dan.md): the first screen of each report on a
390-px phone, as the browser tests captured them (tests/artifacts/, after `make test`), reduced
to a 64-colour palette so the repository stays small. Run: python tools/screenshots.py"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ("ward_report_390", "scorecard_390", "plan_progress_390", "town_overview_390",
         "ward_report_1280")
PHONE_SCREEN = (390, 844)


def main() -> int:
    out = ROOT / "docs/img"
    out.mkdir(exist_ok=True)
    for name in SHOTS:
        source = ROOT / "tests/artifacts" / f"{name}.png"
        if not source.is_file():
            print(f"{source}: chưa có; hãy chạy `make test` (kiểm thử trình duyệt) trước",
                  file=sys.stderr)
            return 1
        image = Image.open(source).convert("RGB")
        if image.width == PHONE_SCREEN[0]:
            image = image.crop((0, 0, *PHONE_SCREEN))
        image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(
            out / f"{name}.png", optimize=True)
        print(out / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
