"""The user's joins and splits: kept in STORE/speakers.json, replayed over every build, never
written over a file that could not be read."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from directory_builders import add_review, names

from reader.directory import DecisionsError, DecisionsFile, NameRef, build_directory
from reader.directory.decisions import DECISIONS_NAME
from reader.store.errors import StoreError
from reader.store.schema import load_schema


def decisions_of(store) -> DecisionsFile:
    return DecisionsFile(store.root, reviewer="ann")


@pytest.fixture
def smiths(store):
    add_review(store, "Council vote", [("John Smith", "The vote was fair.", "verified")])
    add_review(store, "School roof", [("Jane Smith", "The roof leaks.", "disputed")])
    add_review(store, "Harbour fees", [("J. Smith", "Nobody consulted us.")])
    return store


def test_a_join_is_saved_and_survives_a_rebuild_and_new_reviews(smiths, build) -> None:
    directory = build()
    initials = directory.find("J. Smith").speaker
    john = directory.find("John Smith").speaker
    assert initials.number != john.number
    # "J. Smith" could be John or Jane: the decision is about this review's "J. Smith"
    assert initials.ref.review is not None
    state = decisions_of(smiths).add("join", initials.ref, john.ref)
    joined = directory.with_decisions(state).find("John Smith").speaker
    assert set(joined.variants) == {"John Smith", "J. Smith"} and joined.quote_count == 2
    # New reviews: John's new quote joins him; another article's "J. Smith" is not decided.
    add_review(smiths, "Harbour fees, again", [("John Smith", "Still nobody consulted us.")])
    later = add_review(smiths, "Ferry fares", [("J. Smith", "Fares are too high.")])
    rebuilt = build()
    john = rebuilt.find("john smith").speaker
    assert set(john.variants) == {"John Smith", "J. Smith"} and john.quote_count == 3
    assert john.tally.verified == 1 and john.tally.unreviewed == 2
    assert rebuilt.find(f"J. Smith@{later}").speaker.note == (
        "not matched: could be Jane Smith or John Smith")
    assert rebuilt.find("Jane Smith").speaker.quote_count == 1


def test_a_join_of_names_holds_for_every_later_review(store, build) -> None:
    add_review(store, "Harbour dues", [("Harbour Office", "Dues are fair.")])
    add_review(store, "Harbour lights", [("Port Authority of Wend", "Lights are on.")])
    directory = build()
    office, authority = directory.find("Harbour Office").speaker, directory.find(
        "Port Authority of Wend").speaker
    assert office.ref.review is None and authority.ref.review is None
    decisions_of(store).add("join", office.ref, authority.ref)
    add_review(store, "Harbour dredging", [("Port Authority of Wend (spokesperson)",
                                            "Dredging starts in June.")])
    (joined,) = build().named()
    assert joined.quote_count == 3 and joined.articles == 3


def test_a_split_is_saved_and_holds_for_new_reviews(store, build) -> None:
    add_review(store, "Ferry timetable", [("Maren Halvorsen", "Ferries run hourly.")])
    add_review(store, "Ferry fares", [("M. Halvorsen", "Fares rise in April.")])
    directory = build()
    (maren,) = directory.named()
    decisions_of(store).add("split", NameRef("M. Halvorsen"), maren.ref)
    add_review(store, "Ferry strike", [("M. Halvorsen", "Talks resume on Monday."),
                                       ("Maren Halvorsen", "I expect a deal.")])
    rebuilt = build()
    assert sorted(names(rebuilt)) == [("M. Halvorsen",), ("Maren Halvorsen",)]
    assert rebuilt.find("M. Halvorsen").speaker.quote_count == 2
    assert rebuilt.find("Maren Halvorsen").speaker.quote_count == 2


def test_one_reviews_quotes_split_out_tell_two_people_of_one_name_apart(store, build) -> None:
    add_review(store, "Harbour one", [("Ana Pires", "The harbour is ours.")])
    other = add_review(store, "Vineyard", [("Ana Pires", "The harvest is early.")])
    directory = build()
    (ana,) = directory.named()
    decisions_of(store).add("split", NameRef("Ana Pires", other), ana.ref)
    add_review(store, "Harbour two", [("Ana Pires", "The harbour is still ours.")])
    rebuilt = build()
    first, second = sorted(rebuilt.named(), key=lambda s: s.quote_count)
    assert (first.quote_count, second.quote_count) == (1, 2)
    assert first.context == "in “Vineyard”" and second.context == "in 2 articles"
    assert first.ref == NameRef("Ana Pires", other)
    # Each is found by its name and review; the name alone finds both.
    assert rebuilt.find(f"Ana Pires@{other[:8]}").speaker.number == first.number
    assert len(rebuilt.find("Ana Pires").candidates) == 2


def test_the_later_decision_wins_and_undo_takes_the_last_back(smiths, build) -> None:
    file = decisions_of(smiths)
    file.add("join", NameRef("J. Smith"), NameRef("John Smith"))
    file.add("split", NameRef("J. Smith"), NameRef("John Smith"))
    assert build().find("John Smith").speaker.variants == ("John Smith",)
    taken, state = file.undo_last()
    assert taken is not None and taken.action == "split"
    assert len(state.decisions) == 1
    assert set(build().find("John Smith").speaker.variants) == {"John Smith", "J. Smith"}


def test_decisions_about_names_not_in_the_store_change_nothing(smiths, build) -> None:
    before = names(build())
    file = decisions_of(smiths)
    file.add("join", NameRef("Nobody Here"), NameRef("John Smith"))
    file.add("split", NameRef("Jane Smith"), NameRef("Jane Smith"))  # all there is of her
    assert names(build()) == before


def test_the_file_is_sorted_readable_json_with_a_backup(smiths, build) -> None:
    file = decisions_of(smiths)
    file.add("join", NameRef("J. Smith"), NameRef("John Smith"))
    path = smiths.root / DECISIONS_NAME
    first = path.read_text(encoding="utf-8")
    file.add("split", NameRef("J. Smith", "0" * 32), NameRef("John Smith"))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert path.read_text(encoding="utf-8") == json.dumps(
        data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert data["schema_version"] == 1
    assert data["decisions"][0] == {"action": "join", "at": data["decisions"][0]["at"],
                                    "by": "ann", "names": [{"name": "J. Smith"},
                                                           {"name": "John Smith"}]}
    assert data["decisions"][1]["name"] == {"name": "J. Smith", "review": "0" * 32}
    assert path.with_name(DECISIONS_NAME + ".bak").read_text(encoding="utf-8") == first
    import fastjsonschema

    fastjsonschema.compile(load_schema("speakers.schema.json"))(data)


def test_two_writers_add_to_one_log(smiths) -> None:
    """Each re-reads the file under its lock: neither writes over the other's decision."""
    first, second = decisions_of(smiths), decisions_of(smiths)
    first.read(), second.read()
    threads = [threading.Thread(target=lambda f=f, n=n: [
        f.add("join", NameRef(f"Person {n} {k}"), NameRef("John Smith")) for k in range(10)])
        for n, f in enumerate((first, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(decisions_of(smiths).read().decisions) == 20


DAMAGED = [
    (b"{\"schema_version\": 1, \"decisions\": [", "not valid JSON"),
    (b"", "the file is empty"),
    (b"\xff\xfe not text", "not UTF-8"),
    (b"[]", "no valid schema_version"),
    (json.dumps({"schema_version": 1, "decisions": [{"action": "merge", "at": "", "by": ""}]}
                ).encode(), "does not match the format"),
    (json.dumps({"schema_version": 1, "decisions": [
        {"action": "join", "at": "", "by": "", "names": [{"name": "A"}]}]}).encode(),
     "does not match the format"),
]


@pytest.mark.parametrize(("content", "reason"), DAMAGED)
def test_a_damaged_file_is_read_only_and_never_written(smiths, build, content: bytes,
                                                       reason: str) -> None:
    path = smiths.root / DECISIONS_NAME
    path.write_bytes(content)
    directory = build()  # the directory still builds, without the decisions
    message = directory.decisions.read_only_reason
    assert message is not None and reason in message
    assert str(path) in message and "has not been changed" in message
    assert len(directory.named()) == 3
    with pytest.raises(DecisionsError) as raised:
        decisions_of(smiths).add("join", NameRef("J. Smith"), NameRef("John Smith"))
    assert raised.value.message == message
    with pytest.raises(DecisionsError):
        decisions_of(smiths).undo_last()
    assert path.read_bytes() == content
    assert not path.with_name(DECISIONS_NAME + ".bak").exists()


def test_a_damaged_file_names_its_readable_backup(smiths, build) -> None:
    file = decisions_of(smiths)
    file.add("join", NameRef("J. Smith"), NameRef("John Smith"))
    file.add("join", NameRef("Jane Smith"), NameRef("John Smith"))
    path = smiths.root / DECISIONS_NAME
    path.write_text(path.read_text(encoding="utf-8")[:40], encoding="utf-8")  # cut short
    message = build().decisions.read_only_reason
    assert f"{path}.bak, can be read: copy it over speakers.json" in message


def test_a_newer_file_is_applied_as_far_as_understood_and_never_written(smiths, build) -> None:
    path = smiths.root / DECISIONS_NAME
    content = json.dumps({"schema_version": 7, "decisions": [
        {"action": "join", "at": "2030-01-01T00:00:00Z", "by": "zed",
         "names": [{"name": "J. Smith"}, {"name": "John Smith"}]},
        {"action": "alias", "at": "2030-01-01T00:00:00Z", "by": "zed", "alias": "JS"}],
        "groups": []}).encode()
    path.write_bytes(content)
    directory = build()
    assert "newer version of Claim Reader (format 7" in directory.decisions.read_only_reason
    assert set(directory.find("John Smith").speaker.variants) == {"John Smith", "J. Smith"}
    with pytest.raises(DecisionsError):
        decisions_of(smiths).add("split", NameRef("J. Smith"), NameRef("John Smith"))
    assert path.read_bytes() == content


def test_an_unwritable_store_says_so_and_changes_nothing(smiths, monkeypatch) -> None:
    import errno
    import os

    def refuse(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("reader.store.atomic.tempfile.mkstemp", refuse)
    with pytest.raises(StoreError) as raised:
        decisions_of(smiths).add("join", NameRef("J. Smith"), NameRef("John Smith"))
    assert "the disk is full" in raised.value.message
    assert not os.path.exists(smiths.root / DECISIONS_NAME)


def test_a_review_file_that_cannot_be_read_is_named_and_the_rest_listed(smiths) -> None:
    bad = smiths.reviews_dir / ("f" * 32 + ".json")
    bad.write_text("{\"claims\": {", encoding="utf-8")
    before = bad.read_bytes()
    directory = build_directory(smiths.root)
    assert [(path.name, "not valid JSON" in why)
            for path, why in directory.collection.unreadable] == [(bad.name, True)]
    assert len(directory.named()) == 3
    assert bad.read_bytes() == before


def test_an_empty_or_missing_store_has_no_speakers(tmp_path: Path) -> None:
    assert build_directory(tmp_path / "nowhere").speakers == []
