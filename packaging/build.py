"""Build Claim Reader's installers: ``python packaging/build.py bundle|deb|windows|macos``.

Run it with the Python of an environment where the project is installed (``pip install -e .``
or ``pip install .``): that environment is the build environment. PyInstaller (and dmgbuild on
macOS) is installed into it from PyPI if missing; nothing else is downloaded.

    bundle   PyInstaller one-folder bundle in dist/claim-reader/ (macOS: also dist/Claim Reader.app)
    deb      the bundle packed as dist/claim-reader_VERSION_ARCH.deb (Linux, needs dpkg-deb)
    windows  the bundle and an Inno Setup installer dist/ClaimReader-VERSION-setup.exe (Windows)
    macos    the .app and a disk image dist/ClaimReader-VERSION.dmg made with dmgbuild (macOS)

Each command prints what it built, with sizes and times.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(HERE) not in sys.path:  # run as a script it is there already; imported by the tests
    sys.path.append(str(HERE))

import bundle_contents as contents  # noqa: E402
import bundled_licences  # noqa: E402
import linux_dependencies as linux  # noqa: E402

DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SPEC = HERE / "claim-reader.spec"
PYINSTALLER = "pyinstaller>=6.10,<7"
DMGBUILD = "dmgbuild>=1.6"
METAINFO = "io.github.claimreader.ClaimReader.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MB = 1000 * 1000


class BuildError(Exception):
    """A build step failed; the message says which and what to do."""


def project_version() -> str:
    """The installed package's version, which is what the frozen app will report.

    It must match pyproject.toml, or the build environment holds a stale install.
    """
    try:
        installed = importlib.metadata.version("claim-reader")
    except importlib.metadata.PackageNotFoundError:
        raise BuildError(f"claim-reader is not installed in {sys.prefix}; run "
                         f"`{sys.executable} -m pip install -e {ROOT}` first") from None
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    if installed != declared:
        raise BuildError(f"the installed claim-reader is {installed} but pyproject.toml says "
                         f"{declared}; run `{sys.executable} -m pip install -e {ROOT}` again")
    return installed


def runtime_requirements() -> list[str]:
    return bundled_licences.declared_requirements(ROOT)


def ensure_tool(module: str, requirement: str) -> None:
    """Install a build tool from PyPI into this environment if it cannot be imported."""
    try:
        __import__(module)
    except ImportError:
        print(f"== installing {requirement} into {sys.prefix}", flush=True)
        run([sys.executable, "-m", "pip", "install", "--quiet", requirement])


def run(command: list[str], **kwargs: object) -> None:
    try:
        subprocess.run(command, check=True, **kwargs)
    except FileNotFoundError:
        raise BuildError(f"{command[0]} was not found; install it first") from None
    except subprocess.CalledProcessError as error:
        raise BuildError(f"`{' '.join(command)}` failed with exit code {error.returncode}",
                         ) from None


def size_of(path: Path) -> int:
    return path.stat().st_size if path.is_file() else contents.folder_size(path)


def build_bundle() -> Path:
    ensure_tool("PyInstaller", PYINSTALLER)
    version = project_version()
    bundle = DIST / contents.EXECUTABLE
    started = time.monotonic()
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)])
    elapsed = time.monotonic() - started
    if sys.platform.startswith("linux"):
        missing = linux.unresolved_needs(bundle)
        if missing:
            lines = "\n".join(f"  {name} (needed by {', '.join(users[:3])})"
                              for name, users in sorted(missing.items()))
            raise BuildError("bundled binaries need libraries that are neither bundled nor "
                             "listed in packaging/linux_dependencies.py:\n" + lines)
    print(f"bundle: {bundle} (claim-reader {version})")
    print(f"bundle size: {size_of(bundle) / MB:.1f} MB; build time: {elapsed:.0f} s")
    return bundle


def _normalise_modes(root: Path) -> None:
    """0755 for folders and executables, 0644 for the rest, whatever the umask was."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir() or path.stat().st_mode & 0o111:
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def _release_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC) if epoch
              else datetime.datetime.now(tz=datetime.UTC))
    return moment.date().isoformat()


def metainfo_text(version: str) -> str:
    template = (HERE / "linux" / METAINFO).read_text("utf-8")
    return template.replace("@VERSION@", version).replace("@DATE@", _release_date())


def assemble_deb_root(bundle: Path, root: Path, version: str, architecture: str) -> None:
    """Lay out the package's files under ``root`` as they will be installed."""
    if root.exists():
        shutil.rmtree(root)
    share = root / "usr" / "share"
    shutil.copytree(bundle, root / "opt" / contents.EXECUTABLE, symlinks=True)
    launcher = root / "usr" / "bin" / contents.EXECUTABLE
    launcher.parent.mkdir(parents=True)
    shutil.copy2(HERE / "linux" / contents.EXECUTABLE, launcher)
    launcher.chmod(0o755)
    (share / "applications").mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "claim-reader.desktop", share / "applications")
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(ROOT / "resources" / "icons" / f"claim-reader-{size}.png",
                     target / "claim-reader.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "claim-reader.svg", scalable / "claim-reader.svg")
    (share / "metainfo").mkdir(parents=True)
    (share / "metainfo" / METAINFO).write_text(metainfo_text(version), "utf-8")
    bundled_licences.write_licences(share / "doc" / contents.EXECUTABLE, version,
                                    runtime_requirements())
    _normalise_modes(root)
    installed_kib = -(-contents.folder_size(root) // 1024)
    control = linux.render_control((HERE / "linux" / "control.in").read_text("utf-8"),
                                   version=version, architecture=architecture,
                                   installed_kib=installed_kib,
                                   needed=linux.system_needs(bundle))
    (root / "DEBIAN").mkdir(mode=0o755)
    (root / "DEBIAN" / "control").write_text(control, "utf-8")
    (root / "DEBIAN" / "control").chmod(0o644)


def validate_metadata(root: Path) -> None:
    """desktop-file-validate and appstreamcli, where installed (packaging/ci.sh installs them)."""
    desktop = root / "usr" / "share" / "applications" / "claim-reader.desktop"
    metainfo = root / "usr" / "share" / "metainfo" / METAINFO
    for tool, command in (("desktop-file-validate", [str(desktop)]),
                          ("appstreamcli", ["validate", "--no-net", str(metainfo)])):
        if shutil.which(tool) is None:
            print(f"note: {tool} is not installed; {command[-1]} was not validated")
            continue
        run([tool, *command])
        print(f"{tool}: {Path(command[-1]).name} is valid")


# dpkg-deb compressors: xz packs smallest (about 34 MB, a minute on two cores); zstd packs
# in seconds (about 42 MB) and needs dpkg 1.21.18 or newer (Debian 12, Ubuntu 22.04).
COMPRESSION = {"xz": ["-Zxz"], "zstd": ["-Zzstd", "-z9"]}


def build_deb(skip_bundle: bool, compression: str = "xz") -> Path:
    if shutil.which("dpkg-deb") is None:
        raise BuildError("dpkg-deb was not found: build the .deb on Debian or Ubuntu")
    version = project_version()
    bundle = DIST / contents.EXECUTABLE
    if not skip_bundle or not bundle.is_dir():
        bundle = build_bundle()
    architecture = subprocess.run(["dpkg", "--print-architecture"], check=True,
                                  capture_output=True, text=True).stdout.strip()
    root = ROOT / "build" / "deb" / "root"
    assemble_deb_root(bundle, root, version, architecture)
    validate_metadata(root)
    output = DIST / f"claim-reader_{version}_{architecture}.deb"
    started = time.monotonic()
    run(["dpkg-deb", "--root-owner-group", *COMPRESSION[compression], "--build", str(root),
         str(output)],
        stdout=subprocess.DEVNULL)
    print(f"deb: {output}")
    print(f"deb size: {size_of(output) / MB:.1f} MB ({compression}); packed in "
          f"{time.monotonic() - started:.0f} s")
    return output


def find_iscc() -> str:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    raise BuildError("Inno Setup 6 was not found: install it (choco install innosetup) "
                     "or put ISCC.exe on the PATH")


def build_windows(skip_bundle: bool) -> Path:
    if sys.platform != "win32":
        raise BuildError("the Windows installer is built on Windows")
    version = project_version()
    bundle = DIST / contents.EXECUTABLE
    if not skip_bundle or not bundle.is_dir():
        bundle = build_bundle()
    icon = WORK / contents.EXECUTABLE / "claim-reader.ico"  # written by the spec
    run([find_iscc(), f"/DAppVersion={version}", f"/DSourceDir={bundle}",
         f"/DOutputDir={DIST}", *([f"/DIconFile={icon}"] if icon.is_file() else []),
         str(HERE / "windows" / "claim-reader.iss")])
    output = DIST / f"ClaimReader-{version}-setup.exe"
    print(f"installer: {output} ({size_of(output) / MB:.1f} MB)")
    return output


def build_macos(skip_bundle: bool) -> Path:
    if sys.platform != "darwin":
        raise BuildError("the macOS disk image is built on macOS")
    version = project_version()
    app = DIST / f"{contents.APP_NAME}.app"
    if not skip_bundle or not app.is_dir():
        build_bundle()
    ensure_tool("dmgbuild", DMGBUILD)
    output = DIST / f"ClaimReader-{version}.dmg"
    run([sys.executable, "-m", "dmgbuild", "-s", str(HERE / "macos" / "dmg_settings.py"),
         "-D", f"app={app}", contents.APP_NAME, str(output)])
    print(f"disk image: {output} ({size_of(output) / MB:.1f} MB)")
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packaging/build.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("bundle", help="PyInstaller one-folder bundle in dist/claim-reader/")
    for name, summary in (("deb", "Debian package (Linux)"),
                          ("windows", "Inno Setup installer (Windows)"),
                          ("macos", "disk image with the .app (macOS)")):
        sub = commands.add_parser(name, help=summary)
        sub.add_argument("--skip-bundle", action="store_true",
                         help="reuse the bundle already in dist/ instead of rebuilding it")
        if name == "deb":
            sub.add_argument("--compression", choices=sorted(COMPRESSION), default="xz",
                             help="xz (default: smallest) or zstd (fast, for CI)")
    options = parser.parse_args(argv)
    builders = {"deb": build_deb, "windows": build_windows, "macos": build_macos}
    try:
        if options.command == "bundle":
            build_bundle()
        elif options.command == "deb":
            build_deb(options.skip_bundle, options.compression)
        else:
            builders[options.command](options.skip_bundle)
    except BuildError as error:
        print(f"build.py {options.command}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
