"""Attribution: cues before and after, appositions, titles, pronouns, surnames, continuation."""

from __future__ import annotations

import pytest

from reader.analysis import analyse


def speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in analyse(text).quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We are ready,” Maria Ostrova said.", "Maria Ostrova"),
        ("“We are ready,” said Maria Ostrova.", "Maria Ostrova"),
        ("Maria Ostrova said: “We are ready.”", "Maria Ostrova"),
        ("Maria Ostrova said on Monday that the army was “ready for anything.”",
         "Maria Ostrova"),
        ("“We are ready,” Maria Ostrova, the head of the regional council, said.",
         "Maria Ostrova"),
        ("“We are ready,” said Maria Ostrova, the head of the regional council.",
         "Maria Ostrova"),
        ("Defence Minister Maria Ostrova told reporters: “We are ready.”", "Maria Ostrova"),
        ("“We are ready,” U.N. Secretary-General Maria Ostrova told reporters.",
         "Maria Ostrova"),
        ("“We are ready,” according to Maria Ostrova.", "Maria Ostrova"),
        ("The region’s governor, Maria Ostrova, said: “We are ready.”", "Maria Ostrova"),
        ("Maria Ostrova of the Farmers’ League said the deal was “a betrayal of everyone here.”",
         "Maria Ostrova"),
        ("“We are ready,” the ministry said.", "the ministry"),
        ("“We are ready,” the U.K. Defence Ministry said.", "U.K. Defence Ministry"),
    ],
)
def test_cue_forms(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_surname_and_pronoun_resolve_to_the_full_name_first_given() -> None:
    text = ("Prime Minister Lena Halvorsen arrived on Monday.\n\n"
            "“We will not be rushed,” Halvorsen said.\n\n"
            "“Nor will we walk away,” she added.")
    quotes = analyse(text).quotes
    assert [q.speaker.name for q in quotes] == ["Lena Halvorsen", "Lena Halvorsen"]
    # The mention is the span that gave the attribution: the surname, then the pronoun.
    assert [text[q.speaker.start:q.speaker.end] for q in quotes] == ["Halvorsen", "she"]


def test_pronoun_skips_people_named_inside_quotes() -> None:
    text = ("Mayor Tom Adeyemi spoke first.\n\n"
            "“I told Governor Ruth Kaplan we need the money,” he said.")
    assert speakers(text) == ["Tom Adeyemi"]


def test_pronoun_gender_picks_the_right_person() -> None:
    text = ("Anna Berg, a farmer, said she would sell. Her neighbour, Piet Larsen, said he "
            "would not.\n\n“I have nowhere else to go,” she said.")
    assert speakers(text) == ["Anna Berg"]


def test_quote_without_cue_continues_the_previous_speaker() -> None:
    text = ("“The bridge is safe,” said engineer Ruth Oduya.\n\n"
            "“We checked every bolt twice.”")
    assert speakers(text) == ["Ruth Oduya", "Ruth Oduya"]


def test_reported_speech_sets_the_speaker_of_a_following_quote() -> None:
    text = ("Ruth Oduya, the chief engineer, said the bridge had passed its inspection.\n\n"
            "“We checked every bolt twice.”")
    assert speakers(text) == ["Ruth Oduya"]


def test_a_heading_ends_the_run_of_paragraphs() -> None:
    text = ("“The bridge is safe,” said engineer Ruth Oduya.\n\n"
            "Traffic returns\n\n"
            "“Nobody expected this outcome at all,” a driver shouted from his cab window.")
    quotes = analyse(text).quotes
    assert quotes[1].speaker is None or quotes[1].speaker.name != "Ruth Oduya"


def test_term_has_no_speaker_even_in_reported_speech() -> None:
    text = "Ruth Oduya said the so-called “miracle span” was a myth."
    [quote] = analyse(text).quotes
    assert quote.kind == "term" and quote.speaker is None


def test_partial_quotes_in_one_sentence_share_the_speaker() -> None:
    text = ("Keira Stone said she was “not convinced” by the plan, calling it “a gamble with "
            "other people’s money.”")
    assert speakers(text) == ["Keira Stone", "Keira Stone"]


def test_cue_is_reported() -> None:
    [quote] = analyse("“Enough,” Keira Stone warned.").quotes
    assert quote.cue == "warned"


def test_party_and_state_after_a_senator_is_not_the_speaker() -> None:
    text = ("Sen. Lindsey Graham, R-S.C., who voted against it, told reporters the money was "
            "wasted. “You can’t defend one border and ignore another,” he said.")
    analysis = analyse(text)
    assert [q.speaker.name for q in analysis.quotes if q.speaker] == ["Lindsey Graham"]
    assert analysis.claims[0].speaker is not None
    assert analysis.claims[0].speaker.name == "Lindsey Graham"


def test_a_cue_introducing_the_next_quote_is_not_taken_by_the_one_before() -> None:
    text = ("Ursula von der Leyen, the commission president, said the vote was “a strong "
            "signal.” She added: “Europe will do its part.”")
    assert speakers(text) == ["Ursula von der Leyen", "Ursula von der Leyen"]


def test_names_with_particles_and_prefixes() -> None:
    assert speakers("“We will see,” said Abu Bakr al-Baghdadi.") == ["Abu Bakr al-Baghdadi"]
    assert speakers("“We will see,” Charles de Gaulle said.") == ["Charles de Gaulle"]


def test_descriptions_are_sources_but_not_named_people() -> None:
    text = ("The Israeli military said it struck “terror targets” overnight. A senior Egyptian "
            "official said talks would resume.")
    analysis = analyse(text)
    [quote] = analysis.quotes
    assert quote.speaker is not None and quote.speaker.name == "Israeli military"
    assert [c.kind for c in analysis.claims] == ["quote"]  # the official is not named


def test_pronoun_prefers_the_speaker_over_people_named_in_the_apposition() -> None:
    text = ("Piet Larsen, an adviser to President Tom Reed, said the plan was sound.\n\n"
            "“It will work,” he said.")
    assert speakers(text) == ["Piet Larsen"]


def test_pronoun_after_a_new_sentence_takes_the_person_last_named() -> None:
    text = ("Piet Larsen said the plan was sound. Later, Mayor Tom Reed arrived.\n\n"
            "“I disagree,” he said.")
    assert speakers(text) == ["Tom Reed"]


def test_first_name_resolves_to_the_full_name() -> None:
    text = ("Natalia Volkova runs a bakery on the square.\n\n"
            "“We open at five, war or no war,” Natalia said.")
    assert speakers(text) == ["Natalia Volkova"]


def test_cue_later_in_the_sentence() -> None:
    assert speakers("The “miracle plan” was a fraud from the start, Ruth Oduya said.") == [
        "Ruth Oduya"]


def test_name_and_colon_before_a_quote() -> None:
    text = "Mayor Gerald Voss spoke first.\n\nVoss: “We will not sell the water works.”"
    assert speakers(text) == ["Gerald Voss"]


def test_according_to_a_document_from_a_source() -> None:
    text = "The strikes were “precise,” according to a statement from the Defence Ministry."
    assert speakers(text) == ["Defence Ministry"]


def test_inverted_description_followed_by_the_name() -> None:
    text = "“It is a provocation,” said the ministry’s spokeswoman, Maria Zakharova."
    assert speakers(text) == ["Maria Zakharova"]


def test_an_age_description_stands_for_the_person_just_named() -> None:
    text = ("Olha Kovalenko stood outside her flat.\n\n"
            "“I lived here for 31 years,” the 56-year-old said.")
    assert speakers(text) == ["Olha Kovalenko"]


def test_a_description_does_not_swallow_a_reporting_verb() -> None:
    text = ("A spokesperson said the agency had warned in 2024 that the wall was “near the end "
            "of its life.”")
    assert speakers(text) == ["the agency"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Peerages and council titles are stripped like any title.
        ("Peers backed Baroness Ruth Ellingham. ‘It is right,’ said Lady Ellingham.",
         ["Ruth Ellingham"]),
        ("‘Nobody is left behind,’ said Councillor Naomi Fenwick.", ["Naomi Fenwick"]),
        # Letters after a name are no part of it, and the surname then resolves.
        ("His barrister, Julian Marsh KC, said he had “shown remorse”. “He is ashamed,” "
         "Mr Marsh told the court.", ["Julian Marsh", "Julian Marsh"]),
        # "a Social Democrat" describes the person named before it; "she" is that person.
        ("His colleague Verena Stadelmann, a Social Democrat, defended the budget. "
         "„Nobody likes higher taxes,“ she said.", ["Verena Stadelmann"]),
        # An organisation whose name runs on past "and" is not a person for "he" to mean.
        ("Colin Threlfall, of Westshire Fire and Rescue Service, said it started downstairs.\n\n"
         "He said a door had been “propped open with an extinguisher”.", ["Colin Threlfall"]),
    ],
)
def test_titles_post_nominals_and_descriptions(text: str, expected: list[str]) -> None:
    assert speakers(text) == expected


def test_a_subject_before_an_earlier_quote_in_the_sentence_still_counts() -> None:
    text = ("The housing minister, Tobias Renwick-Hale, who has staked his name on ‘1.5 million "
            "homes’ by 2029, said the vote was ‘deeply disappointing’ and would be overturned.")
    # The quoted promise is his or nobody's; "the vote" (what he said something about) never.
    first, second = speakers(text)
    assert first in (None, "Tobias Renwick-Hale")
    assert second == "Tobias Renwick-Hale"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the company", "the district": the organisation last named that they stand for.
        ("The home is run by Harbourside Care Group. In a statement, the company said it had "
         "“overhauled” its controls.", ["Harbourside Care Group"]),
        ("Talks with the Port Alder School District stalled. The district said its offer was "
         "“fair and sustainable”.", ["Port Alder School District"]),
        # With no organisation of that kind named, the description stays.
        ("In a statement, the company said it had “overhauled” its controls.", ["the company"]),
        # A spokesperson speaks for the organisation before the role word.
        ("A No 10 spokesman said the Prime Minister retained ‘full confidence’ in him.",
         ["No 10"]),
        ("A spokeswoman for the managing agent, Kestrel Property Services, said it was "
         "“cooperating fully”.", ["Kestrel Property Services"]),
    ],
)
def test_organisations_behind_descriptions_and_spokespeople(text: str,
                                                            expected: list[str]) -> None:
    assert speakers(text) == expected


def test_a_quote_run_named_by_the_paragraph_after_it() -> None:
    text = ("PORT ALDER — “We're not asking for the moon. We're asking to live where we teach.”"
            "\n\nDana Whitcomb, a third-grade teacher, shouted the words through a megaphone "
            "on Tuesday.\n\n“It will not end here,” said Ray Castellanos.")
    assert speakers(text) == ["Dana Whitcomb", "Ray Castellanos"]


def test_a_paragraph_naming_someone_later_does_not_claim_earlier_quotes() -> None:
    text = ("“We're not asking for the moon.”\n\nThe strike began on Tuesday, and Dana "
            "Whitcomb said it would go on.")
    assert speakers(text) == [None]


def test_apposition_name_followed_by_where_the_person_is_from() -> None:
    text = ("The chamber's Democratic leader, Rep. Tomas Reilly of New York, said his caucus "
            "would supply “every vote it takes.”")
    assert speakers(text) == ["Tomas Reilly"]


def test_straight_single_quotes_ending_a_short_paragraph_do_not_make_it_a_heading() -> None:
    text = ("Tom Reed, 45, runs the farm.\n\n'We won't go quietly,' Reed said. "
            "'Not after 20 years.'")
    quotes = analyse(text).quotes
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("full", "Tom Reed"), ("full", "Tom Reed")]


def test_a_participle_cue_takes_the_subject_of_its_sentence() -> None:
    assert speakers("Tom Reed spoke to reporters, adding: “We are not done yet.”") == [
        "Tom Reed"]


def test_a_verb_with_a_quote_of_its_own_does_not_attribute_the_quote_before() -> None:
    text = "A sign read: “No entry.” The protesters chanted “Stop the war” all night."
    assert speakers(text) == [None, "The protesters"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“I was scared,” said 12-year-old Maya Cohen. “I hid under the bed.”",
         ["Maya Cohen", "Maya Cohen"]),
        ("“Let’s go,” the coach, Marta Silva, shouted.", ["Marta Silva"]),
        ("“Let’s go,” the coach, who had not slept, shouted.", ["the coach"]),
    ],
)
def test_role_with_age_before_a_name_and_a_name_in_apposition_after_a_quote(
        text: str, expected: list[str]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maria Lopez — who ran the clinic for 20 years and trained half its staff — said: "
         "“We are finished.”", ["Maria Lopez"]),
        ("Maria Lopez, who ran the clinic for 20 years, trained half its staff and still "
         "works nights, said: “We are finished.”", ["Maria Lopez"]),
        ("The agency, which hired John Smith, a former aide, said it was “surprised.”",
         ["The agency"]),
        ("The society, whose chairman, Odd Rasmussen, said the port was “the reason.”",
         ["Odd Rasmussen"]),
        ("The bill goes to the House, where Speaker Marianne Colt, R-Ohio, has promised a "
         "vote “within days.”", ["Marianne Colt"]),
    ],
)
def test_subjects_before_dashed_and_relative_clause_appositions(text: str,
                                                                expected: list[str]) -> None:
    assert speakers(text) == expected


def test_a_pronoun_after_the_role_of_someone_named_with_that_title() -> None:
    text = ("Health Minister Laura Brandt said waiting lists had fallen.\n\n"
            "Her critic, Petra Vogel, said: “They moved patients from one list to another.”\n\n"
            "The minister rejected that. “The numbers are audited,” she said.")
    assert speakers(text) == ["Petra Vogel", "Laura Brandt"]
