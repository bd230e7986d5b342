"""dmgbuild settings for Claim Reader's disk image: the app and a link to /Applications.

Used by ``python packaging/build.py macos``, which runs
``python -m dmgbuild -s packaging/macos/dmg_settings.py -D app="dist/Claim Reader.app"
"Claim Reader" dist/ClaimReader-VERSION.dmg``. dmgbuild runs this file with ``defines`` (the
-D values) in its namespace; it needs no Finder session, so it works on headless CI runners.
"""

import os.path

_defines = globals().get("defines", {})
application = _defines.get("app", "dist/Claim Reader.app")
appname = os.path.basename(application)

format = "UDZO"  # zlib-compressed, read-only: opens on every supported macOS
files = [application]
symlinks = {"Applications": "/Applications"}
hide_extension = [appname]

default_view = "icon-view"
window_rect = ((200, 200), (560, 320))
icon_size = 112
text_size = 13
icon_locations = {appname: (140, 150), "Applications": (420, 150)}
show_status_bar = False
show_tab_view = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
