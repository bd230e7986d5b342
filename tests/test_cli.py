"""The command line as a user meets it: --version, --help, sub-command dispatch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.cli import COMMANDS, build_window_parser, main
from reader.store.location import STORE_ENV_VAR, default_store_dir, resolve_store_dir

SCRIPT = Path(sys.executable).with_name("claim-reader")


def run(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, timeout=120, **kwargs)


def test_version_names_the_app_and_its_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Claim Reader {__version__}"


def test_help_lists_file_store_and_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "FILE" in result.stdout
    assert "--store DIR" in result.stdout
    assert STORE_ENV_VAR in result.stdout
    for name in COMMANDS:
        assert f"\n  {name} " in result.stdout


def test_installed_console_script_matches_python_m() -> None:
    assert SCRIPT.exists(), f"the console script should be installed at {SCRIPT}"
    result = subprocess.run([str(SCRIPT), "--version"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0
    assert result.stdout == run("--version").stdout


def test_unknown_option_is_an_error_with_usage() -> None:
    result = run("--no-such-option")
    assert result.returncode == 2
    assert "usage: claim-reader" in result.stderr


def test_every_command_has_its_own_help() -> None:
    for name in COMMANDS:
        result = run(name, "--help")
        assert result.returncode == 0, result.stderr
        assert f"claim-reader {name}" in result.stdout
        assert "--store" in result.stdout


def test_window_parser_takes_file_and_store() -> None:
    options = build_window_parser().parse_args(["article.md", "--store", "/tmp/x"])
    assert options.file == "article.md"
    assert options.store == "/tmp/x"


def test_window_is_started_with_the_file_and_store(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    import reader.ui.app

    monkeypatch.setattr(reader.ui.app, "run_app", lambda f, s, **kw: calls.append((f, s)) or 0)
    assert main(["some.txt", "--store", "elsewhere"]) == 0
    assert main([]) == 0
    assert calls == [(Path("some.txt"), "elsewhere"), (None, None)]


def test_store_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(STORE_ENV_VAR, str(tmp_path / "env"))
    assert resolve_store_dir(tmp_path / "cli") == tmp_path / "cli"
    assert resolve_store_dir(None) == tmp_path / "env"
    monkeypatch.delenv(STORE_ENV_VAR)
    assert resolve_store_dir(None) == default_store_dir()
    assert "claim-reader" in str(default_store_dir())


def test_self_test_passes_headless() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = run("--self-test", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAIL" not in result.stdout
    assert "checks passed" in result.stdout


def test_window_starts_paints_and_quits_on_request(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = run("--quit-after-paint", "--store", str(tmp_path / "store"), env=env)
    assert result.returncode == 0, result.stderr


def test_every_command_documents_its_exit_codes() -> None:
    for name in COMMANDS:
        result = run(name, "--help")
        assert "exit status: 0 done; 1 failed" in " ".join(result.stdout.split()), name


@pytest.mark.parametrize("command", ["extract", "status", "export"])
def test_output_cut_short_by_the_reader_is_not_an_error(command: str, tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text("Ports\n\n" + "The council said 12 ships docked in 2025. " * 6000,
                       encoding="utf-8")
    args = [command, str(article), "--store", str(tmp_path / "store")]
    args += {"extract": ["--format", "json"], "status": ["--json"], "export": []}[command]
    producer = subprocess.Popen([sys.executable, "-m", "reader", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
    assert producer.stdout is not None and producer.stderr is not None
    producer.stdout.read(10)
    producer.stdout.close()  # like `| head -c 10`
    errors = producer.stderr.read().decode()
    assert producer.wait(timeout=120) == 0, errors
    assert "Traceback" not in errors


HOSTILE = "\x1b]52;c;aGVsbG8=\x07\x1b[2J\x9b31m\x7f"


@pytest.mark.parametrize("args", [["extract", "--format", "text"], ["extract", "--format", "json"],
                                  ["status"], ["status", "--json"], ["export"],
                                  ["export", "-f", "csv"], ["export", "-f", "jsonld"]])
def test_escape_sequences_in_an_article_never_reach_the_terminal(args: list[str],
                                                                 tmp_path: Path) -> None:
    import json as json_module

    article = tmp_path / "hostile.txt"
    article.write_text(f"Port news\n\nThe mayor said \"we lost {HOSTILE} 300 homes in 2019,\" "
                       f"said Ann Bo.\n", encoding="utf-8")
    result = run(args[0], str(article), *args[1:], "--store", str(tmp_path / "store"))
    assert result.returncode == 0, result.stderr
    shown = result.stdout.replace("\r\n", "\n")
    assert not any(c in shown for c in "\x1b\x07\x9b\x7f\r"), repr(shown[:200])
    if "json" in args or "jsonld" in args:
        strings: list[str] = []
        json_module.loads(result.stdout, object_hook=lambda item: strings.extend(
            value for value in item.values() if isinstance(value, str)) or item)
        assert any(HOSTILE in value for value in strings)  # escaped, not lost


def test_escape_sequences_in_a_file_name_never_reach_the_terminal(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "missing\x1b[2J.txt"))
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "missing" in result.stderr


# What people type: options in any place, typos, no display ------------------------------------


def _article(tmp_path: Path) -> Path:
    article = tmp_path / "quay.txt"
    article.write_text("Quay repairs\n\nThe harbour master said 14 ships waited in 2025.\n",
                       encoding="utf-8")
    return article


@pytest.mark.parametrize("order", ["before", "after"])
def test_store_may_come_before_or_after_the_command(tmp_path: Path, order: str) -> None:
    article, store = _article(tmp_path), tmp_path / "chosen-store"
    store_args = ["--store", str(store)]
    status = ["status", str(article), "--json"]
    args = store_args + status if order == "before" else status + store_args
    listed = run(*args)
    assert listed.returncode == 0, listed.stderr
    claim_id = __import__("json").loads(listed.stdout)["claims"][0]["id"]
    tag = ["tag", str(article), claim_id, "verified"]
    tagged = run(*(store_args + tag if order == "before" else tag + store_args))
    assert tagged.returncode == 0, tagged.stderr
    assert len(list((store / "reviews").glob("*.json"))) == 1
    assert run(f"--store={store}", *status).returncode == 0


def test_an_unknown_command_is_named_with_the_commands_and_the_closest() -> None:
    result = run("frobnicate")
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0] == "claim-reader: unknown command 'frobnicate' (and no file of that name)"
    assert all(name in lines[1] for name in COMMANDS)
    typo = run("--store", "somewhere", "statsu", "article.txt")
    assert typo.returncode == 2
    assert typo.stderr.splitlines()[-1] == "did you mean 'status'?"


def test_a_file_named_like_a_word_is_opened_not_refused(monkeypatch, tmp_path) -> None:
    calls = []
    import reader.ui.app

    monkeypatch.setattr(reader.ui.app, "run_app", lambda f, s, **kw: calls.append(f) or 0)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "frobnicate").write_text("A file with no extension.\n", encoding="utf-8")
    assert main(["frobnicate"]) == 0
    assert main(["--", "statsu"]) == 0
    assert main(["missing-article.txt"]) == 0  # the window says the file is missing
    assert calls == [Path("frobnicate"), Path("statsu"), Path("missing-article.txt")]


def _without_display(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return {**env, **extra}


@pytest.mark.parametrize("display", [None, ":97"])
def test_without_a_display_the_window_says_so_in_one_line(display: str | None,
                                                          tmp_path: Path) -> None:
    env = _without_display(**({"DISPLAY": display} if display else {}))
    result = run("--store", str(tmp_path / "store"), env=env)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "display" in lines[0] and "--self-test" in lines[0] and "export" in lines[0]
    assert "xcb" not in result.stderr
    assert (display or "neither DISPLAY nor WAYLAND_DISPLAY") in lines[0]


def test_a_display_is_looked_for_where_qt_would_connect(monkeypatch, tmp_path) -> None:
    from reader.cli.display import display_problem

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert display_problem() is not None
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert display_problem() is None
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-9")
    assert "WAYLAND_DISPLAY=wayland-9" in display_problem()
    (tmp_path / "wayland-9").touch()  # the compositor's socket
    assert display_problem() is None
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")  # X asked for, and no X server
    assert display_problem() is not None
    monkeypatch.setenv("DISPLAY", "remote.example:10.0")  # forwarded over SSH: not probed
    assert display_problem() is None


def test_the_store_variable_in_the_help_is_the_stores() -> None:
    import reader.cli

    assert reader.cli.STORE_ENV_VAR == STORE_ENV_VAR
