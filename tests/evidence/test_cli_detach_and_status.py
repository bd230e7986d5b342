"""The command line: ``match-quotes ARTICLE --detach SOURCE_OR_ID`` takes a source back out of
the review (named by its file, id, file name or title; careless input answered in one line),
and ``status`` shows the sources and each quote's passages (``--json`` and the table), leaving
out a detached source's even when a copy from elsewhere still carries them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from evidence_builders import ARTICLE, PRESS_RELEASE, TRANSCRIPT, write

from reader.cli import main
from reader.store import ReviewStore

NEAR = "We will never raise the harbour fee this year."
EVIDENCE_KEYS = {"source", "title", "path", "result", "similarity", "start", "end", "passage",
                 "changes", "stale"}


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    return {"article": write(tmp_path, "article.txt", ARTICLE),
            "minutes": write(tmp_path, "minutes.txt", TRANSCRIPT),
            "release": write(tmp_path, "release.md", PRESS_RELEASE),
            "store": tmp_path / "store"}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def attached(capsys, files) -> Path:
    code, _, err = run(capsys, "match-quotes", str(files["article"]), str(files["minutes"]),
                       str(files["release"]), "--save", "--store", str(files["store"]))
    assert code == 0, err
    (path,) = (files["store"] / "reviews").glob("*.json")
    return path


def status(capsys, files) -> dict:
    code, out, err = run(capsys, "status", str(files["article"]), "--store",
                         str(files["store"]), "--json")
    assert code == 0, err
    return json.loads(out)


def test_status_json_gives_each_quotes_passage_in_each_source(capsys, files) -> None:
    attached(capsys, files)
    data = status(capsys, files)
    minutes, release = data["source_documents"]
    assert minutes["path"] == str(files["minutes"]) and minutes["id"].startswith("s-")
    assert release["path"] == str(files["release"])
    assert data["removed_source_documents"] == []
    claims = {c["text"]: c for c in data["claims"]}
    near, other = claims[NEAR]["evidence"]
    assert set(near) == EVIDENCE_KEYS
    assert near["source"] == minutes["id"] and near["title"] == minutes["title"]
    assert near["result"] == "near" and near["similarity"] == 0.889
    assert near["passage"] == "We will not raise the harbour fee this year"
    assert TRANSCRIPT[near["start"]:near["end"]] == near["passage"]
    assert near["changes"] == [{"op": "replace", "article": "never", "source": "not"}]
    assert near["stale"] is False
    assert other["source"] == release["id"] and other["result"] == "not_found"
    assert other["passage"] is None and other["start"] is None
    for claim in data["claims"]:
        assert claim["evidence"] if claim["kind"] == "quote" else not claim["evidence"]


def test_status_table_lists_the_sources_and_a_line_per_quote(capsys, files) -> None:
    attached(capsys, files)
    code, out, _ = run(capsys, "status", str(files["article"]), "--store", str(files["store"]))
    assert code == 0
    assert "Source documents: 2 attached" in out
    assert "(minutes.txt), attached" in out
    assert ("in sources: near 89% in minutes.txt (changed “not” to “never”) · not found in "
            "release.md") in out
    assert "in sources: exact in minutes.txt · exact in release.md" in out


def test_detach_by_file_removes_text_and_passages_and_status_says_so(capsys, files) -> None:
    path = attached(capsys, files)
    code, out, err = run(capsys, "match-quotes", str(files["article"]), "--detach",
                         str(files["minutes"]), "--store", str(files["store"]))
    assert code == 0, err
    assert out.startswith("Detached “HARBOUR COUNCIL — MINUTES OF THE MEETING OF 4 MARCH” "
                          "(minutes.txt, s-")
    assert "passages found in it for 4 quotes are removed" in out
    assert "Attaching the file again brings it back" in out
    assert "every single one of them" not in path.read_text(encoding="utf-8")
    data = status(capsys, files)
    assert [d["path"] for d in data["source_documents"]] == [str(files["release"])]
    (removal,) = data["removed_source_documents"]
    assert removal["title"].startswith("HARBOUR COUNCIL") and "text" not in removal
    assert all(e["source"] != removal["id"] for c in data["claims"] for e in c["evidence"])
    code, out, _ = run(capsys, "status", str(files["article"]), "--store", str(files["store"]))
    assert f"Detached: {removal['id']}" in out and "minutes.txt" not in out.split("ID")[-1]
    # Attaching it again brings it back.
    assert run(capsys, "match-quotes", str(files["article"]), str(files["minutes"]), "--save",
               "--store", str(files["store"]))[0] == 0
    data = status(capsys, files)
    assert len(data["source_documents"]) == 2 and data["removed_source_documents"] == []


@pytest.mark.parametrize("name", [
    "minutes.txt", "MINUTES.TXT", "harbour council — minutes of the meeting of 4 march",
    "ID", "ID6", "s-ID6", "MOVED"])
def test_a_source_is_named_by_id_file_name_title_or_its_moved_file(capsys, files, tmp_path,
                                                                  name) -> None:
    attached(capsys, files)
    minutes = status(capsys, files)["source_documents"][0]
    # The file moved and renamed since: recognised by its text.
    moved = write(tmp_path, "transcript-copy.txt", TRANSCRIPT)
    given = {"ID": minutes["id"], "ID6": minutes["id"][2:8], "s-ID6": minutes["id"][:8],
             "MOVED": str(moved)}.get(name, name)
    code, out, err = run(capsys, "match-quotes", str(files["article"]), "--detach", given,
                         "--store", str(files["store"]))
    assert code == 0, err
    assert minutes["id"] in out
    assert [r["id"] for r in status(capsys, files)["removed_source_documents"]] == [
        minutes["id"]]


def test_detaching_twice_says_when_it_went_and_changes_nothing(capsys, files) -> None:
    path = attached(capsys, files)
    run(capsys, "match-quotes", str(files["article"]), "--detach", "minutes.txt", "--store",
        str(files["store"]))
    before = path.read_bytes()
    code, out, _ = run(capsys, "match-quotes", str(files["article"]), "--detach",
                       str(files["minutes"]), "--store", str(files["store"]))
    assert code == 0 and "was already detached on" in out and "nothing changed" in out
    assert path.read_bytes() == before


def test_careless_detaches_get_one_clear_line(capsys, files) -> None:
    path = attached(capsys, files)
    before = path.read_bytes()
    store = ("--store", str(files["store"]))
    code, out, err = run(capsys, "match-quotes", str(files["article"]), "--detach",
                         "minuets.txt", *store)
    assert code == 1 and out == ""
    assert "No source document of the review is 'minuets.txt'" in err
    assert "(minutes.txt, s-" in err and "(release.md, s-" in err  # what there is
    code, _, err = run(capsys, "match-quotes", str(files["article"]), "--detach", "s-0", *store)
    assert code == 1 and "No source document" in err
    # The article and the source swapped: the source has no review.
    code, _, err = run(capsys, "match-quotes", str(files["minutes"]), "--detach",
                       str(files["article"]), *store)
    assert code == 1 and "has no review in the store yet" in err
    assert path.read_bytes() == before
    for args in ([str(files["minutes"]), "--detach", "x"], ["--detach", "x", "--save"],
                 ["--detach", "x", "--json"], []):
        with pytest.raises(SystemExit) as stop:
            main(["match-quotes", str(files["article"]), *args, *store])
        assert stop.value.code == 2
        assert "--detach" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_two_sources_with_one_title_are_named_apart(capsys, files, tmp_path) -> None:
    other = write(tmp_path, "minutes-2.txt", TRANSCRIPT.replace("Good evening", "Good night"))
    attached(capsys, files)
    assert run(capsys, "match-quotes", str(files["article"]), str(other), "--save", "--store",
               str(files["store"]))[0] == 0
    code, _, err = run(capsys, "match-quotes", str(files["article"]), "--detach",
                       "HARBOUR COUNCIL — MINUTES OF THE MEETING OF 4 MARCH", "--store",
                       str(files["store"]))
    assert code == 1 and "names 2 source documents" in err and "Give its id" in err


def test_a_copy_that_still_holds_the_text_is_named(capsys, files) -> None:
    path = attached(capsys, files)
    copy = path.with_name(f"{path.stem} (conflicted copy 2026-03-05).json")
    copy.write_bytes(path.read_bytes())
    code, _, err = run(capsys, "match-quotes", str(files["article"]), "--detach",
                       "minutes.txt", "--store", str(files["store"]))
    assert code == 0
    assert "Older copies of this review that Claim Reader kept still hold its text" in err
    assert "merged" in err and "Delete them if the text must go" in err


def test_status_ignores_passages_of_a_detached_source_in_a_file_edited_by_hand(
        capsys, files) -> None:
    path = attached(capsys, files)
    data = json.loads(path.read_text(encoding="utf-8"))
    run(capsys, "match-quotes", str(files["article"]), "--detach", "minutes.txt", "--store",
        str(files["store"]))
    edited = json.loads(path.read_text(encoding="utf-8"))
    for key, claim in edited["claims"].items():  # the old passages pasted back in
        claim["evidence"] = data["claims"][key].get("evidence", [])
    path.write_text(json.dumps(edited, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    report = status(capsys, files)
    removed = report["removed_source_documents"][0]["id"]
    assert all(e["source"] != removed for c in report["claims"] for e in c["evidence"])
    review = ReviewStore(files["store"]).load(path.stem).review
    assert all(e.source != removed for c in review.claims.values() for e in c.evidence)
