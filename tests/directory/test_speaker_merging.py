"""Which variants the directory joins by itself, and, above all, which it must not."""

from __future__ import annotations

from directory_builders import add_review, names


def speaker_named(directory, name):
    found = directory.find(name)
    assert found.speaker is not None, (name, found)
    return found.speaker


# Joined ------------------------------------------------------------------------------------

def test_case_accents_titles_and_appositions_are_one_variant(store, build) -> None:
    add_review(store, "Pier repairs", [("Zoë Brontë-Lefèvre", "The pier opens in May."),
                                       ("Dr. Ines Okafor", "The tide gauge is broken.")])
    add_review(store, "Pier budget", [("ZOE BRONTE-LEFEVRE", "We found the money."),
                                      ("Ines Okafor, the harbour master", "Nobody asked me."),
                                      ("Mayor Ines Okafor KC", "I will ask again.")])
    directory = build()
    # one variant each, shown as written most carefully (accents, not capitals, fewest words)
    assert names(directory) == [("Zoë Brontë-Lefèvre",), ("Dr. Ines Okafor",)]
    assert speaker_named(directory, "zoe bronte-lefevre").quote_count == 2
    assert speaker_named(directory, "Ines Okafor").quote_count == 3


def test_initials_middle_names_and_surname_alone_join_the_one_person(store, build) -> None:
    add_review(store, "Ferry timetable", [("Maren Halvorsen", "Ferries run hourly."),
                                          ("Maren K. Halvorsen", "Two boats are in dock.")])
    add_review(store, "Ferry fares", [("M. Halvorsen", "Fares rise in April."),
                                      ("M. K. Halvorsen", "Students pay half.")])
    add_review(store, "Ferry strike", [("Halvorsen", "Talks resume on Monday."),
                                       ("Ms Halvorsen", "I expect a deal.")])
    directory = build()
    (speaker,) = directory.named()
    assert speaker.name == "Maren K. Halvorsen"
    assert set(speaker.variants) == {"Maren K. Halvorsen", "Maren Halvorsen", "M. Halvorsen",
                                     "M. K. Halvorsen", "Halvorsen", "Ms Halvorsen"}
    assert speaker.quote_count == 6 and speaker.articles == 3 and speaker.note == ""


def test_a_surname_alone_joins_the_person_its_own_article_names(store, build) -> None:
    add_review(store, "Lighthouse", [("Pia Rasmussen", "The lamp is original."),
                                     ("Rasmussen", "It needs a new lens.")])
    add_review(store, "Marina", [("Oskar Rasmussen", "Berths are full.")])
    directory = build()
    assert sorted(names(directory)) == [("Oskar Rasmussen",), ("Pia Rasmussen", "Rasmussen")]


def test_an_organisation_is_one_speaker_however_it_speaks(store, build) -> None:
    add_review(store, "Harbour dues", [("Harbour Office (spokesperson)", "Dues are fair."),
                                       ("The Harbour Office", "Dues fund dredging.")])
    add_review(store, "Harbour lights", [("HARBOUR OFFICE", "Lights are on a timer.")])
    directory = build()
    (office,) = directory.named()
    assert office.kind == "organisation" and office.quote_count == 3
    quotes = directory.quotes(office)
    assert {q.role for q in quotes} == {"spokesperson", None}


# Kept apart --------------------------------------------------------------------------------

def test_two_people_with_one_surname_never_merge_by_surname_alone(store, build) -> None:
    add_review(store, "Council vote", [("John Smith", "The vote was fair.")])
    add_review(store, "School roof", [("Jane Smith", "The roof leaks.")])
    add_review(store, "Harbour fees", [("Smith", "Fees must rise."),
                                       ("J. Smith", "Nobody consulted us."),
                                       ("Mrs Smith", "I object.")])
    directory = build()
    john, jane = speaker_named(directory, "John Smith"), speaker_named(directory, "Jane Smith")
    assert (john.variants, jane.variants) == (("John Smith",), ("Jane Smith",))
    assert john.quote_count == jane.quote_count == 1
    alone = speaker_named(directory, "Smith")
    assert "Jane Smith" in alone.note and "John Smith" in alone.note
    initials = speaker_named(directory, "J. Smith")
    assert initials.number not in (john.number, jane.number)


def test_a_name_that_fits_two_people_stays_alone(store, build) -> None:
    add_review(store, "Quay", [("John A. Smith", "The quay is safe.")])
    add_review(store, "Crane", [("John B. Smith", "The crane is new.")])
    add_review(store, "Dredging", [("John Smith", "Dredging starts soon.")])
    directory = build()
    assert sorted(names(directory)) == [("John A. Smith",), ("John B. Smith",), ("John Smith",)]


def test_generations_other_given_names_and_double_names_stay_apart(store, build) -> None:
    add_review(store, "Boatyard", [("Tobin Marsh Jr.", "We build twelve boats a year."),
                                   ("Tobin Marsh Sr.", "My father built more."),
                                   ("Jon Varga", "The slipway is ours."),
                                   ("John Varga", "The slipway is the town's."),
                                   ("Jean-Pierre Lemarchand", "Sails come from Brest."),
                                   ("Jean Lemarchand", "Sails come from Cork.")])
    assert len(build().named()) == 6


def test_a_title_of_one_sex_never_joins_a_given_name_of_the_other(store, build) -> None:
    add_review(store, "Allotments", [("Peter Ashworth", "Rents stay the same.")])
    add_review(store, "Allotment waiting list", [("Mrs Ashworth", "I waited six years.")])
    directory = build()
    assert sorted(names(directory)) == [("Mrs Ashworth",), ("Peter Ashworth",)]


def test_a_description_names_nobody_beyond_its_article(store, build) -> None:
    add_review(store, "Bridge", [("officials", "The bridge is sound."),
                                 ("officials", "Inspections are monthly.")])
    add_review(store, "Tunnel", [("officials", "The tunnel is sound.")])
    directory = build()
    assert directory.named() == []
    described = directory.named(include_unnamed=True)
    assert sorted(s.quote_count for s in described) == [1, 2]
    assert {s.context for s in described} == {"in “Bridge”", "in “Tunnel”"}
    assert directory.unnamed_quotes() == 3


def test_a_royal_title_is_not_a_surname(store, build) -> None:
    add_review(store, "Regatta", [("King Aldric", "The regatta is open."),
                                  ("Maya Aldric", "Sixty boats entered.")])
    assert sorted(names(build())) == [("King Aldric",), ("Maya Aldric",)]


def test_the_same_name_twice_is_told_apart_by_article(store, build) -> None:
    add_review(store, "Ferry one", [("Ana Pires", "First.")])
    add_review(store, "Ferry two", [("Ana Pires", "Second.")])
    directory = build()
    (speaker,) = directory.named()  # one name, one speaker, until the user splits it
    assert speaker.quote_count == 2 and speaker.context == ""
