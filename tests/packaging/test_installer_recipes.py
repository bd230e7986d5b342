"""The Windows and macOS recipes, the icons made for them, the version and the build CLI.

Neither Inno Setup nor dmgbuild runs here, so these check that the recipes say what the
installers must do and agree with the spec and build.py on names.
"""

from __future__ import annotations

import importlib.metadata
import plistlib
import re
import runpy
import struct
import tomllib
from pathlib import Path

import pytest
from packaging_scripts import PACKAGING, ROOT, load

import reader
from reader.bundled import icon_png

contents = load("bundle_contents")
icons = load("icon_formats")
build = load("claim_reader_build", "build")

ISS = PACKAGING / "windows" / "claim-reader.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"


def pngs() -> dict[int, bytes]:
    return {size: icon_png(size).read_bytes() for size in (16, 24, 32, 48, 64, 128, 256, 512)}


def test_version_comes_from_the_package_metadata() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert build.project_version() == importlib.metadata.version("claim-reader") == declared
    assert reader.__version__ == declared  # what the frozen program's --version prints
    spec = (PACKAGING / "claim-reader.spec").read_text("utf-8")
    assert 'importlib.metadata.version("claim-reader")' in spec
    assert 'copy_metadata("claim-reader")' in spec  # so the frozen app can read it too


def test_ico_holds_each_png_unchanged() -> None:
    images = pngs()
    data = icons.build_ico(images)
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    for index, size in enumerate(icons.ICO_SIZES):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index)
        assert width == height == (size if size < 256 else 0)
        assert (planes, bits) == (1, 32)
        assert data[offset:offset + length] == images[size]


def test_icns_holds_each_png_unchanged() -> None:
    images = pngs()
    data = icons.build_icns(images)
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    found = {}
    pos = 8
    while pos < len(data):
        kind, length = data[pos:pos + 4], struct.unpack_from(">I", data, pos + 4)[0]
        found[kind] = data[pos + 8:pos + length]
        pos += length
    assert pos == len(data)
    for kind, size in icons.ICNS_TYPES:
        assert icons.png_size(found[kind]) == (size, size)
        assert found[kind] == images[size]


def test_icons_refuse_a_mislabelled_size() -> None:
    images = pngs()
    with pytest.raises(ValueError, match="32 px"):
        icons.build_ico({**images, 32: images[64]})
    with pytest.raises(ValueError, match="not a PNG"):
        icons.build_icns({128: b"GIF89a" + b"\0" * 30})


def test_macos_document_types_offer_open_with_for_the_three_formats() -> None:
    info = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    types = info["CFBundleDocumentTypes"]
    extensions = {ext for t in types for ext in t["CFBundleTypeExtensions"]}
    utis = {uti for t in types for uti in t["LSItemContentTypes"]}
    assert {"txt", "md", "html"} <= extensions
    assert {"public.plain-text", "net.daringfireball.markdown", "public.html"} <= utis
    assert {t["CFBundleTypeRole"] for t in types} == {"Viewer"}
    assert {t["LSHandlerRank"] for t in types} == {"Alternate"}  # never the default viewer
    imported = {d["UTTypeIdentifier"] for d in info["UTImportedTypeDeclarations"]}
    assert "net.daringfireball.markdown" in imported
    # keys the spec sets itself must not be fixed here
    assert not {"CFBundleShortVersionString", "CFBundleVersion", "CFBundleIdentifier"} & set(info)


def test_dmg_settings_place_the_app_and_an_applications_link() -> None:
    app = "/tmp/build/Claim Reader.app"
    settings = runpy.run_path(str(PACKAGING / "macos" / "dmg_settings.py"),
                              init_globals={"defines": {"app": app}})
    assert settings["files"] == [app]
    assert settings["symlinks"] == {"Applications": "/Applications"}
    assert set(settings["icon_locations"]) == {"Claim Reader.app", "Applications"}
    assert f"{contents.APP_NAME}.app" == Path(app).name  # the name the spec's BUNDLE gives


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in ISS.read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match[1]
            sections[current] = []
        elif current:
            sections[current].append(line)
    return sections


def test_inno_setup_script_does_what_the_installer_must() -> None:
    text = ISS.read_text("utf-8")
    sections = iss_sections()
    setup = dict(line.split("=", 1) for line in sections["Setup"] if "=" in line)
    assert setup["ChangesAssociations"] == "yes"
    assert setup["OutputBaseFilename"] == "ClaimReader-{#AppVersion}-setup"  # build.py's name
    assert setup["UninstallDisplayIcon"] == r"{app}\{#AppExe}"
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", setup["AppId"])  # fixed: upgrades find it
    # the windowed program the spec builds on Windows
    assert f'#define AppExe "{contents.APP_NAME}.exe"' in text
    assert any(r'Name: "{app}\_internal"' in line and "filesandordirs" in line
               for line in sections["InstallDelete"])
    assert any("{autoprograms}" in line for line in sections["Icons"])
    registry = "\n".join(sections["Registry"])
    for extension in (".txt", ".md", ".html"):
        assert f"Software\\Classes\\{extension}\\OpenWithProgids" in registry
        assert f'ValueName: "{extension}"' in registry  # SupportedTypes
    assert "uninsdeletevalue" in registry and "uninsdeletekey" in registry
    # "Open with" only: the script never writes a type's default value
    assert not re.search(r'Classes\\\.(txt|md|html)"; ValueType: string; ValueName: ""',
                         registry)


def test_workflow_builds_each_installer_on_its_own_runner() -> None:
    text = WORKFLOW.read_text("utf-8")
    jobs = re.split(r"\n  (?=\w+:\n)", text.split("\njobs:\n", 1)[1])
    by_runner = {re.search(r"runs-on: (\S+)", job)[1]: job for job in jobs}
    assert set(by_runner) == {"ubuntu-22.04", "windows-2022", "macos-14"}
    assert "packaging/ci.sh" in by_runner["ubuntu-22.04"]
    assert "packaging/build.py windows" in by_runner["windows-2022"]
    assert "packaging/build.py macos" in by_runner["macos-14"]
    for job in by_runner.values():
        assert "--self-test" in job or "ci.sh" in job
        assert "upload-artifact" in job
    assert "\t" not in text


def test_build_refuses_other_platforms_installers_with_a_clear_message(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert build.main(["windows"]) == 1
    assert build.main(["macos"]) == 1
    err = capsys.readouterr().err
    assert "build.py windows: the Windows installer is built on Windows" in err
    assert "build.py macos: the macOS disk image is built on macOS" in err


def test_startup_probe_finds_the_app_window_in_xwininfo_output() -> None:
    probe = load("measure_startup")
    tree = """
  Root window id: 0x50d (the root window) (has no name)
     2 children:
     0x20000a "xeyes": ("xeyes" "XEyes")  150x100+0+0  +0+0
     0x400007 "sample-article.md — Claim Reader": ("claim-reader" "x")  1100x800+0+0  +0+0
        1 child:
        0x400008 (has no name): ()  1100x800+0+0  +0+0
     0x400012 "Claim Reader": ()  3x3+0+0  +0+0
"""
    found = [(w, name, int(width)) for w, name, width, _ in probe.WINDOW_LINE.findall(tree)]
    assert found == [("0x20000a", "xeyes", 150),
                     ("0x400007", "sample-article.md — Claim Reader", 1100),
                     ("0x400012", "Claim Reader", 3)]
    assert probe.TITLE == contents.APP_NAME  # the title the window carries
