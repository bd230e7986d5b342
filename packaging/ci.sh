#!/usr/bin/env bash
# CI for the installers, run by .ci/run after the unit suite:
#   build the .deb, unpack it into a temporary root, run the frozen program's --version and
#   --self-test offscreen, check the installed bundle stays under the size limit, print figures.
# Exits non-zero on any failure. Uses $PYTHON, else .venv/bin/python, else python3: the
# environment the project is installed in (PyInstaller is added to it by build.py).
# DEB_COMPRESSION=xz packs the release-size .deb (a minute more); the default zstd is quick.
set -euo pipefail
cd "$(dirname "$0")/.."

LIMIT_MB=150  # decimal megabytes, as the issue states the limit
if [ -n "${PYTHON:-}" ]; then :
elif [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python
else PYTHON=python3
fi

now_ms() { date +%s%3N; }
fail() { echo "packaging/ci.sh: FAIL: $*" >&2; exit 1; }

echo "== installers: tools"
# As root with apt-get (the CI machines): the metadata validators, and a virtual X server with
# the X tools that measure_startup.py polls. Elsewhere each step that needs one says so.
apt_usable=""
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt_usable=yes
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        desktop-file-utils appstream xvfb xauth x11-utils x11-apps >/dev/null
else
    echo "note: apt-get is unavailable (or not root): the .desktop entry and the metainfo" \
         "are validated only where desktop-file-validate and appstreamcli are installed"
fi

echo "== installers: building the .deb with $PYTHON"
started=$(now_ms)
"$PYTHON" packaging/build.py deb --compression "${DEB_COMPRESSION:-zstd}"
build_ms=$(( $(now_ms) - started ))

version=$("$PYTHON" -c 'import importlib.metadata as m; print(m.version("claim-reader"))')
arch=$(dpkg --print-architecture)
deb="dist/claim-reader_${version}_${arch}.deb"
[ -f "$deb" ] || fail "$deb was not built"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/root"
dpkg-deb -x "$deb" "$root"

echo "== installers: package contents"
for path in usr/bin/claim-reader opt/claim-reader/claim-reader \
            usr/share/applications/claim-reader.desktop \
            usr/share/metainfo/io.github.claimreader.ClaimReader.metainfo.xml \
            usr/share/icons/hicolor/256x256/apps/claim-reader.png \
            usr/share/icons/hicolor/scalable/apps/claim-reader.svg \
            usr/share/doc/claim-reader/copyright; do
    [ -e "$root/$path" ] || fail "the package has no /$path"
done
depends=$(dpkg-deb -f "$deb" Depends)
for package in libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libegl1 libfontconfig1; do
    grep -q "$package" <<<"$depends" || fail "Depends lacks $package: $depends"
done
echo "Depends: $depends"
if [ -n "$apt_usable" ]; then
    # Install exactly what Depends names: fails if a name is unknown here, and gives the xcb
    # plugin the system libraries it runs on, as installing the .deb would.
    DEBIAN_FRONTEND=noninteractive apt-get satisfy -y -qq --no-install-recommends "$depends" \
        >/dev/null || fail "apt cannot satisfy the .deb's Depends: $depends"
    echo "apt: every package in Depends is installed or installable"
else
    echo "note: not root or no apt-get: the Depends names were not checked against apt"
fi

# The frozen program runs with a throw-away home, so nothing lands in the CI user's folders.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data"
export XDG_CACHE_HOME="$work/home/cache" CLAIM_READER_STORE="$work/home/store"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
program="$root/usr/bin/claim-reader"

echo "== installers: frozen --version"
started=$(now_ms)
reported=$(timeout 60 "$program" --version)
version_ms=$(( $(now_ms) - started ))
[ "$reported" = "Claim Reader $version" ] || fail "--version printed '$reported'"
echo "$reported"

echo "== installers: frozen --self-test"
started=$(now_ms)
timeout 120 "$program" --self-test || fail "the frozen program's --self-test failed"
selftest_ms=$(( $(now_ms) - started ))

echo "== installers: launch to painted window"
paint="not measured: needs xvfb-run, xwininfo and xwd (apt-get install xvfb x11-utils x11-apps)"
if command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null && command -v xwd >/dev/null
then
    # On a real (virtual) X server through the xcb plugin: also proves the .deb's Depends and
    # the bundled xcb plugin work together on this system.
    paint=$(QT_QPA_PLATFORM=xcb timeout 300 xvfb-run -a -s "-screen 0 1280x900x24" \
            "$PYTHON" packaging/measure_startup.py "$program" --runs 3) \
        || fail "the frozen program did not paint its window on Xvfb"
elif timeout 60 "$program" --quit-after-paint >/dev/null 2>&1; then
    best=""
    for _ in 1 2 3; do
        started=$(now_ms)
        timeout 60 "$program" --quit-after-paint >/dev/null 2>&1 || fail "--quit-after-paint failed"
        took=$(( $(now_ms) - started ))
        if [ -z "$best" ] || [ "$took" -lt "$best" ]; then best=$took; fi
    done
    paint="${best} ms (best of 3, offscreen)"
fi

bundle_bytes=$(du -sb "$root/opt/claim-reader" | cut -f1)
bundle_mb=$(( bundle_bytes / 1000000 ))
deb_kib=$(( $(stat -c %s "$deb") / 1024 ))

echo "== installers: figures"
echo "installed bundle: $bundle_mb MB ($bundle_bytes bytes; limit $LIMIT_MB MB)"
echo ".deb: $(( deb_kib * 1024 / 1000000 )) MB (${DEB_COMPRESSION:-zstd}; DEB_COMPRESSION=xz packs smaller, slower)"
echo "build (bundle + .deb): $(( build_ms / 1000 )) s"
echo "frozen --version: $version_ms ms; frozen --self-test: $selftest_ms ms"
echo "launch to painted window: $paint"
[ "$bundle_bytes" -lt $(( LIMIT_MB * 1000000 )) ] \
    || fail "the installed bundle is $bundle_mb MB, over the $LIMIT_MB MB limit"
echo "installers: all checks passed"
