"""What goes into the PyInstaller bundle, and what is pruned from it.

Kept apart from ``claim-reader.spec`` so that the unit tests can check the lists without running
PyInstaller, and so that the spec stays a short recipe. Nothing here imports PyInstaller or Qt.

The app's own code is staged from the checkout (``reader/`` plus ``resources/`` mapped to
``reader/resources``, as setup.py does for the wheel) because PyInstaller's module finder does
not follow setuptools' editable-install hooks. Every module under ``reader/`` becomes a hidden
import, so sub-command modules that are imported by name, and modules added later, are bundled
without editing the spec.

PyInstaller's ``excludes`` only stops Python modules from being bundled; Qt's shared libraries,
plugins and translations arrive through the PySide6 hooks and binary dependency analysis, so
they are filtered here by their destination path in the bundle.
"""

from __future__ import annotations

import importlib.util
import posixpath
import re
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

APP_NAME = "Claim Reader"
EXECUTABLE = "claim-reader"
PACKAGE = "reader"
RESOURCES = "resources"  # top-level folder shipped as the package reader.resources
MACOS_BUNDLE_ID = "io.github.claimreader.ClaimReader"

# Qt bindings the app uses. QtCore/QtGui/QtWidgets are imported by reader.ui; QtSvg renders the
# SVG icon and QtPrintSupport is what printing and "export as PDF" go through.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport")

# Qt bindings never imported: kept out of the Python analysis (and with them their hooks).
QT_MODULES_EXCLUDED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDesigner", "QtGraphs",
    "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets",
    "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine",
    "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)

# Python packages that must never ride along from a development environment.
PYTHON_EXCLUDES = (
    "tkinter", "_tkinter", "pytest", "_pytest", "pytestqt", "hypothesis", "ruff", "pip",
    "setuptools", "pkg_resources", "wheel", "build", "PyInstaller", "IPython", "numpy",
    # never used, and each would pull a system library into the bundle or the .deb's Depends
    # (sqlite3 is used: the claim memory's search index, reader/memory)
    "readline", "curses", "_curses", "dbm", "lxml.objectify", "lxml.isoschematron",
)

# Third-party modules bundled whenever the build environment has them: hidden imports so their
# PyInstaller hooks run (jsonschema's hook brings its meta-schemas, charset_normalizer's its
# compiled helpers) even if the app reaches them only through a lazy or by-name import.
THIRD_PARTY_IF_PRESENT = (
    "markdown_it", "mdurl", "platformdirs", "charset_normalizer", "lxml.etree", "lxml.html",
    "lxml_html_clean", "readability", "fastjsonschema", "jsonschema",
    "jsonschema_specifications", "referencing", "rapidfuzz", "pypdfium2", "pypdfium2_raw",
    "docx",
)
# Small pure-Python packages whose submodules are picked at run time (platform back ends,
# markdown-it's rule presets): collected whole.
COLLECT_ALL_SUBMODULES = ("markdown_it", "platformdirs")

# Shared Qt libraries (libQt6X.so.6, Qt6X.dll, QtX.framework) left out. Names are matched
# exactly; families end with "*" and cover every library whose name starts with the stem.
QT_LIBRARIES_DROPPED = (
    "Qml*", "Quick*", "Labs*", "Lottie*", "Designer*", "Pdf*", "Test*", "VirtualKeyboard*",
    "WaylandCompositor*", "WaylandEglCompositor*", "EglFS*", "EglFs*",
    "Network", "Help", "Sql", "UiTools", "Concurrent", "SvgWidgets", "Xml", "OpenGLWidgets",
    "ShaderTools", "3D*", "Multimedia*", "WebEngine*", "WebChannel*", "WebSockets",
)
# Qt libraries the app cannot start (or print, or draw its icon) without. The tests check that
# the dropped list never matches one of these.
QT_LIBRARIES_REQUIRED = (
    "Core", "Gui", "Widgets", "Svg", "PrintSupport", "DBus", "XcbQpa", "WaylandClient",
    "WlShellIntegration", "OpenGL",
)

# On Linux the .deb depends on the distribution's libraries (packaging/linux_dependencies.py)
# rather than carrying copies of them: a bundled libX11, fontconfig or glib can clash with the
# system's configuration and the rest of the desktop. Only these are bundled from the system.
LINUX_SYSTEM_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")
LINUX_SYSTEM_LIBRARIES_BUNDLED = ("libpython",)

# Plugin folders kept, each with the plugins kept in it (None: all of them). Any other folder
# (qmltooling, sqldrivers, tls, networkinformation, generic, egldeviceintegrations, designer,
# vectorimageformats, wayland-graphics-integration-server, ...) is left out.
QT_PLUGINS_KEPT: dict[str, frozenset[str] | None] = {
    "platforms": frozenset({
        "qxcb", "qwayland", "qwayland-egl", "qwayland-generic", "qoffscreen", "qminimal",
        "qwindows", "qdirect2d", "qcocoa",
    }),
    "platformthemes": None,
    "platforminputcontexts": frozenset({
        "composeplatforminputcontextplugin", "ibusplatforminputcontextplugin",
    }),
    "imageformats": frozenset({"qsvg", "qico", "qicns"}),
    "iconengines": frozenset({"qsvgicon"}),
    "styles": None,
    "printsupport": None,
    "xcbglintegrations": None,
    "wayland-decoration-client": None,
    "wayland-shell-integration": None,
    "wayland-graphics-integration-client": None,
}

# The app installs no QTranslator: its text is English and Qt's own translations go unused.
QT_TRANSLATIONS_KEPT: frozenset[str] = frozenset()

_QT_LIB_PATTERNS = (
    re.compile(r"^(?:lib)?Qt6(?P<name>[A-Za-z0-9]+)(?:\.so(?:\.[0-9.]+)?|\.dll|\.[0-9.]*dylib)$"),
    re.compile(r"^Qt(?P<name>[A-Za-z0-9]+)\.framework$"),
)
_PLUGIN_SUFFIX = re.compile(r"\.(?:so|dll|dylib)$")


def qt_library_name(dest: str) -> str | None:
    """``Qml`` for ``PySide6/Qt/lib/libQt6Qml.so.6``, ``Qt6Qml.dll`` or anything inside
    ``QtQml.framework``; None for anything that is not a Qt library."""
    for part in PurePosixPath(dest.replace("\\", "/")).parts:
        for pattern in _QT_LIB_PATTERNS:
            match = pattern.match(part)
            if match:
                return match["name"]
    return None


def _matches(name: str, patterns: Iterable[str]) -> bool:
    return any(name.startswith(p[:-1]) if p.endswith("*") else name == p for p in patterns)


def _plugin_stem(filename: str) -> str:
    stem = _PLUGIN_SUFFIX.sub("", filename)
    return stem[3:] if stem.startswith("lib") else stem


def drop_reason(dest: str) -> str | None:
    """Why the file at ``dest`` (its path inside the bundle) is left out, or None to keep it."""
    path = PurePosixPath(dest.replace("\\", "/"))
    parts = path.parts
    name = qt_library_name(dest)  # wherever it sits: PyInstaller links some to the top level
    if name is not None and _matches(name, QT_LIBRARIES_DROPPED):
        return f"Qt library {name}"
    if parts and parts[0] != "PySide6":
        return None
    if path.name.startswith("libpyside6qml"):
        return "QML bindings"
    if len(parts) == 2 and path.name.split(".")[0] in QT_MODULES_EXCLUDED:
        return f"binding {path.name.split('.')[0]}"  # e.g. PySide6/QtNetwork.abi3.so
    if "plugins" in parts[:-2]:  # .../plugins/<folder>/<plugin>
        folder = parts[parts.index("plugins") + 1]
        if folder not in QT_PLUGINS_KEPT:
            return f"plugin folder {folder}"
        kept = QT_PLUGINS_KEPT[folder]
        if kept is not None and _plugin_stem(path.name) not in kept:
            return f"plugin {folder}/{path.name}"
        return None
    if "translations" in parts[:-1] and path.suffix == ".qm":
        if path.stem not in QT_TRANSLATIONS_KEPT:
            return "translation"
        return None
    if "qml" in parts[:-1]:
        return "QML module"
    if any(p in ("metatypes", "typesystems", "include", "glue", "doc", "scripts") for p in parts):
        return "development file"
    return None


def system_library_reason(source: str) -> str | None:
    """Why a Linux binary collected from ``source`` is left to the system, or None."""
    if not source.startswith(LINUX_SYSTEM_DIRS):
        return None
    name = PurePosixPath(source).name
    if name.startswith(LINUX_SYSTEM_LIBRARIES_BUNDLED):
        return None
    return "system library"


Entry = tuple[str, str, str]


def prune(toc: Iterable[Entry], *, system_libraries: bool = False,
          ) -> tuple[list[Entry], list[str]]:
    """Split a PyInstaller TOC into the entries kept and a note for each entry dropped.

    With ``system_libraries`` (Linux builds) binaries from the system's library folders are
    dropped too. Symbolic links whose target is dropped go with it.
    """
    entries = list(toc)
    kept: list[Entry] = []
    dropped: list[str] = []
    dropped_names: set[str] = set()
    for dest, source, kind in entries:
        reason = drop_reason(dest)
        if reason is None and system_libraries and kind == "BINARY":
            reason = system_library_reason(source)
        if reason is None:
            kept.append((dest, source, kind))
        else:
            dropped.append(f"{dest} ({reason})")
            dropped_names.add(dest)
    final = []
    for dest, source, kind in kept:
        if kind == "SYMLINK":
            target = posixpath.normpath(posixpath.join(posixpath.dirname(dest), source))
            if target in dropped_names:
                dropped.append(f"{dest} (link to {target})")
                continue
        final.append((dest, source, kind))
    return final, dropped


def stage_sources(root: Path, staging: Path) -> Path:
    """Copy the package and its resources into ``staging`` laid out as the wheel lays them out.

    Returns the folder to put on PyInstaller's search path.
    """
    source = root / PACKAGE
    if (source / "resources").exists():
        raise SystemExit(f"{source / 'resources'} exists; the resources belong in {RESOURCES}/")
    target = staging / PACKAGE
    if staging.exists():
        shutil.rmtree(staging)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo")
    shutil.copytree(source, target, ignore=ignore)
    shutil.copytree(root / RESOURCES, target / "resources", ignore=ignore)
    return staging


def package_modules(staging: Path) -> list[str]:
    """Every module of the staged package, as dotted names."""
    names = []
    for path in sorted((staging / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(staging).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def package_data(staging: Path) -> list[tuple[str, str]]:
    """(source file, destination folder) for every file of the staged package that is not
    Python source: icons, the .desktop entry, the sample article, the JSON schemas."""
    data = []
    for path in sorted((staging / PACKAGE).rglob("*")):
        if path.is_file() and path.suffix not in (".py", ".pyc", ".pyo"):
            data.append((str(path), str(path.parent.relative_to(staging).as_posix())))
    return data


def third_party_present() -> list[str]:
    """The optional third-party modules that the build environment can import."""
    return [name for name in THIRD_PARTY_IF_PRESENT if _importable(name)]


def _importable(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a missing parent package of a dotted name
        return False


def python_excludes() -> list[str]:
    return [*PYTHON_EXCLUDES, *(f"PySide6.{module}" for module in QT_MODULES_EXCLUDED)]


def qt_hidden_imports() -> list[str]:
    return [f"PySide6.{module}" for module in QT_MODULES_USED]


def walk_files(folder: Path) -> Iterator[Path]:
    return (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def folder_size(folder: Path) -> int:
    """Bytes taken by the files under ``folder`` (symlinks counted once, as their targets)."""
    return sum(p.stat().st_size for p in walk_files(folder))
