"""Reading a claim's speaker label as a name: kind, key, given names, surname."""

from __future__ import annotations

import pytest

from reader.directory.names import (
    fold,
    given_compatible,
    parse_speaker,
    split_role,
    token_compatible,
)


def test_fold_ignores_case_accents_apostrophes_and_dashes() -> None:
    assert fold("Zoë  BRONTË–Lefèvre") == "zoe bronte-lefevre"
    assert fold("Søren Ærø") == "soren aero"
    assert fold("O’Brien") == fold("O'Brien") == "o'brien"


def test_role_is_split_from_the_name() -> None:
    assert split_role("Harbour Office (spokesperson)") == ("Harbour Office", "spokesperson")
    assert split_role("Ines Okafor") == ("Ines Okafor", None)


@pytest.mark.parametrize(("label", "key"), [
    ("Ines Okafor", "ines okafor"),
    ("INES OKAFOR", "ines okafor"),
    ("Dr. Ines Okafor", "ines okafor"),
    ("Mayor Ines Okafor", "ines okafor"),
    ("Ines Okafor KC", "ines okafor"),
    ("Ines Okafor, the mayor", "ines okafor"),
    ("British Prime Minister Aldous Brennock", "aldous brennock"),
    ("I. Okafor", "i. okafor"),
    ("I Okafor", "i. okafor"),
    ("J.K. Varley", "j. k. varley"),
    ("JK Varley", "j. k. varley"),
    ("J.-P. Lemarchand", "j.-p. lemarchand"),
    ("Okafor", "okafor"),
    ("Mrs Okafor", "okafor#f"),
    ("Mr. Okafor", "okafor#m"),
    ("Ulla von der Brink", "ulla von der brink"),
    ("Tobin Marsh Jr.", "tobin marsh jr"),
    ("Tobin Marsh, Jr.", "tobin marsh jr"),
    ("Zoë Brontë-Lefèvre", "zoe bronte-lefevre"),
])
def test_people(label: str, key: str) -> None:
    name = parse_speaker(label)
    assert (name.kind, name.key) == ("person", key)


def test_a_persons_parts() -> None:
    name = parse_speaker("Dr. Ulla M. von der Brink")
    assert (name.given, name.surname, name.full) == (("ulla", "m."), "von der brink", True)
    assert parse_speaker("U. von der Brink").partial
    assert parse_speaker("von der Brink").surname == "von der brink"
    assert parse_speaker("Tobin Marsh Sr.").suffix == "sr"


@pytest.mark.parametrize(("label", "key"), [
    ("Harbour Office", "@harbour office"),
    ("The Harbour Office", "@harbour office"),
    ("HARBOUR OFFICE", "@harbour office"),
    ("Office for Coastal Safety", "@office for coastal safety"),
    ("Westmarch Police", "@westmarch police"),
    ("QRTA", "@qrta"),
    ("U.N.", "@un"),
    ("No 10", "@no 10"),
    ("The Harbour Herald", "@harbour herald"),
])
def test_organisations(label: str, key: str) -> None:
    name = parse_speaker(label)
    assert (name.kind, name.key) == ("organisation", key)


@pytest.mark.parametrize("label", [
    "officials", "the agency", "Residents", "Passengers", "police", "Prime Minister", "Mayor",
    "The owners of the pier", "Colt's office", "The town’s port authority", "a dock worker",
])
def test_descriptions(label: str) -> None:
    assert parse_speaker(label).kind == "description"


def test_a_title_with_a_single_name_keeps_the_title() -> None:
    """"King Aldric" is not a surname "Aldric" that could join "Maya Aldric"."""
    name = parse_speaker("King Aldric")
    assert (name.kind, name.given, name.surname) == ("person", (), "king aldric")


def test_given_names_agree_or_not() -> None:
    assert token_compatible("j.", "john")
    assert token_compatible("j.", "jean-pierre")
    assert token_compatible("j.-p.", "jean-pierre")
    assert not token_compatible("j.-p.", "jean")
    assert not token_compatible("john", "jon")
    assert not token_compatible("j.", "k.")
    assert given_compatible(("john",), ("john", "a."))
    assert given_compatible(("j.", "a."), ("john", "andrew"))
    assert not given_compatible(("john", "a."), ("john", "b."))
    assert not given_compatible(("jean-pierre",), ("jean",))
