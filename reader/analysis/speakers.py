"""Who said it: reporting cues ("said", "told", "according to") and the speaker they name.

A cue is a reporting verb with a subject: a name ("Andrii Raikovych, head of the regional
administration, said"), a pronoun resolved to the person last named ("he said"), or a
description ("the ministry said", "officials said"). Titles are stripped from names and a
surname is reported with the full name it was first given. Cues are only looked for in the text
outside quotes: what a speaker says about others is not an attribution.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace

from reader.analysis import reporting_verbs
from reader.analysis.lazy_pattern import LazyPattern
from reader.analysis.letters import CAPITAL
from reader.analysis.mentions import PeopleIndex, parse_run, shifted
from reader.analysis.names import (
    GIVEN_NAMES,
    NAME_RUN,
    NON_PERSON_WORDS,
    TITLES,
    gender_of_words,
)
from reader.analysis.pattern_cache import regex
from reader.analysis.wordtrie import trie_pattern, word_set

_VERB_WORDS = (
    "said says say told tell added adds asked asks wrote writes warned warns stated explained "
    "explains noted insisted insists argued argues claimed declared declares announced "
    "tweeted posted replied replies responded responds recalled recalls acknowledged "
    "acknowledges admitted admits emphasized emphasised emphasizes emphasises stressed stresses "
    "urged urges predicted suggested suggests observed remarked commented conceded concedes "
    "cautioned vowed vows pledged promised estimated concluded testified reported confirmed "
    "confirms denied denies alleged boasted complained countered lamented joked quipped "
    "recounted shouted whispered believes believed thinks hoped continued mused "
    "contended maintained maintains threatened announced disclosed revealed wrote called "
    "disagreed objected retorted replied insisted cautioned explained answered conceded "
    "chanted yelled cried pleaded laughed sighed wondered "
    "described"
)
_PARTICIPLES = "adding saying telling warning noting insisting arguing writing asking stressing"
PARTICIPLES = frozenset(_PARTICIPLES.split()) | reporting_verbs.PARTICIPLES
SPEECH_VERBS = frozenset((*_VERB_WORDS.split(), *_PARTICIPLES.split(), "according to"))
"""The verbs that make a sentence without quotes reported speech ("The ministry said the road
would close"). The wider list attributes quotes ("accused Lee of being “weak”"); on its own,
"The council called a meeting" reports no one's words."""
_VERBS = (r"(?:[Aa]ccording\s+to|"
          + trie_pattern({*_VERB_WORDS.split(), *reporting_verbs.FINITE, *PARTICIPLES}) + ")")
# The verb list is compiled into one pattern only, the search for every verb in the text
# (``_verbs_in``); patterns about a verb's surroundings end or start where a verb found by it
# starts or ends. Compiled into each of them, the list was most of the time the command line
# took to start.
_LEAD = regex(r"[ \t]*[,;:—–-]?[ \t]*")  # what may stand between a quote and its verb
# ``re`` cannot skip ahead to a pattern that opens with ``\b``: it tries it at every position.
# Opening with one ASCII non-word character instead, it jumps from gap to gap; a non-ASCII letter
# or digit before the verb (no word boundary there) is ruled out afterwards.
_VERB_AFTER_GAP = regex(rf"[^a-zA-Z0-9_](?P<verb>{_VERBS}\b)")
_AUX = (
    r"(?:has|have|had|was|is|also|later|then|previously|earlier|once|would|will|may|might|"
    r"could|further|again|repeatedly|recently|publicly|reportedly|separately|often|just|"
    r"already|quickly|immediately|simply|flatly|angrily|bluntly|last\s+week|on\s+\w+day|\w+day|"
    r"told\s+reporters|in\s+a\s+statement)"
)
_AUX_END = regex(rf"(?:\s+{_AUX})+\s*$")
# Not "whose" or "where": in "the society, whose chairman, Odd Rasmussen, said" or "the House,
# where Speaker Ann Colt, R-Ohio, has promised" the verb belongs to the clause.
_ROLE_DESCRIPTION = regex(
    r"\b[Tt]he\s+(minister|president|chancellor|premier|governor|senator|mayor|judge|"
    r"prosecutor|coach|manager|captain|chairman|chairwoman|chair|secretary|commissioner|"
    r"director|ambassador|envoy|superintendent|inspector|detective|sergeant|general|colonel|"
    r"admiral|leader|speaker|councillor|chief)\b")
# The same without the opening \b, so that ``re`` skips from "T"/"t" to "T"/"t"; the word
# boundary before it is checked after.
_ROLE_DESCRIPTION_FROM_T = regex(_ROLE_DESCRIPTION.pattern[2:])
_RELATIVE_AFTER = regex(r"\s*(?:who|which|whom)\b")
_AUX_LAST_WORDS = word_set(
    """has have had was is also later then previously earlier once would will may might could
    further again repeatedly recently publicly reportedly separately often just already quickly
    immediately simply flatly angrily bluntly week reporters statement""")
_PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e)"
_DESC = (
    rf"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|{CAPITAL}[\w.-]*[’']s)"
    # A description never runs over a verb or a clause: "A spokesperson said the agency
    # warned" has two subjects, "A spokesperson" and "the agency".
    r"(?:\s+(?!(?:said|says|told|tells|that|who|which|whose|had|has|have|was|is|were|are|will|"
    r"would|and|but|or|warned|added|wrote|asked)\b)[\w’'.-]+){1,5}"
)
_GROUP_WORDS = word_set(
    """officials police authorities residents witnesses analysts experts investigators
    prosecutors critics officers organizers organisers doctors researchers scientists lawyers
    activists diplomats sources observers protesters protestors villagers locals rescuers medics
    economists historians others officers spokespeople lawmakers legislators""")
_GROUP = trie_pattern(_GROUP_WORDS, fold_first=True)
_SUBJECT = (
    rf"(?:(?P<pron>\b{_PRON}\b)|(?P<name>{NAME_RUN})|(?P<desc>\b{_DESC})|(?P<group>\b{_GROUP}))"
)
# The look-behind first: ``search`` tries every position, and most are inside a word.
_SUBJECT_AT_END = regex(rf"(?<![\w’'-]){_SUBJECT}\s*$")
_SUBJECT_AT_START = LazyPattern(rf"\s*{_SUBJECT}")
_DAYS = (
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"later|earlier|also|then|in\s+a\s+statement|in\s+an\s+interview)"
)
# After a quote, up to a verb: `,” the coach, Marta Silva, (has) shouted`.
_QUOTE_SUBJECT_TO_VERB = regex(
    rf"[ \t]*[,;:—–-]?[ \t]*{_SUBJECT}(?P<appos>\s*,[^;:“”\"«»„\n]{{1,160}}?,)?"
    rf"(?P<aux>(?:\s+{_AUX})*)\s+"
)
# After a verb that follows a quote: `said (on Monday) the ministry`.
_VERB_FIRST_SUBJECT = regex(rf"(?:\s+{_DAYS})?\s+{_SUBJECT}")
_NOT_ROLE_WORDS = (
    r"(?:the|a|an|of|he|she|they|it|we|i|that|to|about|in|on|for|with|at|from|by|as|when|"
    r"while|after|before|is|was|would|will|had|has|his|her|their)"
)
# After a verb that follows a quote: "said 12-year-old Maya Cohen", "said team captain Ann
# Lee".
_VERB_FIRST_ROLE = regex(
    rf"(?:\s+{_DAYS})?"
    # "said former secretary of state Ann Lee", "said master of ceremonies Ann Lee"
    rf"(?:\s+(?!{_NOT_ROLE_WORDS}\b)[a-z0-9][\w’'-]*)"
    rf"(?:\s+(?:of\s+)?(?!{_NOT_ROLE_WORDS}\b)[a-z0-9][\w’'-]*){{0,3}}\s+(?P<name>{NAME_RUN})"
)
_SENTENCE_END = regex(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]")
_ENDS_DOTTED = regex(r"(?:^|\s)(?:[A-Za-z]\.)+$")
_COMMA_NAME = LazyPattern(rf"\s*,\s*(?P<name>{NAME_RUN})")
_AGE_DESCRIPTION = regex(r"(?:[Tt]he|[Aa]n?)\s+\d{1,3}-year-old\b")
_FROM_SOURCE = LazyPattern(rf"\s+(?:issued\s+)?(?:from|by|of)\s+{_SUBJECT}")
_FOLLOWING_PRONOUN = regex(r"\s+(?:on\s+\w+\s+)?(?:that\s+)?(he|she)\b")
_DOCUMENT_NOUNS = word_set(
    "statement report data figures figure estimate estimates study survey poll analysis document "
    "letter post message video release website records record numbers count tally")
_ORGANISATION_HEADS = word_set(
    """company firm group district ministry department council agency authority commission
    university hospital trust union association committee board office service institute
    foundation government party police army military court bank club league federation
    administration""")
_SPOKES_WORDS = word_set("spokesman spokeswoman spokesperson spokespeople representative")
_MAX_BEFORE = 320
_SUBJECT_REACH = 72  # a subject ("U.K. Prime Minister Keir Starmer") is short
# "Sen. Chuck Schumer, D-N.Y., said": a party and state, never the speaker.
_PARTY_STATE = regex(r"(?:[DRI]-)?(?:[A-Z][a-z]?\.){1,3}$|[DRI]-[A-Z][\w.]*$")
_APPOSITION_NAME = regex(
    rf"\s*(?!(?:who|whom|whose|which|that|where|when)\b)"  # a relative clause is no name
    rf"(?:(?![Ff]or\b|[Oo]f\b|[Tt]o\b|[Aa]t\b|[Ww]ith\b|[Ff]rom\b|[Bb]y\b|[Ii]n\b|"
    rf"against\b|is\b|was\b|has\b|had\b)"
    rf"[\w’'-]+\s+){{0,4}}?(?P<name>{NAME_RUN})"
    # "Rep. Tomas Reilly of New York": where the person is from follows the name.
    rf"(?:\s+(?:of|from)\s+{NAME_RUN})?\s*$"
)
_OWNER_BEFORE = LazyPattern(
    rf"(?P<name>{NAME_RUN})\s+(?:of|from|at|with)\s+(?:the\s+)?$"
)
# "said former Obama adviser David Axelrod", "said Concord resident Whit Symms": descriptive
# words before the name. The noun phrase ends at punctuation or at one of these words.
_PHRASE_STOP_WORDS = word_set(
    """when while as after before about who whom whose that which in on at to for with during
    because if since than but told referring adding saying noting explaining according last this
    earlier later recently yesterday today tonight or was is has had will would""")
_AFTER_NAME_STOP_WORDS = word_set("of from at")
# A full stop after a word of five letters or more inside a capitalised run ends a sentence
# ("Jon Kohan. Ayotte"), unlike one after a title or a state ("Gov.", "Calif.").
_SENTENCE_INSIDE_RUN = regex(
    r"(?<![\w.])(?!(?:Calif|Penn|Conn|Ariz|Colo|Minn|Wash|Okla|Tenn|Mass|Corp|Capt|Prof|Supt|"
    r"Comdr|Assoc|Dept|Univ|Gov|Sen|Rep)\.)\w{4,}\.(?=\s)")
_ABBREVIATED_TITLES = (" gov", " sen", " rep", " gen", " col", " lt", " sgt", "capt", " adm",
                       "prof", " rev", " dr", " st")
_PHRASE_WORD = regex(r"[\w’'&-]+")
_PHRASE_GAP = regex(r"[ \t\u00a0]+")
_NAME_AT = regex(NAME_RUN)
_NAME_ENDING = regex(rf"(?<![\w’'.-]){NAME_RUN}$")
# `,” Clinton ally James Carville said`: the same noun phrase before the verb.
_NOUN_PHRASE_TO_VERB = regex(
    r"[ \t]*[,;:—–-]?[ \t]*(?P<np>(?:[\w’'.&-]+[ \t\u00a0]+){1,7}?)"
    rf"(?P<name>{NAME_RUN})(?P<aux>(?:\s+{_AUX})*)\s+"
)


def _verbs_in(text: str) -> tuple[list[int], list[int], list[str]]:
    """Start, end and text of every reporting verb in ``text``, in order."""
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    # The pattern needs a character before the verb: give the text's first word one.
    first = _VERB_AFTER_GAP.match(" " + text[:40])
    if first is not None:
        starts.append(0)
        ends.append(first.end() - 1)
        words.append(first.group("verb"))
    search = _VERB_AFTER_GAP.search
    match = search(text, ends[0] if ends else 0)
    while match is not None:
        start = match.start("verb")
        if text[start - 1].isalnum():  # a non-ASCII letter or digit: no word boundary
            match = search(text, start)
            continue
        starts.append(start)
        ends.append(match.end())
        words.append(match.group("verb"))
        match = search(text, match.end())
    return starts, ends, words

# The words ``_OWNER_BEFORE`` can end with (white space follows each).
_OWNER_LAST_WORDS = ("of", "from", "at", "with", "the")


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    start: int
    end: int
    person: bool
    named: bool = True  # False for "officials", "the ministry": a source, but not a named one
    role: str | None = None  # "spokesperson" for "a spokesperson for the Home Office"


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting verb and the speaker it names (``speaker`` None when it could not be told)."""

    verb: str
    verb_start: int
    speaker: Speaker | None
    needs_subject: bool = False  # "adding", "saying": the subject is the main clause's


class SpeakerFinder:
    """Finds cues and resolves their subjects, remembering the last pronoun's referent."""

    def __init__(self, text: str, people: PeopleIndex,
                 inside_quote: Callable[[int], bool] | None = None) -> None:
        self.text = text
        # Whether a position lies inside a quote: the words of a quote are never its subject.
        self.inside_quote = inside_quote or (lambda pos: False)
        self.people = people
        self.book = people.book
        self._last_pronoun: tuple[int, str] | None = None
        self._last_subject: tuple[int, str] | None = None  # (verb position, person)
        self.last_group: Speaker | None = None
        self._lower_words: dict[str, bool] = {}
        # Every reporting verb in the text, found once; cues look them up by position.
        self.verb_starts, self.verb_ends, self.verb_words = _verbs_in(text)

    # -- cues next to a quote -------------------------------------------------------------
    def cue_after(self, pos: int, end: int) -> Cue | None:
        """A cue right after a closing mark: `,” he said`, `,” said Raikovych`, `according to`."""
        text = self.text
        end = min(end, pos + 400)
        found = self._up_to_verb(_QUOTE_SUBJECT_TO_VERB, pos, end)
        if found is not None:
            match, verb_start, verb = found
            speaker = self._subject(match)
            if match.group("desc") is not None and match.group("appos"):
                # `,” the coach, Marta Silva, shouted`: the name in apposition is the speaker.
                named = _APPOSITION_NAME.match(text, match.start("appos") + 1,
                                               match.end("appos") - 1)
                if named is not None:
                    person = self.named_person(named.group("name"), named.start("name"))
                    if person is not None and " " in person.name:
                        speaker = person
            if match.group("appos") and speaker is not None and speaker.person:
                self._learn_gender(speaker.name, match.group("appos"))
            return self._noted(Cue(verb, verb_start, speaker))
        lead = _LEAD.match(text, pos, end).end()
        lead_verb = self.verb_at(lead)
        if lead_verb is not None and lead_verb[1] in PARTICIPLES:
            return None  # `,” blaming Michael Bloomberg`: whom it blames, not who spoke
        found = self._up_to_verb(_NOUN_PHRASE_TO_VERB, pos, end)
        if found is not None:
            # `,” Judicial Watch president Tom Fitton said`: the person the phrase ends with.
            match, verb_start, verb = found
            speaker = self._person_in_phrase(match.start("np"), match.end("name"))
            if speaker is not None and speaker.end == match.end("name"):
                return self._noted(Cue(verb, verb_start, speaker))
        if lead_verb is None or lead_verb[0] > end:
            return None
        verb_end, verb = lead_verb
        verb = _verb_text(verb)
        verb_start = lead
        lead_end = verb_end
        match = _VERB_FIRST_ROLE.match(text, lead_end, end)
        if match is not None:
            speaker = self._person_in_phrase(_skip_space(text, lead_end), end) or \
                self._named(match.group("name"), match.start("name"))
            if speaker is not None and speaker.person:
                return self._noted(Cue(verb, verb_start, speaker))
        match = _VERB_FIRST_SUBJECT.match(text, lead_end, end)
        if match is not None:
            speaker = self._subject(match)
            if match.group("name") is not None:
                # `,” said Priorities spokesman Justin Barasky`: the person the phrase names.
                described = self._person_in_phrase(match.start("name"), end)
                if described is not None:
                    speaker = described
            if verb == "according to":
                speaker = self._source(match, speaker, end)
            if match.group("desc") is not None or match.group("group") is not None:
                # `,” said the ministry's spokeswoman, Maria Zakharova`: the name that follows.
                named = _COMMA_NAME.match(text, match.end(), end)
                if named is not None:
                    person = self.named_person(named.group("name"), named.start("name"))
                    if person is not None:
                        speaker = person
            return self._noted(Cue(verb, verb_start, speaker))
        return None

    def person_before(self, pos: int) -> Speaker | None:
        """The person in "with Senator Ann Lee telling …", "with Lee calling it …": who an -ing
        cue at ``pos`` belongs to in that construction."""
        end = pos
        while end > 0 and self.text[end - 1] in " \t":
            end -= 1
        if end == pos:
            return None
        named = _NAME_ENDING.search(self.text, max(0, end - _SUBJECT_REACH), end)
        if named is None or not self.text.endswith("with ", 0, named.start()):
            return None
        return self.named_person(named.group(0), named.start())

    def verb_at(self, pos: int) -> tuple[int, str] | None:
        """(end, words) of the reporting verb that starts at ``pos``, if one does."""
        index = bisect_left(self.verb_starts, pos)
        if index < len(self.verb_starts) and self.verb_starts[index] == pos:
            return self.verb_ends[index], self.verb_words[index]
        return None

    def _up_to_verb(self, pattern: re.Pattern[str], pos: int, end: int
                    ) -> tuple[re.Match[str], int, str] | None:
        """``pattern`` matched from ``pos`` to the start of a reporting verb, the nearest verb
        first: (match, verb start, verb), or None."""
        index = bisect_left(self.verb_starts, pos + 1)
        starts, ends = self.verb_starts, self.verb_ends
        while index < len(starts) and ends[index] <= end:
            match = pattern.fullmatch(self.text, pos, starts[index])
            if match is not None:
                return match, starts[index], _verb_text(self.verb_words[index])
            index += 1
        return None

    def _person_in_phrase(self, start: int, end: int) -> Speaker | None:
        """The last person named in the noun phrase opening at ``start`` ("Clinton ally James
        Carville", "former Utah governor Michael Leavitt"), when words other than the name
        itself describe them; None for a plain name or a phrase naming no person."""
        text = self.text
        pos = start
        found: Speaker | None = None
        found_in_full = False
        described = False  # words stand before the person found
        for token in range(10):
            run = _NAME_AT.match(text, pos, end)
            if run is not None:
                cut = _SENTENCE_INSIDE_RUN.search(run.group(0))
                if cut is not None:  # "… manager Jon Kohan. Ayotte called": the name ends
                    end = pos + cut.end() - 1
                    run = _NAME_AT.match(text, pos, end)
                person = self.named_person(run.group(0), pos)
                if person is not None and " " in person.name:
                    found = person
                    # "Sarah Silverman", not "Clinton" in "Clinton ally …" or "Judicial Watch"
                    found_in_full = " " in run.group(0) and \
                        person.name.split(" ", 1)[0].lower() in GIVEN_NAMES
                    described = token > 0
                pos = run.end()
            else:
                word = _PHRASE_WORD.match(text, pos, end)
                if word is None or word.group(0) in _PHRASE_STOP_WORDS or (
                        found is not None and word.group(0) in _AFTER_NAME_STOP_WORDS):
                    break  # ("Markus Egli of the Green Liberals": where he is from)
                if found is not None and found_in_full:
                    break  # "Sarah Silverman heckles Sanders fans": a verb, not a description
                pos = word.end()
            if text.startswith("-", pos):
                continue  # "Los Angeles-based attorney": the word goes on after the hyphen
            if text.startswith(("’s", "'s"), pos):
                pos += 2  # "Germany’s Chancellor Angela Merkel"
            if text.startswith(".", pos) and text[max(start, pos - 4):pos].lower().endswith(
                    _ABBREVIATED_TITLES):
                pos += 1  # "former Dorset Gov. and county treasurer Alan Whitby"
            gap = _PHRASE_GAP.match(text, pos, end)
            if gap is None:
                break
            pos = gap.end()
        return found if described else None

    def _noted(self, cue: Cue) -> Cue:
        """Remember who is the subject of a reporting verb, for pronouns to come: a person for
        "he" and "she", an organisation for "it" ("According to the council, … what it calls")."""
        if cue.speaker is not None:
            if cue.speaker.person:
                self._last_subject = (cue.verb_start, cue.speaker.name)
            elif cue.speaker.named and cue.speaker.name[:1].isupper():
                self.last_group = cue.speaker
        return cue

    def cues_in(self, start: int, end: int, floor: int | None = None,
                first: bool = False, only: frozenset[str] | None = None) -> list[Cue]:
        """Every cue with a subject in the quote-free text [start, end), in order. A verb's
        subject may lie before ``start``, back to ``floor`` (the sentence start), when a quote
        sits between them: "The minister, who promised ‘1.5 million homes’, said ...".
        With ``first``, the search stops at the first cue that has a speaker (a sentence
        without quotes needs no more, and most of the time goes into finding subjects)."""
        text = self.text
        cues: list[Cue] = []
        verb_starts = self.verb_starts
        verb_ends = self.verb_ends
        verb_words = self.verb_words
        index = bisect_left(verb_starts, start)
        while index < len(verb_ends) and verb_ends[index] <= end:
            if first and cues and cues[-1].speaker is not None:
                break
            verb_start = verb_starts[index]
            verb_end = verb_ends[index]
            word = _verb_text(verb_words[index])
            index += 1
            if only is not None and word not in only:
                continue
            if word in PARTICIPLES:
                cues.append(Cue(word, verb_start, None, needs_subject=True))
                continue
            if word == "according to":
                after = _SUBJECT_AT_START.match(text, verb_end, end)
                speaker = self._subject(after) if after else None
                if after is not None:
                    speaker = self._source(after, speaker, end)
                cues.append(self._noted(Cue(word, verb_start, speaker)))
                continue
            speaker = None
            after_verb = _skip_space(text, verb_end)
            if text[after_verb:after_verb + 1].isupper() and \
                    _opens_clause(text, start, verb_start):
                # `…” that Sanders can win, said Steve Elmson, a strategist.`: a person named
                # right after the verb, the phrase ending there, is its subject.
                inverted = self.cue_after(verb_start, end)
                if inverted is not None and inverted.verb_start == verb_start and \
                        inverted.speaker is not None and inverted.speaker.person and \
                        inverted.speaker.start > verb_start and \
                        _PHRASE_END.match(text, inverted.speaker.end):
                    speaker = inverted.speaker
            if speaker is None:
                speaker = self._subject_before(start if floor is None else floor, verb_start)
            if speaker is None and word in _INVERTING_VERBS and \
                    _opens_clause(text, start, verb_start):
                inverted = self.cue_after(verb_start, end)
                if inverted is not None and inverted.verb_start == verb_start:
                    speaker = inverted.speaker
            if speaker is not None:
                if speaker.person:
                    following = _FOLLOWING_PRONOUN.match(text, verb_end, end)
                    if following is not None:
                        gender = "f" if following.group(1) == "she" else "m"
                        self.book.set_gender(speaker.name, gender)
                cues.append(self._noted(Cue(word, verb_start, speaker)))
        return cues

    def subject_at(self, pos: int, end: int) -> Speaker | None:
        """The subject opening a sentence at ``pos`` (a name, a pronoun or a description):
        "Hours later, Trump returned the compliment, telling Reuters …"."""
        named = self.clause_subject(pos, end)
        if named is not None:
            return named
        intro = _INTRO_PHRASE.match(self.text, pos, end)
        match = _SUBJECT_AT_START.match(self.text, intro.end() if intro else pos, end)
        return self._subject(match) if match is not None else None

    def clause_subject(self, pos: int, end: int) -> Speaker | None:
        """The named person or organisation a sentence opening at ``pos`` is about, when a verb
        follows it ("Rep. Ann Colt (D-Md.), for her part, is labelling the cuts “reckless”"), or
        whose words it reports ("Colt's claim that …"); None when the sentence opens otherwise.
        The speaker of a quote with no reporting verb in its sentence."""
        text = self.text
        starts = [pos]
        for intro in (_INTRO_PHRASE, _ANY_INTRO):
            found = intro.match(text, pos, end)
            if found is not None:
                starts.append(found.end())
        for start in starts:
            speaker = self._clause_subject_at(start, end)
            if speaker is not None:
                return speaker
        return None

    def _clause_subject_at(self, start: int, end: int) -> Speaker | None:
        described = self._person_in_phrase(start, end)
        if described is not None:
            # "Republican presidential candidate Ann Lee on Saturday tweeted …"
            rest = _SUBJECT_REST.match(self.text, described.end, end)
            if rest is not None and rest.group("verb") not in _NOT_VERBS:
                return described
        match = _CLAUSE_SUBJECT.match(self.text, start, end)
        if match is None:
            return None
        if match.group("possessive") is None:
            verb = match.group("verb")
            if verb is None or verb in _NOT_VERBS:
                return None
        speaker = self._person_in_phrase(match.start("name"), match.end("name")) or \
            self._named(match.group("name"), match.start("name"))
        if speaker is None or not (speaker.person or " " in speaker.name):
            return None
        first = speaker.name.split(" ", 1)[0]
        if speaker.person and first.lower() not in GIVEN_NAMES and \
                self._written_in_lower_case(first.lower(), speaker.start):
            return None  # "Unless …", "Many Americans …": a word of the language, no name
        if " " not in speaker.name and not self.book.knows_surname(speaker.name) and \
                not _name_shaped(speaker.name):
            return None  # a lone capitalised word nobody was introduced by
        return speaker

    def headline_speaker(self, start: int, quote: int, end: int) -> Speaker | None:
        """Who a headline in title case gives the words of a quote to: "Ann Lee Says Cuts Are
        ‘Reckless’", "Lee Slams ‘Doom And Despair’", "…, Ann Lee Says." ``start`` and ``end``
        bound the headline, ``quote`` is the quote's opening mark."""
        text = self.text
        if not _looks_like_headline(text, start, end):
            return None
        words = list(_HEADLINE_WORD.finditer(text, start, end))
        for index, word in enumerate(words):
            if word.start() >= quote:
                break
            if index == 0 or word.group(0).lower() not in _HEADLINE_VERBS:
                continue
            first = index - 1
            while first > 0 and index - first < 4 and words[first - 1].group(0)[:1].isupper() \
                    and words[first - 1].group(0).lower() not in _HEADLINE_VERBS and \
                    text[words[first - 1].end():words[first].start()].strip() == "":
                first -= 1
            if first > 0 and text[words[first - 1].end():words[first].start()].strip() not in (
                    ",", "—", "–", "-", ":", "|"):
                continue  # the name must open the headline or a part of it
            name_start, name_end = words[first].start(), words[index - 1].end()
            speaker = self._named(text[name_start:name_end], name_start)
            if speaker is not None and (speaker.person or " " in speaker.name or
                                        self.book.knows_surname(speaker.name)):
                return speaker
        tail = _HEADLINE_TAIL.search(text, quote, end)
        if tail is not None:
            # "‘Dumbest Client Ever,’ Trevor Noah Says."
            speaker = self._named(tail.group("name"), tail.start("name"))
            if speaker is not None and (speaker.person or self.book.knows_surname(speaker.name)):
                return speaker
        return None

    def dash_attribution(self, pos: int, end: int) -> Speaker | None:
        """`“Great speech.” — President Obama, tweeting`, `— Ann Lee (@annlee)`, or a paragraph
        of its own "- Sanders.": a dash and a name sign the quote before."""
        return self._named_by(_DASH_NAME, pos, end, self.book.knows_surname)

    def agent_after(self, pos: int, end: int) -> Speaker | None:
        """`“witch hunt” by Democrats`, `“strategic ambiguity” by Ann Lee, a professor`: who a
        quoted label is by, named right after it."""
        return self._named_by(_BY_AGENT, pos, end, _name_shaped)

    def _named_by(self, pattern: LazyPattern, pos: int, end: int,
                  single_word_ok: Callable[[str], bool]) -> Speaker | None:
        """The person or organisation ``pattern`` (with groups ``np`` and ``name``) names right
        at ``pos``; a lone word only when ``single_word_ok`` says it can be a name."""
        match = pattern.match(self.text, pos, end)
        if match is None:
            return None
        speaker = self._person_in_phrase(match.start("np"), end) or self._named(
            match.group("name"), match.start("name"))
        if speaker is None or not (speaker.person or " " in speaker.name or
                                   single_word_ok(speaker.name)):
            return None
        return speaker

    def _written_in_lower_case(self, word: str, pos: int) -> bool:
        """Whether the text around ``pos`` also writes ``word`` (lower case) as a word of its
        own: then a capitalised copy opens a sentence rather than names someone. Looked up in a
        window and remembered per word, rather than listing every word of the text (memory and
        speed are part of the contract)."""
        known = self._lower_words.get(word)
        if known is None:
            text = self.text
            end = min(len(text), pos + _LOWER_CASE_REACH)
            at = text.find(word, max(0, pos - _LOWER_CASE_REACH), end)
            known = False
            while at >= 0:
                before = text[at - 1] if at else " "
                after = text[at + len(word):at + len(word) + 1] or " "
                if not (before.isalnum() or before in "’'-_") and \
                        not (after.isalnum() or after in "’'-_"):
                    known = True
                    break
                at = text.find(word, at + 1, end)
            self._lower_words[word] = known
        return known

    # -- subjects -------------------------------------------------------------------------
    def _subject_before(self, floor: int, verb_start: int) -> Speaker | None:
        text = self.text
        lo = max(floor, verb_start - _MAX_BEFORE)
        prefix_end = verb_start
        word_end = prefix_end
        while word_end > lo and text[word_end - 1].isspace():
            word_end -= 1
        word_start = word_end
        while word_start > lo and word_end - word_start < 16 and text[word_start - 1].isalpha():
            word_start -= 1
        last_word = text[word_start:word_end]
        if last_word in _AUX_LAST_WORDS or last_word.endswith("day"):
            # Only then can an auxiliary ("has also", "on Monday") stand before the verb.
            aux = _AUX_END.search(text, max(lo, prefix_end - 48), prefix_end)
            if aux is not None:
                prefix_end = aux.start()
        while prefix_end > lo and text[prefix_end - 1].isspace():
            prefix_end -= 1
        if prefix_end <= lo:
            return None
        last = text[prefix_end - 1]
        if last in ",)—–":
            return self._subject_before_apposition(lo, prefix_end)
        match = _SUBJECT_AT_END.search(text, max(lo, prefix_end - _SUBJECT_REACH), prefix_end)
        if match is None:
            return None
        speaker = self._owner(match, lo) or self._subject(match)
        if speaker is None and match.group("desc") is not None and last.isalpha():
            # "shedding what Gilbert called": the description found ran over a clause; the
            # name right before the verb is its subject.
            named = _NAME_ENDING.search(text, max(lo, prefix_end - _SUBJECT_REACH), prefix_end)
            if named is not None:
                speaker = self.named_person(named.group(0), named.start())
        return speaker

    def _owner(self, match: re.Match[str], lo: int) -> Speaker | None:
        """"Reto Imboden of the Citizens' Alliance said": the person, not the organisation."""
        if match.group("name") is None and match.group("desc") is None:
            return None
        text = self.text
        end = match.start()
        last = end
        while last > lo and text[last - 1].isspace():
            last -= 1
        if last == end or not text.endswith(_OWNER_LAST_WORDS, max(lo, end - 80), last):
            return None  # cannot end "… of the", "… from", "… at", "… with": no search needed
        owner = _OWNER_BEFORE.search(text, max(lo, end - 80), end)
        if owner is None:
            return None
        speaker = self._named(owner.group("name"), owner.start("name"))
        return speaker if speaker is not None and speaker.person else None

    def _subject_before_apposition(self, lo: int, prefix_end: int) -> Speaker | None:
        """"Name, head of the region, said" / "Name (a farmer) said": the subject precedes the
        apposition; appositions of up to three comma-separated parts are tried, shortest first."""
        text = self.text
        close = prefix_end - 1
        if text[close] in ")—–":
            # "Name (a farmer) said", "Name — who ran the clinic — said"
            opening = text.rfind("(" if text[close] == ")" else text[close], lo, close)
            candidates = [opening] if opening > lo else []
        else:
            candidates = []
            pos = close
            for _ in range(6):
                pos = text.rfind(",", lo, pos)
                if pos <= lo:
                    break
                if text[pos + 1:pos + 2] not in _CLOSING_QUOTE_MARKS and \
                        not self.inside_quote(pos):
                    candidates.append(pos)  # (not the comma inside `“The Apprentice,”`)
        renamed: Speaker | None = None  # a name in apposition: "The trust's head, Ann Lee,"
        if candidates and text[close] == ",":
            # "The trust's chief executive, Marcus Obi, said": the apposition is the name.
            name_end = close
            if text[close - 1] == ")":  # "…, Gov. Ann Lee (R-OH), said"
                bracket = text.rfind("(", candidates[0], close)
                if bracket > candidates[0]:
                    name_end = bracket
            named = _APPOSITION_NAME.match(text, candidates[0] + 1, name_end)
            if named is not None and not _INDEFINITE_BEFORE.search(
                    text, max(0, named.start("name") - 4), named.start("name")):
                # (not "Verena Stadelmann, a Social Democrat, defended": a description)
                speaker = self._named(named.group("name"), named.start("name"))
                if speaker is not None and speaker.person and " " in speaker.name:
                    renamed = speaker
                elif speaker is not None and not speaker.person and " " in speaker.name \
                        and named.start("name") == _skip_space(text, candidates[0] + 1):
                    # "A spokeswoman for the managing agent, Kestrel Property Services, said":
                    # an organisation renaming a description is who spoke.
                    segment_end = candidates[0]
                    described = _SUBJECT_AT_END.search(
                        text, max(lo, segment_end - _SUBJECT_REACH), segment_end)
                    if described is not None and described.end() == segment_end and \
                            described.group("desc") is not None:
                        renamed = speaker
        if len(candidates) > 1:
            # "Name, who ran the clinic, trained its staff and works nights, said": a relative
            # clause opens the apposition, so the subject stands before its comma (or before an
            # earlier one: "Sen. Ray Hall, the Republican who heads the committee, which …").
            relative = [c for c in candidates if _RELATIVE_AFTER.match(text, c + 1, close)]
            if relative:
                candidates = candidates[candidates.index(relative[-1]):]
        chosen: Speaker | None = None
        opener: Speaker | None = None  # a person opening the clause outranks the rest
        for opening in candidates:
            segment_end = opening
            while segment_end > lo and text[segment_end - 1].isspace():
                segment_end -= 1
            if segment_end > lo and text[segment_end - 1] == ")":
                # "Rep. Ann Colt (D-Md.), chair of the committee, said": the name before.
                bracket = text.rfind("(", max(lo, segment_end - 40), segment_end)
                if bracket > lo:
                    segment_end = bracket
                    while segment_end > lo and text[segment_end - 1].isspace():
                        segment_end -= 1
            match = _SUBJECT_AT_END.search(text, max(lo, segment_end - _SUBJECT_REACH),
                                           segment_end)
            if match is not None and match.end() == segment_end:
                speaker = self._owner(match, lo) or self._subject(match)
                if speaker is None or _PARTY_STATE.match(speaker.name):
                    continue
                if speaker.person and not self.inside_quote(match.start()) and \
                        _opens_clause(text, lo, _before_conjunction(text, lo, match.start())):
                    # "Sen. Ray Hall, the Republican who heads the Banking Committee, which
                    # oversees the Fed, said": the person opening the clause, not what the
                    # apposition names.
                    opener = speaker
                    self._learn_gender(speaker.name, text[opening:close])
                    break
                if chosen is None:
                    chosen = speaker
        if opener is None and renamed is not None:
            # "Giovanni Vian, the editor of the Vatican's paper, L'Osservatore Romano, said":
            # a person opening the clause outranks the name the apposition ends with.
            return renamed
        if opener is None and chosen is not None and chosen.person:
            self._learn_gender(chosen.name, text[candidates[0]:close])
        return opener or chosen

    def _subject(self, match: re.Match[str]) -> Speaker | None:
        if match.group("name") is not None:
            named = self._named(match.group("name"), match.start("name"))
            return self._organisation_around(named) if named is not None else None
        if match.group("pron") is not None:
            return self._pronoun(match.group("pron").lower(), match.start("pron"))
        if match.group("desc") is not None:
            phrase = match.group("desc")
            if phrase.endswith(".") and not _ENDS_DOTTED.search(phrase):
                phrase = phrase[:-1]  # the full stop of "... the Defence Ministry."
            return self._described(phrase, match.start("desc"))
        group = match.group("group")
        return Speaker(group, match.start("group"), match.end("group"), False, False)

    def _source(self, match: re.Match[str], speaker: Speaker | None, end: int
                ) -> Speaker | None:
        """After "according to": a document is no source, whoever issued it is ("according to a
        statement from the ministry": the ministry)."""
        if speaker is not None and speaker.name.lower().split()[-1] not in _DOCUMENT_NOUNS \
                and " from " not in speaker.name and " by " not in speaker.name:
            return speaker
        subject_start = match.start("desc") if match.group("desc") is not None else match.end()
        source = _FROM_SOURCE.search(self.text, subject_start, min(end, match.end() + 80))
        return self._subject(source) if source is not None else None

    def named_person(self, run: str, start: int) -> Speaker | None:
        """The person a capitalised run names, or None when it names anything else."""
        speaker = self._named(run, start)
        return speaker if speaker is not None and speaker.person else None

    def _named(self, run: str, start: int) -> Speaker | None:
        parsed = parse_run(run)
        if parsed is None:
            return None
        parsed = shifted(parsed, start)
        if parsed.name.lower() in _GROUP_WORDS:
            return Speaker(parsed.name, parsed.start, parsed.end, False, False)
        if parsed.person or self.book.knows_surname(parsed.name):
            person = True
        else:
            # A lone capitalised subject of a reporting verb is a surname unless it names a
            # country or an organisation, or is a word the text also writes in lower case
            # ("Aides said", "Another added"): then a description, or no one.
            if " " not in parsed.name and not _name_shaped(parsed.name):
                lowered = parsed.name.lower()
                if lowered not in GIVEN_NAMES and self._written_in_lower_case(lowered,
                                                                              parsed.start):
                    if _role_phrase("the " + lowered) is None:
                        return None
                    return Speaker(parsed.name, parsed.start, parsed.end, False, False)
            person = not parsed.organisation and " " not in parsed.name
        name = self.book.full_name(parsed.name) if person else parsed.name
        return Speaker(name, parsed.start, parsed.end, person)

    def _organisation_around(self, speaker: Speaker) -> Speaker:
        """"a spokesperson for the Department of Health and Social Care said": the capitalised
        run found before the verb ("Social Care") is the end of an organisation's name that
        runs on over "of", "and", "for"; the organisation spoke, and the role is kept."""
        text = self.text
        start, end = speaker.start, speaker.end
        for _ in range(4):
            if not text.endswith(_CONNECTOR_ENDINGS, max(0, start - 5), start):
                break  # (most names: no search needed)
            left = _ORGANISATION_LEFT.search(text, max(0, start - 60), start)
            if left is None:
                break
            start = left.start("run")
        if text.startswith(_CONNECTOR_STARTS, end) and (
                not speaker.person or _names_organisation(text[start:end])):
            # (never "Ann Lee of the Ferris Institute": where a person is from)
            for _ in range(4):
                right = _ORGANISATION_RIGHT.match(text, end, end + 60)
                if right is None:
                    break
                end = right.end()
        role = _ROLE_FOR.search(text, max(0, start - 40), start) if text.endswith(
            _ROLE_ENDINGS, max(0, start - 6), start) else None
        role_name = role.group("role").lower() if role is not None else None
        if (start, end) == (speaker.start, speaker.end):
            # "a spokeswoman for Greenpeace", "officials at Homeland Security Investigations",
            # "a spokesman for Senator Lee": who spoke for whom
            return replace(speaker, role=role_name) if role_name else speaker
        name = text[start:end]
        if not _names_organisation(name):
            return speaker  # "Smith and Jones": not an organisation's name
        return Speaker(name, start, end, False, True, role_name)

    def _described(self, phrase: str, start: int) -> Speaker | None:
        document = _DOCUMENT_FROM_NAME.match(phrase)
        if document is not None:
            # "A statement from Harbour Rail said": whoever issued it.
            at = start + document.start("name")
            run = _NAME_AT.match(self.text, at)  # the whole name: the phrase may stop short
            named = self._named(run.group(0) if run else document.group("name"), at)
            if named is not None:
                return self._organisation_around(named)
        role = _ROLE_FOR_NAME.match(phrase)
        if role is not None:
            # "a spokeswoman for Greenpeace", "officials at the Home Office"
            named = self._named(role.group("name"), start + role.start("name"))
            if named is not None and named.person and " " in named.name:
                return replace(named, role=role.group("role").lower())  # "… for Senator Lee"
            if named is not None:
                # (a lone word after "a spokeswoman for" is an organisation: "Greenpeace")
                return self._organisation_around(replace(named, person=False))
        if any(char.isupper() for char in phrase[1:]):
            last = _NAME_ENDING.search(phrase, phrase.find(" ") + 1)
            if last is not None and last.start() > 0 and phrase[last.start() - 1] == " " \
                    and not any(w in _POST_MODIFIER_OPENERS or w == "by"
                                for w in phrase[:last.start()].lower().split()):
                # "his friend Amal Saleh", "the consulting firm Oxford Economics", "A defensive
                # Obama": the name the description leads to.
                speaker = self._named(last.group(0), start + last.start())
                if speaker is not None and speaker.name[:1].isupper() and (
                        speaker.person or " " in speaker.name
                        or self.book.knows_surname(speaker.name)):
                    return speaker
            words = phrase.split(" ", 1)
            if len(words) == 2:
                offset = start + len(words[0]) + 1
                speaker = self._named(words[1], offset)
                if speaker is not None and speaker.name[:1].isupper():
                    return speaker
                if words[0].lower() == "the" and words[1][:1].isupper() and \
                        phrase.rsplit(" ", 1)[-1].lower() in _COLLECTIVE_HEADS:
                    # "the Israeli military": an organisation named by its description.
                    return Speaker(words[1], offset, start + len(phrase), False)
        if _AGE_DESCRIPTION.match(phrase):
            # "the 45-year-old said": the person just described, as a pronoun would be.
            return self._pronoun(gender_of_words(phrase) or "", start, len(phrase))
        head = phrase.rsplit(" ", 1)[-1].lower()
        if head in _DOCUMENT_NOUNS:
            return None
        first, _, rest = phrase.partition(" ")
        if first.lower() == "the" and rest.lower() in _ORGANISATION_HEADS:
            # "the company said": the organisation last named that it stands for.
            organisation = self.people.organisation_before(start, rest)
            if organisation is not None:
                return Speaker(organisation, start, start + len(phrase), False)
        if head in _SPOKES_WORDS:
            # "A No 10 spokesman", "a Kremlin spokeswoman": they speak for the organisation.
            words = phrase.split()[1:-1]
            if words and words[0][:1].isupper():
                organisation = " ".join(words)
                organisation = re.sub(r"[’']s$", "", organisation)
                offset = start + len(phrase.split()[0]) + 1
                return Speaker(organisation, offset, offset + len(organisation), False)
        if head in TITLES:
            person = self.book.person_with_title(head)
            if person is not None:
                return Speaker(person, start, start + len(phrase), True)
        described = _role_phrase(phrase)
        if described is None:
            return None  # "his recent", "an investment he": no one who could have said it
        return Speaker(described, start, start + len(described), False, False)

    def _pronoun(self, pronoun: str, pos: int, length: int = 0) -> Speaker | None:
        """Resolve "he"/"she" (or, with ``pronoun`` "f", "m" or "", a description standing for
        a person) to the person last named, by gender when known."""
        end = pos + (length or len(pronoun))
        if pronoun in ("it", "they"):
            group = self.last_group
            return Speaker(group.name, pos, end, False, group.named) if group is not None else None
        if pronoun == "we":
            return None
        wanted = {"she": "f", "he": "m", "f": "f", "m": "m"}.get(pronoun)
        candidates = [(m.start, m.name) for m in self.people.before(pos)]
        if self._last_pronoun is not None and self._last_pronoun[0] < pos:
            candidates.append(self._last_pronoun)
            candidates.sort(reverse=True)
        titled = self._titled_description_before(pos, candidates[0][0] if candidates else 0)
        if titled is not None:
            # "The minister rejected that. “…,” she said": the minister, not the critic
            # quoted before her.
            candidates.insert(0, titled)
        subject = self._last_subject
        if subject is not None and subject[0] < pos and (
                not candidates or candidates[0][0] < subject[0]
                or not _SENTENCE_END.search(self.text, subject[0],
                                            min(candidates[0][0] + 1, subject[0] + 400))):
            # The speaker of the last reporting verb outranks people named around it in the
            # same sentence ("Ann Lee, an aide to President Tom Reed, said ...").
            candidates.insert(0, subject)
        chosen: str | None = None
        for gender_of in (self.book.likely_gender, self.book.gender):
            # First as the given names suggest, then only as the text says.
            for _start, name in candidates:
                gender = gender_of(name)
                if gender is None or wanted is None or gender == wanted:
                    chosen = name
                    break
            if chosen is not None:
                break
        if chosen is None:
            return None
        if wanted is not None:
            self.book.set_gender(chosen, wanted)
        self._last_pronoun = (pos, chosen)
        self._last_subject = (pos, chosen)
        return Speaker(chosen, pos, end, True)

    def _titled_description_before(self, pos: int, floor: int) -> tuple[int, str] | None:
        """The last "the minister" (a role whose holder was named with that title) between
        ``floor`` and ``pos``, as (position, full name)."""
        if not self.book.has_titles():
            return None
        found: tuple[int, str] | None = None
        text = self.text
        search = _ROLE_DESCRIPTION_FROM_T.search
        match = search(text, max(floor, pos - 400), pos)
        while match is not None:
            start = match.start()
            if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                match = search(text, start + 1, pos)  # inside a word: no \b there
                continue
            person = self.book.person_with_title(match.group(1))
            if person is not None:
                found = (start, person)
            match = search(text, match.end(), pos)
        return found

    def _learn_gender(self, name: str, words: str) -> None:
        gender = gender_of_words(words)
        if gender:
            self.book.set_gender(name, gender)


# What a described speaker can be: a person by role, a group, an organisation, a publication.
ROLE_NOUNS = word_set(
    """official spokesman spokeswoman spokesperson spokespeople representative aide adviser
    advisor source lawyer attorney counsel minister ministry department agency company firm
    group organisation organization campaign committee government administration party union
    council board office police army military court judge prosecutor senator governor mayor
    president chairman chairwoman chair director executive manager owner founder leader member
    supporter critic opponent analyst expert economist researcher scientist doctor resident
    witness voter woman man women men people person student teacher worker employee official
    newspaper paper network station magazine editorial broadcaster channel outlet website site
    crowd protester protestor demonstrator activist organizer organiser campaigner candidate
    nominee challenger incumbent strategist consultant pollster adviser operative donor
    fundraiser lobbyist lawmaker legislator congressman congresswoman senator delegate diplomat
    envoy ambassador general commander officer soldier veteran investigator detective inspector
    sheriff deputy chief head boss ceo spokesperson secretary professor historian author writer
    columnist commentator reporter journalist editor host anchor correspondent biographer
    scholar academic teacher pastor priest bishop rabbi imam cleric father mother son daughter
    husband wife brother sister friend neighbour neighbor relative family parent parents
    colleague partner ally allies rival rivals insider insiders source sources spokesmen
    narrator announcer advocate campaigner backer leadership businessman businesswoman
    billionaire tycoon mogul magnate executive entrepreneur ad advert commercial video letter
    memo statement report study survey
    poll document filing complaint lawsuit indictment ruling order bill text transcript
    release note post tweet message email""") | (TITLES - word_set(
    """vice prime foreign defense defence interior finance economy acting former senior junior
    state health education justice labor labour trade energy transport culture agriculture
    environment affairs home first second assistant associate managing presidential opposition
    party national regional supreme high federal grand field crown private gov gov. sen sen.
    rep rep. gen gen. col col. lt lt. sgt sgt. capt capt. maj maj. adm adm. dr dr. mr mr. mrs
    mrs. ms ms. miss mx prof prof. rev rev. cmdr lord lady sir dame"""))
_CLAUSE_WORDS = word_set("when after before while if that who which where because since until")
# What "the Israeli military" can end with: an organisation named by its description.
_COLLECTIVE_HEADS = word_set(
    """military army navy government police authorities ministry administration campaign
    committee leadership coalition opposition parliament delegation embassy consulate company
    firm group agency department council court board""")
_DANGLING_WORDS = word_set("of in at for to the a an and or from with on by near")
_POST_MODIFIER_OPENERS = word_set("of for at in from close with on to near inside outside")


def _role_phrase(phrase: str) -> str | None:
    """``phrase`` cut after its head noun when that head can speak ("a source close to the
    campaign", "the bureau's director", "his aides"), or None ("his recent", "the past")."""
    words = phrase.split()
    for position in range(1, len(words)):
        word = words[position].rstrip(",.")
        if word in _CLAUSE_WORDS:
            return None  # "a February rally when the candidate": a clause, not a speaker
        if word.endswith(("’s", "'s")) or not word.islower():
            continue  # "the bureau's director": an owner; "Supreme Court": part of a name
        singular = word[:-1] if word.endswith("s") and word[:-1] in ROLE_NOUNS else word
        if singular not in ROLE_NOUNS:
            continue
        rest = words[position + 1:]
        while rest and (rest[-1].lower() in _DANGLING_WORDS or rest[-1].endswith(("’s", "'s"))):
            rest.pop()  # "the leadership in Nevada of": the phrase was cut mid-way
        if rest and rest[0].lower() not in _POST_MODIFIER_OPENERS:
            if any(w.lower().rstrip(",.") in ROLE_NOUNS for w in rest):
                continue  # "the campaign manager": the head comes later
            return " ".join(words[:position + 1])
        return " ".join(words[:position + 1 + len(rest)])
    return None


def _names_organisation(name: str) -> bool:
    return any(word.lower().rstrip(".,") in NON_PERSON_WORDS for word in name.split())


def _name_shaped(word: str) -> bool:
    """"CNN", "ProPublica", "YouTube": one word that can only be a name (all capitals, or a
    capital after a lower-case letter inside it)."""
    if len(word) >= 2 and word.isalpha() and word.isupper():
        return True
    return word[:1].isupper() and _INNER_CAPITAL.fullmatch(word) is not None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _verb_text(verb: str) -> str:
    return "according to" if verb[:9].lower() == "according" else verb


_INDEFINITE_BEFORE = regex(r"(?<![\w’'])[Aa]n?[ \t]+$")
# "In Washington, President Obama released a statement condemning …": what comes before the
# subject of a sentence.
_INTRO_PHRASE = regex(
    r"\s*(?:(?:In|On|At|After|Before|During|When|While|As|Asked|Speaking|Since|Following|"
    r"Earlier|Later|Last|Meanwhile|Separately|Instead|Afterwards?|Despite|Amid|Under|Over|With|"
    r"Without|From|For|By|Like|Unlike|Once|If|Although|Though|Because|Writing|Responding|"
    r"Campaigning|Appearing|Addressing|Interviewed|Pressed|Back)\b[^,;:“”\"\n]{0,100},\s*|"
    r"(?:But|And|Yet|So|Still|Now|Then|Also)\s+)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SPEECH_NOUNS = (
    r"(?:assertion|claim|claims|comment|comments|remark|remarks|statement|response|reply|"
    r"words|argument|promise|pledge|tweet|tweets|message|speech|slogan|catch\s+phrase|line|"
    r"mantra|answer|retort|quip|warning|plea|boast|charge|accusation|description|verdict|"
    r"assessment|prediction|vow|insistence|suggestion|complaint|criticism|description)"
)
# What follows a sentence's subject up to its verb: a bracket ("(D-Md.)"), an apposition
# (which may hold a quoted title), auxiliaries and adverbs ("on Saturday").
_SUBJECT_TO_VERB = (
    r"(?:[ \t]+(?:of|from)[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})?"  # "… of Maryland"
    r"(?:[ \t]*\([^()\n]{1,30}\))?(?:[ \t]*,[^;:\n]{1,120}?,[”\"’]?)?"
    rf"(?:\s+{_AUX})*(?:\s+on\s+{_WEEKDAY})?\s+(?P<verb>[a-z][a-z’'-]+)"
)
_SUBJECT_REST = LazyPattern(_SUBJECT_TO_VERB)
_CLAUSE_SUBJECT = regex(
    rf"[\"“‘']?[ \t]*(?P<name>{NAME_RUN})(?:"
    rf"(?P<possessive>[’']s?(?:\s+[\w-]+){{0,3}}?\s+{_SPEECH_NOUNS}\b)|{_SUBJECT_TO_VERB})"
)
# Lower-case words that follow a capitalised run without making it a subject.
_NOT_VERBS = word_set(
    """of and or in at on for to with from by as the a an than that who which whose where
    when while but nor if so""")
_LOWER_CASE_REACH = 20_000  # how far around a word its lower-case use is looked for

# Verbs that stand before their subject (", said the ministry"); a verb with an object
# (", accused the leadership of …") does not.
_INVERTING_VERBS = word_set(
    """said says added adds asked asks wrote writes continued explained noted notes recalled
    remembered warned argued insisted replied responded answered countered declared exclaimed
    quipped joked cautioned conceded observed remarked beamed chimed opined tweeted posted
    announced acknowledged admitted stated concluded predicted suggested reported reports
    according shouted yelled cried whispered""")
_PHRASE_END = regex(r"[ \t]*(?:[,.;:!?]|$)")
# Any short phrase and a comma or dash before the subject ("Hours later, …", "Washington
# (AFP) – …"), tried when the sentence does not open with its subject.
_ANY_INTRO = regex(r"[^,;:“”\"\n—–]{1,60}(?:,|\s[—–])\s*")
_HEADLINE_WORD = regex(r"[\w’'.-]+")
_HEADLINE_VERBS = reporting_verbs.FINITE | word_set(
    """takes pins sides makes gets got puts hits rips knocks lashes fires pushes wants thinks
    heckles torches shreds trashes dings jabs swipes unloads hammers""")
_HEADLINE_TAIL = LazyPattern(
    rf"[,;:—–-][’”'\"]?\s+(?P<name>{NAME_RUN})\s+(?:Says|Said|Tells|Told|Writes|Wrote|Claims|Warns|"
    r"Insists|Argues|Admits|Suggests)[.!]?\s*$")
_DASH_NAME = LazyPattern(
    rf"[ \t]*[-—–][ \t]*(?P<np>(?:[\w’'.-]+[ \t]+){{0,3}}?)(?P<name>{NAME_RUN})"
    r"(?:[ \t]*\(@\w+\)|[ \t]*(?:[,.)]|$))")
_BY_AGENT = LazyPattern(
    rf"[ \t]*,?[ \t]*by[ \t]+(?P<np>(?:(?:the|a|an)[ \t]+)?(?:[\w’'.-]+[ \t]+){{0,4}}?)"
    rf"(?P<name>{NAME_RUN})")
_HEADLINE_SMALL_WORDS = word_set("a an the and or of to in on at for by with as is vs from")


def _looks_like_headline(text: str, start: int, end: int) -> bool:
    """Title case: most words (small words aside) open with a capital."""
    words = [w.group(0) for w in _HEADLINE_WORD.finditer(text, start, min(end, start + 400))]
    words = [w for w in words if w.lower() not in _HEADLINE_SMALL_WORDS and w[:1].isalpha()]
    if len(words) < 3 or len(words) > 30:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# An organisation's name going on over a connecting word: "Department of Health and Social
# Care", "Bank for International Settlements".
_ORGANISATION_LEFT = LazyPattern(
    rf"(?P<run>{NAME_RUN})[ \t]+(?:of|and|for|&)[ \t]+(?:the[ \t]+)?$")
_ORGANISATION_RIGHT = LazyPattern(
    rf"[ \t]+(?:of|and|for|&)[ \t]+(?:the[ \t]+)?(?P<run>{NAME_RUN})")
_INNER_CAPITAL = regex(rf"\w+[a-z]{CAPITAL}\w*")
_CONNECTOR_ENDINGS = (" of ", " and ", " for ", " & ", " the ")
_CONNECTOR_STARTS = (" of ", " and ", " for ", " & ")
_ROLE_ENDINGS = (" for ", " at ", " of ", " from ", " with ", " in ", " the ")
_ROLES = (r"(?i:(?P<role>spokes(?:man|woman|person|people)|representatives?|officials?|"
          r"lawyers?|attorneys?|aides?|sources?|employees?|staff|analysts?|officers?))")
_ROLE_FOR = LazyPattern(
    rf"(?:\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Ss]everal|[Ss]ome)[ \t]+)?(?:[a-z]+[ \t]+)?"
    rf"{_ROLES}[ \t]+(?:for|at|of|from|with|in)[ \t]+(?:the[ \t]+)?$")
_ROLE_FOR_NAME = LazyPattern(
    rf"(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Ss]everal|[Ss]ome)[ \t]+)?(?:[a-z]+[ \t]+)?"
    rf"{_ROLES}[ \t]+(?:for|at|of|from|with|in)[ \t]+(?:the[ \t]+)?(?P<name>{NAME_RUN})$")
_DOCUMENT_FROM_NAME = LazyPattern(
    r"(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)[ \t]+)?(?:[a-z]+[ \t]+)?"
    r"(?:statement|memo|memorandum|letter|report|release|press[ \t]+release|email|note|"
    r"filing|complaint|ruling|post|tweet|video|ad)[ \t]+(?:(?:issued|released|sent|signed|"
    rf"published|posted)[ \t]+)?(?:from|by)[ \t]+(?:the[ \t]+)?(?P<name>{NAME_RUN})$")
_CLOSING_QUOTE_MARKS = frozenset("”\"’'»")
_CLAUSE_CONJUNCTIONS = word_set("but and yet so still now then meanwhile also")


def _before_conjunction(text: str, start: int, pos: int) -> int:
    """``pos``, or the start of the conjunction ("But", "and") opening the clause before it."""
    end = pos
    while end > start and text[end - 1] in " \t":
        end -= 1
    word = end
    while word > start and text[word - 1].isalpha():
        word -= 1
    if end - word <= 8 and text[word:end].lower() in _CLAUSE_CONJUNCTIONS:
        return word
    return pos


def _opens_clause(text: str, start: int, pos: int) -> bool:
    """Whether only punctuation separates ``pos`` from ``start`` or from a clause break, as in
    "..., said the minister" or `” said Smith`."""
    pos -= 1
    while pos >= start and text[pos].isspace():
        pos -= 1
    return pos < start or text[pos] in ",;:—–-(\"”’'»“"

