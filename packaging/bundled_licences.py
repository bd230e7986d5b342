"""The licences of what the bundle carries, for the .deb's /usr/share/doc/claim-reader.

The bundle redistributes Python, Qt (LGPL-3.0 through PySide6) and the Python packages the app
depends on; their licences ask that their notices travel with them. This lists every runtime
distribution (pyproject.toml's dependencies, followed recursively, extras left out) with its
licence, and copies the licence files each one ships.
"""

from __future__ import annotations

import importlib.metadata
import shutil
import sysconfig
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

LICENCE_WORDS = ("LICEN", "COPYING", "NOTICE")


def declared_requirements(root: Path) -> list[str]:
    """pyproject.toml's dependencies: what the bundle carries besides Python."""
    pyproject = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))
    return list(pyproject["project"]["dependencies"])


def runtime_distributions(requirements: list[str]) -> list[importlib.metadata.Distribution]:
    """The installed distributions that ``requirements`` (pyproject.toml's dependencies) pull
    in, followed recursively (with the extras they ask for), sorted by name."""
    found: dict[str, importlib.metadata.Distribution] = {}
    done: set[tuple[str, str]] = set()  # (distribution, extra) pairs already followed
    pending: list[tuple[Requirement, str]] = [(Requirement(text), "") for text in requirements]
    while pending:
        requirement, extra = pending.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": extra}):
            continue  # for another platform or Python, or an extra nobody asked for
        name = canonicalize_name(requirement.name)
        try:
            dist = found.get(name) or importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        found[name] = dist
        for wanted in ("", *sorted(requirement.extras)):
            if (name, wanted) not in done:
                done.add((name, wanted))
                pending += [(Requirement(text), wanted) for text in dist.requires or []]
    return sorted(found.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def licence_of(dist: importlib.metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    short = (meta.get("License") or "").strip().splitlines()
    return "; ".join(classifiers) or (short[0] if short else "see the package's metadata")


def licence_files(dist: importlib.metadata.Distribution) -> list[Path]:
    found = []
    for entry in dist.files or []:
        if any(word in entry.name.upper() for word in LICENCE_WORDS):
            path = Path(str(dist.locate_file(entry)))
            if path.is_file():
                found.append(path)
    return found


def write_licences(doc_dir: Path, app_version: str, requirements: list[str]) -> list[str]:
    """Write ``copyright`` and ``licenses/<distribution>/...`` into ``doc_dir`` for the app
    and what ``requirements`` pull in; returns the distribution names listed."""
    licences = doc_dir / "licenses"
    lines = [
        "Claim Reader " + app_version,
        "Copyright: Claim Reader developers",
        "License: MIT",
        "",
        "The program in /opt/claim-reader also contains the following, each under its own",
        "licence; the licence files they ship are in /usr/share/doc/claim-reader/licenses/.",
        "",
        f"Python {sysconfig.get_python_version()}: PSF-2.0",
    ]
    python_licence = Path(sysconfig.get_path("stdlib")) / "LICENSE.txt"
    if python_licence.is_file():
        (licences / "Python").mkdir(parents=True, exist_ok=True)
        shutil.copy2(python_licence, licences / "Python" / "LICENSE.txt")
    else:  # distributions' own Pythons keep it elsewhere
        lines[-1] += " (https://docs.python.org/3/license.html)"
    names = []
    for dist in runtime_distributions(requirements):
        name = dist.metadata["Name"]
        names.append(name)
        lines.append(f"{name} {dist.version}: {licence_of(dist)}")
        for path in licence_files(dist):
            target = licences / name / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    if any(canonicalize_name(n).startswith("pyside6") for n in names):
        lines += ["", "Qt and PySide6 are used under the GNU Lesser General Public License",
                  "version 3: https://www.gnu.org/licenses/lgpl-3.0.html. Their source is at",
                  "https://download.qt.io/official_releases/QtForPython/."]
    doc_dir.mkdir(parents=True, exist_ok=True)
    (doc_dir / "copyright").write_text("\n".join(lines) + "\n", "utf-8")
    return names
