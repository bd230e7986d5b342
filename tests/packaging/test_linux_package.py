"""The .deb's metadata and layout, checked without PyInstaller or dpkg."""

from __future__ import annotations

import configparser
import os
import re
import stat
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET
from pathlib import Path

from packaging_scripts import PACKAGING, ROOT, load

from reader.bundled import ICON_SIZES

contents = load("bundle_contents")
linux = load("linux_dependencies")
build = load("claim_reader_build", "build")

METAINFO = PACKAGING / "linux" / "io.github.claimreader.ClaimReader.metainfo.xml"
DESKTOP = ROOT / "resources" / "claim-reader.desktop"


def control_fields(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    key = ""
    for line in text.splitlines():
        if line.startswith(" "):
            fields[key] += "\n" + line
        else:
            key, _, value = line.partition(":")
            assert key and re.fullmatch(r"[A-Za-z][A-Za-z0-9-]*", key), line
            fields[key] = value.strip()
    return fields


def render(needed: set[str] | None = None) -> dict[str, str]:
    template = (PACKAGING / "linux" / "control.in").read_text("utf-8")
    return control_fields(linux.render_control(template, version="1.2.3", architecture="amd64",
                                               installed_kib=4321, needed=needed))


def test_control_depends_on_the_qt_xcb_runtime() -> None:
    fields = render(needed=set())
    depends = linux.packages([fields["Depends"]])
    for package in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
                    "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xkb1",
                    "libxkbcommon-x11-0", "libxkbcommon0", "libx11-xcb1", "libxcb1"):
        assert package in depends, package
    assert re.match(r"libc6( \(>= [0-9.]+\))?, ", fields["Depends"])
    assert "Recommends" not in fields  # an empty field would make dpkg-deb refuse the package


def test_control_fields_are_filled_from_the_build() -> None:
    fields = render(needed={"libcups.so.2", "libgtk-3.so.0"})
    assert fields["Package"] == "claim-reader"
    assert fields["Version"] == "1.2.3"
    assert fields["Architecture"] == "amd64"
    assert fields["Installed-Size"] == "4321"
    assert "libcups2t64 | libcups2" in fields["Depends"]
    assert "libssl3" not in fields["Depends"]  # not needed by this bundle
    assert fields["Recommends"] == "libgtk-3-0t64 | libgtk-3-0"
    assert fields["Description"].startswith("offline reader for fact-checkers\n ")
    assert "@" not in "".join(v for k, v in fields.items() if k != "Maintainer")


def test_every_library_the_installed_qt_links_against_is_known() -> None:
    """The table behind Depends covers every system library that the kept parts of the
    installed PySide6 link against (the build checks the real bundle the same way)."""
    import PySide6

    qt = Path(PySide6.__file__).parent
    shipped = {p.name for p in qt.parent.rglob("*") if p.name.startswith(("libQt6", "libicu",
                                                                         "libpyside", "libshib"))}
    known = set(linux.SYSTEM_LIBRARIES) | linux.LIBC_LIBRARIES | set(linux.RECOMMENDED_LIBRARIES)
    unknown: dict[str, str] = {}
    for path in qt.rglob("*.so*"):
        dest = path.relative_to(qt.parent).as_posix()
        if path.is_symlink() or contents.drop_reason(dest) is not None:
            continue
        for name in linux.elf_needed(path):
            if name not in shipped and name not in known:
                unknown[name] = dest
    assert not unknown, unknown


def test_elf_needed_reads_the_dynamic_section(tmp_path: Path) -> None:
    import PySide6

    widgets = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libQt6Widgets.so*"),
                   None)
    if sys.platform.startswith("linux"):
        assert widgets is not None
        needed = linux.elf_needed(widgets)
        assert {"libQt6Gui.so.6", "libQt6Core.so.6", "libc.so.6"} <= set(needed)
    text = tmp_path / "not-elf.so"
    text.write_bytes(b"#!/bin/sh\n")
    assert linux.elf_needed(text) == []


def test_desktop_entry_and_metainfo_agree() -> None:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] == contents.EXECUTABLE  # the launcher on the PATH
    assert desktop["Icon"] == "claim-reader"  # the hicolor icon name the .deb installs
    assert desktop["MimeType"].endswith(";") and desktop["Categories"].endswith(";")

    component = ET.parse(METAINFO).getroot()
    assert component.tag == "component" and component.get("type") == "desktop-application"
    assert re.fullmatch(r"[a-z]+(\.[A-Za-z0-9_-]+){2,}", component.findtext("id") or "")
    for tag in ("name", "summary", "metadata_license", "project_license", "description"):
        assert (component.find(tag) is not None), tag
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert component.findtext("provides/binary") == contents.EXECUTABLE
    media = {m.text for m in component.iterfind("provides/mediatype")}
    assert media and media <= set(desktop["MimeType"].split(";"))
    assert {"text/plain", "text/markdown", "text/html"} <= media


def test_metainfo_release_is_filled_in() -> None:
    text = build.metainfo_text("4.5.6")
    release = ET.fromstring(text).find("releases/release")
    assert release is not None and release.get("version") == "4.5.6"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", release.get("date") or "")
    assert "@" not in text


def test_launcher_finds_the_bundle_relative_to_itself(tmp_path: Path) -> None:
    """The launcher works in /usr/bin and in an unpacked package root alike."""
    root = tmp_path / "root with space"
    program = root / "opt" / "claim-reader" / "claim-reader"
    program.parent.mkdir(parents=True)
    program.write_text('#!/bin/sh\nprintf "%s|" "$@"\n')
    program.chmod(0o755)
    launcher = root / "usr" / "bin" / "claim-reader"
    launcher.parent.mkdir(parents=True)
    launcher.write_bytes((PACKAGING / "linux" / "claim-reader").read_bytes())
    launcher.chmod(0o755)
    link = tmp_path / "elsewhere"
    link.symlink_to(launcher)  # e.g. a user's own ~/bin link
    for start in (launcher, link):
        result = subprocess.run([str(start), "--self-test", "two words"], capture_output=True,
                                text=True, check=True)
        assert result.stdout == "--self-test|two words|"
    assert os.access(PACKAGING / "linux" / "claim-reader", os.X_OK)


def test_package_root_has_everything_in_place(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "claim-reader").write_text("#!/bin/sh\n")
    (bundle / "claim-reader").chmod(0o700)
    (bundle / "_internal" / "data.bin").write_bytes(b"x" * 5000)
    (bundle / "_internal" / "data.bin").chmod(0o600)
    root = tmp_path / "root"
    build.assemble_deb_root(bundle, root, "7.8.9", "arm64")

    def mode(path: Path) -> int:
        return stat.S_IMODE(path.stat().st_mode)

    assert mode(root / "opt" / "claim-reader" / "claim-reader") == 0o755
    assert mode(root / "opt" / "claim-reader" / "_internal" / "data.bin") == 0o644
    assert mode(root / "usr" / "bin" / "claim-reader") == 0o755
    assert mode(root / "opt" / "claim-reader" / "_internal") == 0o755
    share = root / "usr" / "share"
    assert (share / "applications" / "claim-reader.desktop").read_bytes() == DESKTOP.read_bytes()
    for size in ICON_SIZES:
        icon = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "claim-reader.png"
        assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "claim-reader.svg").is_file()
    metainfo = ET.parse(share / "metainfo" / METAINFO.name).getroot()
    assert metainfo.find("releases/release").get("version") == "7.8.9"  # type: ignore[union-attr]
    fields = control_fields((root / "DEBIAN" / "control").read_text("utf-8"))
    assert fields["Version"] == "7.8.9" and fields["Architecture"] == "arm64"
    files = [p for p in root.rglob("*") if p.is_file() and "DEBIAN" not in p.parts]
    assert int(fields["Installed-Size"]) == -(-sum(p.stat().st_size for p in files) // 1024)
    assert "libxcb-cursor0" in fields["Depends"]
    assert "License: MIT" in (share / "doc" / "claim-reader" / "copyright").read_text("utf-8")


def test_ci_script_is_valid_shell() -> None:
    script = PACKAGING / "ci.sh"
    assert os.access(script, os.X_OK)
    subprocess.run(["bash", "-n", str(script)], check=True)


def test_licences_of_everything_bundled_are_listed_and_copied(tmp_path: Path) -> None:
    licences = load("bundled_licences")
    requirements = build.runtime_requirements()
    names = licences.write_licences(tmp_path, "1.0", requirements)
    text = (tmp_path / "copyright").read_text("utf-8")
    assert text.startswith("Claim Reader 1.0\n") and "License: MIT" in text
    for requirement in requirements:  # every declared dependency, under its own name
        name = re.match(r"[A-Za-z0-9_.-]+", requirement)[0]  # type: ignore[index]
        assert any(n.lower().replace("_", "-") == name.lower().replace("_", "-")
                   for n in names), name
    assert "shiboken6" in names  # followed recursively, from PySide6-Essentials
    assert re.search(r"^PySide6_Essentials \S+: LGPL-3\.0", text, re.MULTILINE)
    assert "GNU Lesser General Public License" in text
    assert (tmp_path / "licenses" / "platformdirs" / "LICENSE").is_file()
    assert re.search(r"^Python 3\.\d+: PSF-2\.0", text, re.MULTILINE)
    stdlib_licence = Path(sysconfig.get_path("stdlib")) / "LICENSE.txt"
    copied = tmp_path / "licenses" / "Python" / "LICENSE.txt"
    assert copied.is_file() == stdlib_licence.is_file()


def test_requirement_extras_are_followed() -> None:
    licences = load("bundled_licences")
    names = {d.metadata["Name"].lower().replace("_", "-")
             for d in licences.runtime_distributions(["lxml[html-clean]"])}
    assert names == {"lxml", "lxml-html-clean"}
    plain = {d.metadata["Name"].lower() for d in licences.runtime_distributions(["lxml"])}
    assert plain == {"lxml"}
