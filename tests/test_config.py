"""The settings file the window's Preferences and the command line share (reader/config.py)."""

from __future__ import annotations

import tomllib

import pytest

from reader.config import ConfigError, Reviewer, config_path, load_reviewer, save_reviewer


def test_no_file_means_no_reviewer(tmp_path) -> None:
    assert load_reviewer(tmp_path / "none.toml") == Reviewer("", "")


def test_the_reviewer_is_written_and_read_back_keeping_other_settings(tmp_path) -> None:
    path = tmp_path / "sub" / "config.toml"
    path.parent.mkdir()
    path.write_text('zoom = 3\n[other]\n"key with space" = "kept"\nflag = true\n',
                    encoding="utf-8")
    odd = Reviewer('Rita "R." Alves\\😀', "Desk\tnorth\x7f")
    save_reviewer(odd, path)
    assert load_reviewer(path) == Reviewer('Rita "R." Alves\\😀', "Desk north\x7f")
    data = tomllib.loads(path.read_text("utf-8"))
    assert data["zoom"] == 3 and data["other"] == {"key with space": "kept", "flag": True}


@pytest.mark.parametrize("content", ["[reviewer\nname = ", "reviewer = 3\n",
                                     "[reviewer]\nname = 3\n", "\xff\xfe"])
def test_a_file_that_cannot_be_read_is_named_and_never_overwritten(tmp_path, content) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(content.encode("latin-1"))
    before = path.read_bytes()
    with pytest.raises(ConfigError, match=str(path)):
        load_reviewer(path)
    if content != "[reviewer]\nname = 3\n":  # a wrong name is replaced by the one given
        with pytest.raises(ConfigError):
            save_reviewer(Reviewer("Rita"), path)
    assert path.read_bytes() == before


def test_values_it_cannot_write_back_leave_the_file_alone(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("recent = [1, 2]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="by hand"):
        save_reviewer(Reviewer("Rita"), path)
    assert path.read_text("utf-8") == "recent = [1, 2]\n"


def test_the_file_lives_where_the_variable_says(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("CLAIM_READER_CONFIG", str(tmp_path / "mine.toml"))
    assert config_path() == tmp_path / "mine.toml"
    monkeypatch.delenv("CLAIM_READER_CONFIG")
    assert config_path().name == "config.toml" and "claim-reader" in str(config_path())
