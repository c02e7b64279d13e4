"""tasks.py, the set-up without make: its help, the paths it uses on Windows (simulated by
loading it as on a PC where os.name is "nt"), and that make calls it for every target."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("tasks_script", ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_help_lists_the_tasks():
    done = subprocess.run([sys.executable, "tasks.py", "--help"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0
    for task in ("report", "test", "setup", "lock"):
        assert task in done.stdout


def test_the_environment_where_windows_puts_it():
    tasks = _load()
    assert tasks.venv_paths(True) == (ROOT / ".venv" / "Scripts",
                                      ROOT / ".venv" / "Scripts" / "python.exe")
    assert tasks.venv_paths(False)[1] == ROOT / ".venv" / "bin" / "python"


def test_every_make_target_is_a_task():
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = re.findall(r"^([a-z]+):", make, re.M)
    for target in targets:
        assert f"tasks.py {target}" in make, target
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
