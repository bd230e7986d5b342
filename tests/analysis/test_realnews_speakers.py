"""Speaker error classes found on real news copy (issue 10), one original passage per class.

Each passage was written for this suite to reproduce a class of error read off the real-news
development set; none is taken from it. The comment names the class.
"""

from __future__ import annotations

import pytest

from reader.analysis import analyse


def speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in analyse(text).quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Descriptive words before the name after an inverted verb.
        ("“The pier will not last the winter,” said harbour board engineer Tamsin Rolfe.",
         ["Tamsin Rolfe"]),
        ("“We had no warning,” said Ashby parish councillor Omar Lindqvist.",
         ["Omar Lindqvist"]),
        ("“Rates will fall,” said former Westbank economist Priya Natarajan.",
         ["Priya Natarajan"]),
        # … the same before the verb, after the quote.
        ("“It was a fair deal,” Fenwick Trust chairwoman Lena Marsh said on Monday.",
         ["Lena Marsh"]),
        # An adjective joined to a place by a hyphen is still a description.
        ("“The rules are clear,” explained Leeds-based solicitor Ravi Menon.", ["Ravi Menon"]),
        # A title on its own ("Secretary") is never a name; the holder follows.
        ("Secretary of Transport Helen Q. Barraclough said the line was “years late.”",
         ["Helen Q. Barraclough"]),
        ("“Nobody asked us,” said former Dorset Gov. and county treasurer Alan Whitby.",
         ["Alan Whitby"]),
        # A middle initial is not an acronym: the person is still a person.
        ("“Costs will double,” said Martha J. Okonkwo of the Ferris Institute.",
         ["Martha J. Okonkwo"]),
        # Where someone is from follows the name; it is not the speaker.
        ("“We voted no,” said Piet Brandt of the Harbour Greens, who sat out the debate.",
         ["Piet Brandt"]),
        # The person opening the clause, not what a long apposition names.
        ("Senator Ruth Ames, the Ohio Republican who leads the Energy Committee, which "
         "oversees the grid, said the plan would “put lights out across the state.”",
         ["Ruth Ames"]),
        ("But Ivo Petrak, the director of Civic Ledger, a group that tracks lobbying, said "
         "that “the damage is done.”", ["Ivo Petrak"]),
        ("Rep. Dana Fry (D-Vt.), chair of the rules panel, said it was “open to every view.”",
         ["Dana Fry"]),
        # A given name before a surname that is also a place or compass word.
        ("Marty West, a retired welder, said the plant was “the heart of this town.”",
         ["Marty West"]),
        # Reporting verbs beyond "said".
        ("Judge Amira Stone called the delay “an insult to the families.”", ["Amira Stone"]),
        ("Councillor Ben Ortiz accused the mayor of being “asleep at the wheel.”",
         ["Ben Ortiz"]),
        ("“This is over,” Gemma Lyall tells the Courier.", ["Gemma Lyall"]),
        ("“Prices will rise again,” notes analyst Theo Brandt.", ["Theo Brandt"]),
        # A description that names nobody is no speaker ("his recent remarks").
        ("His recent remarks were “unhelpful,” his critics conceded.", ["his critics"]),
        # A description leading to a name: the name.
        ("“He never came home,” his brother Samir Haddad told the paper.", ["Samir Haddad"]),
        ("A visibly tired Noor Amini said the talks had “gone nowhere.”", ["Noor Amini"]),
        # An indefinite description in apposition is not the speaker's name.
        ("Her colleague Vera Lind, a Social Democrat, defended the plan as “overdue.”",
         ["Vera Lind"]),
        # A cue later in the sentence, past a second quote.
        ("The audit found no “material errors,” aside from two “minor slips”, the council's "
         "auditor, Jan Vos, said.", ["Jan Vos", "Jan Vos"]),
        # An -ing cue after an introductory phrase: the subject, not the place.
        ("In Brussels, Commissioner Ada Lenz issued a statement condemning “this reckless "
         "act.”", ["Ada Lenz"]),
        # "it" after "according to" an organisation is that organisation.
        ("The owners of the Lido declined to comment. According to the Fenwick Civic Society, "
         "nine pools have closed, a decline it blames on what it calls “the rent trap.”",
         ["Fenwick Civic Society"]),
        # "said NAME" ending the phrase is the subject even after a quote and a clause.
        ("“It cannot pass” that way, said Elif Kaya, a lobbyist.", ["Elif Kaya"]),
        # "said of X": X is who was spoken about.
        ("Lotte Rahn, a former aide to Mr. Borg, said of Mr. Borg: “He never listened.”",
         ["Lotte Rahn"]),
        # A headline led by the speaker's name and a colon.
        ("Okafor: New Tax Is ‘A Tax On Work.’\n\nThe senator spoke on Sunday.", ["Okafor"]),
        # Two apostrophes as a double quotation mark (and three: a nested quote ends too).
        ("''We are refugees,'' Ms. Daud said. ''We are not criminals.'' Mr. Rahimi said: "
         "''We want to work.''", ["Daud", "Daud", "Rahimi"]),
        ("''I would call it 'old-school,''' said Tobias Wren, a former envoy.",
         ["Tobias Wren"]),
        # No reporting verb: the named subject of the sentence is whose words they are.
        ("At one point, Ines Varga urged the council to “think again, and think hard.”",
         ["Ines Varga"]),
        ("Mayor Ruth Okoye supports “a fair rent for everyone” and opposes “luxury flats.”",
         ["Ruth Okoye", "Ruth Okoye"]),
        ("Okoye's claim that “nobody was consulted” was false.\n\nRuth Okoye is mayor.",
         ["Ruth Okoye"]),
        # … but a word of the language opening the sentence is nobody.
        ("Unless the council acts, the pier will be “beyond saving” by spring.", [None]),
        # A described subject with a day before its verb.
        ("Liberal council candidate Anika Stroud on Saturday posted a photo captioned "
         "“clean streets, full bins.”", ["Anika Stroud"]),
        # The subject of an -ing cue after an opening phrase of any kind.
        ("Hours later, Dan Whitlow returned the favour, telling the Echo, “We have always "
         "been friends.”", ["Dan Whitlow"]),
        # An -ing word after the quote names whom it is about.
        ("The bill was, in what Mayor Ian Hale called “a disgrace,” blaming Tom Rudd.",
         ["Ian Hale"]),
        # A quoted label and its agent.
        ("The practice has been called “quiet quitting” by Marta Lindgren, a sociologist.",
         ["Marta Lindgren"]),
        # A headline in title case, the name before or after the quote.
        ("Hana Sato Says Port Deal Is ‘A Bad Bargain’\n\nThe minister spoke in Kobe.",
         ["Hana Sato"]),
        ("‘We Will Not Pay,’ Hana Sato Says.\n\nThe minister spoke in Kobe.", ["Hana Sato"]),
        # A dash and a name sign the quote, in the paragraph or on a line of its own.
        ("The senator's aide posted a photo of the hats. “Just another day on the trail.” — "
         "Ruth Amsel (@ramsel) 31 August 2016", ["Ruth Amsel"]),
        ("Mayor Tom Evers spoke first.\n\n“Great speech, and long overdue.”\n\n"
         "- Councillor Ada Brenner, in a post after the meeting.", ["Ada Brenner"]),
        # A person opening the clause outranks a name the apposition ends with.
        ("Tomas Vik, the editor of the city's paper, Harbour Echo, said every mayor was "
         "“a gambler at heart.”", ["Tomas Vik"]),
        # The words of a quote are never its subject.
        ("“Eventually, prices will fall, whether now or later,” Mayor Ken Dahl’s chief of "
         "staff, Ruth Amsel, told the Echo.", ["Ruth Amsel"]),
        # "with NAME -ing": the participle's own subject.
        ("The vote split the party, with Senator Ivo Raab telling reporters it was "
         "“a betrayal.”", ["Ivo Raab"]),
        ("Mayor Lena Holt wrote to the minister, Ana Ruiz, asking her to end the “fiasco.”",
         ["Lena Holt"]),
        # After a quote ending its sentence, a new statement is not its attribution.
        ("“It's a very sad day,” Ana Cruz told reporters. “This is the consequence.” "
         "Ohio Gov. Ken Lasch said he would have fired the manager for it.",
         ["Ana Cruz", "Ana Cruz"]),
    ],
)
def test_speaker_error_classes_from_real_news(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


def test_two_apostrophes_leave_the_quote_words_without_marks() -> None:
    text = "''We are refugees,'' Ms. Daud said, ''not criminals.''"
    assert [q.text for q in analyse(text).quotes] == ["We are refugees,", "not criminals."]


def test_the_comma_inside_a_quoted_title_is_no_edge_of_an_apposition() -> None:
    text = ("Sara Lind, a judge on the television show, “Bake Off,” who later opened a café, "
            "said the contest was “always fair.”")
    assert speakers(text)[-1] == "Sara Lind"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # An organisation that spoke through someone: the organisation, with the role kept
        # (and never the tail of its name, "Social Care").
        ("“We are reviewing the guidance,” a spokesperson for the Department of Health and "
         "Social Care said.", "Department of Health and Social Care (spokesperson)"),
        ("A spokesperson for the Ministry of Roads and Canals said the bridge was “sound.”",
         "Ministry of Roads and Canals (spokesperson)"),
        ("Officials at Harbour Customs Investigations said the raid was “routine.”",
         "Harbour Customs Investigations (officials)"),
        ("“The ban is unlawful,” said a spokeswoman for Greenleaf.", "Greenleaf (spokeswoman)"),
        ("“No comment,” a spokesman for Senator Ruth Ames said.", "Ruth Ames (spokesman)"),
        # … but where a person is from does not make them an organisation.
        ("“Costs will double,” said Martha Okonkwo of the Bank of Westland.", "Martha Okonkwo"),
        ("“Rates will rise,” the Bank of Westland said.", "Bank of Westland"),
        # A statement or memo is no speaker: whoever issued it is.
        ("A statement from Harbour Rail said the line would reopen “within days.”",
         "Harbour Rail"),
        ("A memo from the Ministry of Roads and Canals said the plan was “flawed.”",
         "Ministry of Roads and Canals"),
    ],
)
def test_organisations_speak_through_people_whose_role_is_kept(text: str, label: str) -> None:
    (quote,) = analyse(text).quotes
    assert quote.speaker is not None and quote.speaker.label == label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Fragments seen as speakers on real copy never appear: a name, a role or nothing.
        ("There's no way to say “sorry” now, Ana Lind said.", ["Ana Lind"]),
        ("“Faster,” the doubling Okafor said.\n\nTeo Okafor won.", ["Teo Okafor"]),
        ("“Thank you,” a smiling Ruiz said.\n\nMayor Elena Ruiz spoke.", ["Elena Ruiz"]),
        ("Liberal candidate Elena Ruiz boldly predicted a “clean sweep.”", ["Elena Ruiz"]),
        # A description keeps its article; a verb of its own stops the run's speaker.
        ("Mayor Elena Ruiz spoke first. “We win,” the Ohio businessman said.",
         ["the Ohio businessman"]),
        ("“It is done,” a swiftly retreating aide said.", ["a swiftly retreating aide"]),
        ("His recent “reforms” were, in a word, late.", [None]),
    ],
)
def test_no_fragment_is_ever_a_speaker(text: str, expected: list[str | None]) -> None:
    assert [q.speaker.label if q.speaker else None for q in analyse(text).quotes] == expected


def test_a_given_name_suggests_a_gender_without_insisting_on_it() -> None:
    text = ("Sen. Lindsey Graham told reporters the money was wasted. “You can’t defend one "
            "border and ignore another,” he said.")
    assert speakers(text) == ["Lindsey Graham"]
    text = ("Sen. Claire Odum spoke after Sen. Mark Bell. “We are not done,” she said.")
    assert speakers(text) == ["Claire Odum"]
