"""The bundle's contents lists: what the app imports is bundled, what it does not is pruned.

These run without PyInstaller: they check packaging/bundle_contents.py against the source
tree, the installed distribution's metadata and the installed PySide6.
"""

from __future__ import annotations

import ast
import importlib.metadata
import pkgutil
import re
import sys
import tomllib
from pathlib import Path

import pytest
from packaging_scripts import ROOT, load

import reader

contents = load("bundle_contents")
linux = load("linux_dependencies")


def imported_modules() -> dict[str, set[str]]:
    """Every module imported anywhere in reader/ -> the files importing it."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / "reader").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                found.setdefault(name, set()).add(path.relative_to(ROOT).as_posix())
    return found


def test_every_qt_module_the_app_imports_is_bundled() -> None:
    qt = {name.split(".")[1] for name in imported_modules() if name.startswith("PySide6.")}
    assert {"QtCore", "QtGui", "QtWidgets"} <= qt  # the scan itself works
    assert qt <= set(contents.QT_MODULES_USED), qt - set(contents.QT_MODULES_USED)
    assert not qt & set(contents.QT_MODULES_EXCLUDED)
    excludes = set(contents.python_excludes())
    assert not {f"PySide6.{m}" for m in contents.QT_MODULES_USED} & excludes


def test_no_module_the_app_imports_is_excluded() -> None:
    excludes = contents.python_excludes()
    for name, users in imported_modules().items():
        for excluded in excludes:
            assert name != excluded and not name.startswith(excluded + "."), (
                f"{name} (imported by {sorted(users)}) is in the spec's excludes")


def test_every_runtime_dependency_is_collected() -> None:
    """A dependency added to pyproject.toml must be listed for the bundle too, so its
    PyInstaller hooks run even if the app only imports it lazily."""
    # pyproject.toml rather than the installed metadata, which lags until the next install
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    runtime = pyproject["project"]["dependencies"]
    assert runtime
    modules_of = importlib.metadata.packages_distributions()
    for requirement in runtime:
        dist = re.match(r"[A-Za-z0-9_.-]+", requirement)[0]
        tops = {m for m, dists in modules_of.items()
                if any(d.lower().replace("_", "-") == dist.lower().replace("_", "-")
                       for d in dists)}
        assert tops, f"{dist} is not installed"
        assert tops & ({"PySide6", "shiboken6"} | {
            name.split(".")[0] for name in contents.THIRD_PARTY_IF_PRESENT}), (
            f"runtime dependency {dist} ({sorted(tops)}) is missing from THIRD_PARTY_IF_PRESENT")


def test_collect_all_lists_only_third_party_modules() -> None:
    assert set(contents.COLLECT_ALL_SUBMODULES) <= set(contents.THIRD_PARTY_IF_PRESENT)
    present = contents.third_party_present()
    assert "markdown_it" in present and "platformdirs" in present
    assert all(name in contents.THIRD_PARTY_IF_PRESENT for name in present)


@pytest.mark.parametrize("name", ["Core", "Gui", "Widgets", "Svg", "PrintSupport", "DBus",
                                  "XcbQpa", "WaylandClient", "OpenGL"])
def test_required_qt_libraries_are_kept_on_every_platform(name: str) -> None:
    assert name in contents.QT_LIBRARIES_REQUIRED
    for dest in (f"PySide6/Qt/lib/libQt6{name}.so.6", f"libQt6{name}.so.6",
                 f"PySide6/Qt6{name}.dll", f"PySide6/Qt/lib/Qt{name}.framework/Versions/A/Qt{name}",
                 f"PySide6/Qt/lib/libQt6{name}.6.dylib"):
        assert contents.qt_library_name(dest) == name, dest
        assert contents.drop_reason(dest) is None, dest


def test_required_and_dropped_lists_never_overlap() -> None:
    for name in contents.QT_LIBRARIES_REQUIRED:
        assert not contents._matches(name, contents.QT_LIBRARIES_DROPPED), name
    for module in contents.QT_MODULES_USED:
        assert not contents._matches(module.removeprefix("Qt"), contents.QT_LIBRARIES_DROPPED)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/lib/libQt6Qml.so.6", "PySide6/Qt/lib/libQt6QmlModels.so.6",
    "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6QuickControls2Basic.so.6",
    "PySide6/Qt/lib/libQt6Network.so.6", "libQt6Network.so.6", "PySide6/Qt6Network.dll",
    "PySide6/Qt/lib/libQt6Pdf.so.6", "PySide6/Qt6Designer.dll", "PySide6/Qt6Qml.dll",
    "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick", "PySide6/Qt/lib/libQt6Sql.so.6",
    "PySide6/Qt/lib/libQt6LabsStyleKit.so.6", "PySide6/libpyside6qml.abi3.so.6.12",
    "PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/plugins/sqldrivers/libqsqlite.so", "PySide6/plugins/tls/qschannelbackend.dll",
    "PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/imageformats/libqtiff.so", "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/translations/qtbase_de.qm", "PySide6/translations/qt_help_fr.qm",
    "PySide6/Qt/qml/QtQuick/Controls/qmldir",
])
def test_unused_qt_parts_are_dropped(dest: str) -> None:
    assert contents.drop_reason(dest) is not None


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
    "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/plugins/imageformats/qsvg.dll",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/QtWidgets.abi3.so", "PySide6/QtSvg.pyd", "shiboken6/libshiboken6.abi3.so.6.12",
    "reader/resources/sample-article.md", "reader/resources/icons/claim-reader-256.png",
    "base_library.zip", "libpython3.11.so.1.0",
])
def test_what_the_app_needs_is_kept(dest: str) -> None:
    assert contents.drop_reason(dest) is None


def test_prune_drops_links_to_dropped_files_and_system_libraries_on_request() -> None:
    toc = [
        ("PySide6/Qt/lib/libQt6Core.so.6", "/site/PySide6/Qt/lib/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Qml.so.6", "/site/PySide6/Qt/lib/libQt6Qml.so.6", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libqmlcache.so", "PySide6/Qt/lib/libQt6Qml.so.6", "SYMLINK"),
        ("libX11.so.6", "/usr/lib/x86_64-linux-gnu/libX11.so.6", "BINARY"),
        ("libpython3.11.so.1.0", "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", "BINARY"),
        ("reader/resources/sample-article.md", "/src/sample-article.md", "DATA"),
    ]
    kept, dropped = contents.prune(toc)
    assert [e[0] for e in kept] == ["PySide6/Qt/lib/libQt6Core.so.6", "libQt6Core.so.6",
                                    "libX11.so.6", "libpython3.11.so.1.0",
                                    "reader/resources/sample-article.md"]
    assert len(dropped) == 2 and all("Qml" in note for note in dropped)
    kept, dropped = contents.prune(toc, system_libraries=True)
    names = [e[0] for e in kept]
    assert "libX11.so.6" not in names and "libpython3.11.so.1.0" in names
    assert any(note.startswith("libX11.so.6 (system library)") for note in dropped)


def _installed_qt() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent


def test_kept_qt_binaries_never_need_a_dropped_qt_library() -> None:
    """Checked against the installed PySide6: pruning a library something kept links against
    would break the bundle at start-up (or when that plugin loads)."""
    qt = _installed_qt()
    site = qt.parent
    checked = 0
    for path in sorted(qt.rglob("*")):
        if not path.is_file() or path.is_symlink() or not re.search(r"\.so(\.|$)", path.name):
            continue
        dest = path.relative_to(site).as_posix()
        if contents.drop_reason(dest) is not None:
            continue
        for needed in linux.elf_needed(path):
            name = contents.qt_library_name(needed)
            if name is not None:
                assert contents.drop_reason(needed) is None, f"{dest} needs {needed}"
        checked += 1
    # ELF files exist only in a Linux PySide6; elsewhere this check has nothing to read.
    assert checked > 20 or not sys.platform.startswith("linux")


def test_staged_package_has_every_module_and_resource(tmp_path: Path) -> None:
    staging = contents.stage_sources(ROOT, tmp_path / "src")
    modules = set(contents.package_modules(staging))
    walked = {m.name for m in pkgutil.walk_packages(reader.__path__, "reader.")}
    walked.add("reader")
    assert walked <= modules, walked - modules
    for name in ("reader.cli.extract", "reader.cli.review", "reader.cli.export",
                 "reader.selftest", "reader.ui.app", "reader.resources"):
        assert name in modules
    data = {Path(src).relative_to(staging).as_posix(): dest
            for src, dest in contents.package_data(staging)}
    assert data["reader/resources/sample-article.md"] == "reader/resources"
    assert data["reader/resources/claim-reader.desktop"] == "reader/resources"
    assert data["reader/resources/icons/claim-reader-512.png"] == "reader/resources/icons"
    for schema in (ROOT / "resources" / "schema").glob("*.json"):
        assert data[f"reader/resources/schema/{schema.name}"] == "reader/resources/schema"
    assert not any(name.endswith((".py", ".pyc")) for name in data)


def test_staging_refuses_a_resources_folder_inside_the_package(tmp_path: Path) -> None:
    fake = tmp_path / "checkout"
    (fake / "reader" / "resources").mkdir(parents=True)
    (fake / "resources").mkdir()
    with pytest.raises(SystemExit, match="resources"):
        contents.stage_sources(fake, tmp_path / "src")
