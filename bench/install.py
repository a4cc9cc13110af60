"""A regular (non-editable) install of the project in a throwaway virtual environment.

Users get baocao from ``pip install``: the package copied into site-packages and compiled to
bytecode. The children of a benchmark run from such an install, so a cold start costs what it
costs a user. The dependencies are not installed again: a ``.pth`` file puts the running
interpreter's site-packages on the path. Unlike ``--system-site-packages``, this does not run
that folder's own ``.pth`` hooks (an editable install's finder, for one), which a user's
environment would not have either.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

_TOP_NOT_PACKAGED = {"build", "dist", "output", "tests", "data", "bench"}


@dataclass(frozen=True)
class Install:
    """Where the installed project's interpreter and ``baocao`` command are."""

    root: Path

    @property
    def bin(self) -> Path:
        return self.root / ("Scripts" if os.name == "nt" else "bin")

    @property
    def python(self) -> str:
        return str(self.bin / ("python.exe" if os.name == "nt" else "python"))

    @property
    def baocao(self) -> str:
        return str(self.bin / ("baocao.exe" if os.name == "nt" else "baocao"))


def install(project: Path, where: Path) -> Install:
    """Install `project` (a checkout) into a new virtual environment under `where`.

    The checkout is copied first, so that setuptools' ``build/`` folder lands in the temp
    folder: a stale one in the checkout could add modules that no longer exist.
    """
    source = where / "source"
    def skipped(folder: str, names: list[str]) -> set[str]:
        top = Path(folder) == project
        return {name for name in names if name.startswith(".") or name == "__pycache__"
                or name.endswith(".egg-info") or (top and name in _TOP_NOT_PACKAGED)}

    shutil.copytree(project, source, ignore=skipped)
    env = Install(where / "venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env.root)], check=True)
    purelib = subprocess.run([env.python, "-c", "import sysconfig; print(sysconfig.get_paths()"
                              "['purelib'])"], capture_output=True, text=True, check=True)
    dependencies = [*site.getsitepackages(), sysconfig.get_paths()["purelib"]]
    if site.ENABLE_USER_SITE and os.path.isdir(site.getusersitepackages()):
        dependencies.append(site.getusersitepackages())
    (Path(purelib.stdout.strip()) / "bench-dependencies.pth").write_text(
        "\n".join(dict.fromkeys(dependencies)) + "\n", encoding="utf-8")
    subprocess.run([env.python, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--ignore-installed", "--compile", str(source)], check=True,
                   env=installed_env())
    return env


def installed_env() -> dict[str, str]:
    """Return the environment for children of an install: nothing pointing at the checkout."""
    env = dict(os.environ)
    for name in ("PYTHONPATH", "PYTHONPYCACHEPREFIX", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env
