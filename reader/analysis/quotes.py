"""Direct quotes: paired marks (``quotemarks``), classified and attributed to their speakers.

Kinds: a *full* quote is a sentence of its own, opening a sentence or introduced by a cue and a
comma or colon ("he said: “We will”"); a *partial* quote is a fragment inside reported speech;
a *term* is a quoted word or title with no speaker: in a heading, after "so-called", "dubbed",
"known as", or a short fragment in a sentence without any reporting cue.

Attribution, in order: a cue right after the closing mark (`,” he said`), the last cue before
the quote in its sentence, the speaker of an earlier quote in the same sentence, and finally
(for quotes that are not terms) the speaker of the previous quote or reported speech in the same
run of paragraphs. A heading, or a paragraph with neither quotes nor reported speech, ends the
run.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.analysis.model import Mention, Quote, QuoteKind, Sentence
from reader.analysis.names import NAME_RUN
from reader.analysis.paragraphs import Paragraph
from reader.analysis.pattern_cache import regex
from reader.analysis.quotemarks import QuoteSpan
from reader.analysis.speakers import SPEECH_VERBS, Cue, Speaker, SpeakerFinder

_TERM_MARKER = regex(
    r"(?:so-called|dubbed|termed|nicknamed|branded|labell?ed|titled|entitled|known\s+as|"
    r"(?:the|a|an)\s+(?:word|term|phrase|slogan|hashtag|motto|title|headline|label|name)s?|"
    r"reading|marked)\s*[\"'“‘«„]?$",
    re.I,
)
# The last letter of each ``_TERM_MARKER`` word, in either case ("ſ" folds to "s").
_TERM_MARKER_LAST = frozenset("dsmengolDSMENGOLſ")


def _after_term_marker(text: str, lo: int, mark: int) -> bool:
    """``_TERM_MARKER.search(text, lo, mark + 1)``, without trying every position when the
    characters before the mark cannot end the pattern (most quotes: `said, “`)."""
    if text[mark] not in "\"'“‘«„":
        # The pattern's own optional mark is not there (a », a ‹ …): let it decide.
        return _TERM_MARKER.search(text, lo, mark + 1) is not None
    last = mark - 1
    while last >= lo and text[last].isspace():
        last -= 1
    if last < lo or text[last] not in _TERM_MARKER_LAST:
        return False
    return _TERM_MARKER.search(text, lo, mark + 1) is not None


_NAME_COLON = regex(rf"(?<![\w’'.-])(?P<name>{NAME_RUN})\s*:\s*$")
_NAME_COLON_LEADS = regex(rf"[ \t\"“‘']*(?P<name>{NAME_RUN})[ \t]*:[ \t]")
_SENTENCE_LEAD = frozenset(" \t\n\u00a0—–-\"'“‘«„(‚[")
_INTRO_END = regex(r"[,:]\s*$")
_TERM_MAX_WORDS = 4
_OPENING_MARKS = frozenset("\"“‘«„'‹‚")


@dataclass(frozen=True, slots=True)
class QuoteIndex:
    """Top-level quote spans (marks included) for quote-free gaps and containment tests."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, spans: Sequence[QuoteSpan]) -> QuoteIndex:
        return cls([s.open_mark for s in spans], [s.close_mark + 1 for s in spans])

    def gaps(self, start: int, end: int) -> list[tuple[int, int]]:
        """The parts of [start, end) outside every quote."""
        result: list[tuple[int, int]] = []
        index = max(0, bisect_right(self.starts, start) - 1)
        pos = start
        while index < len(self.starts) and self.starts[index] < end:
            q_start, q_end = self.starts[index], self.ends[index]
            if q_end > pos:
                if q_start > pos:
                    result.append((pos, q_start))
                pos = max(pos, q_end)
            index += 1
        if pos < end:
            result.append((pos, end))
        return result

    def inside(self, pos: int) -> bool:
        index = bisect_right(self.starts, pos) - 1
        return index >= 0 and self.starts[index] <= pos < self.ends[index]


def find_quotes(
    text: str,
    paragraphs: Sequence[Paragraph],
    sentences: Sequence[Sentence],
    spans: Sequence[QuoteSpan],
    finder: SpeakerFinder,
    index: QuoteIndex,
) -> tuple[list[Quote], list[Cue | None]]:
    """The quotes in document order, and the reporting cue of each sentence (None for most;
    a list by sentence number, smaller than a dictionary of the few that have one)."""
    quotes: list[Quote] = []
    sentence_cues: list[Cue | None] = [None] * len(sentences)
    sentence_starts = [s.start for s in sentences]
    span_index = 0
    sentence_index = 0
    run_speaker: Speaker | None = None
    # Quotes of a run that so far has no speaker, and the paragraph they end in: a feature may
    # open on a quote and name its speaker only in the next paragraph.
    unattributed: list[int] = []
    unattributed_paragraph = -1
    previous_quotes: list[int] = []  # where the previous paragraph's quotes start
    verb_starts = finder.verb_starts
    verb_index = 0
    for para_number, para in enumerate(paragraphs):
        first_sentence = bisect_left(sentence_starts, para.start, lo=sentence_index)
        last_sentence = bisect_left(sentence_starts, para.end, lo=first_sentence)
        sentence_index = last_sentence
        para_spans_end = span_index
        while para_spans_end < len(spans) and spans[para_spans_end].paragraph == para_number:
            para_spans_end += 1
        para_spans = spans[span_index:para_spans_end]
        span_index = para_spans_end
        if para.kind == "heading":
            for span in para_spans:
                speaker = finder.headline_speaker(para.start, span.open_mark, para.end)
                quotes.append(_quote(text, span, "partial" if speaker else "term", speaker,
                                     None))
            run_speaker = None
            finder.last_group = None
            continue
        if previous_quotes and len(quotes) > previous_quotes[0] and para.end - para.start < 160:
            # "“…”" then a paragraph "- Bernie Sanders." or "—President Obama, tweeting":
            # whose words the quotes just before were.
            line_start = text.rfind("\n", 0, para.start) + 1  # with a bullet's dash
            signed = finder.dash_attribution(line_start, para.end)
            if signed is not None:
                mention = Mention(signed.name, signed.start, signed.end, signed.role)
                for i in range(previous_quotes[0], len(quotes)):
                    if quotes[i].cue is None and quotes[i].kind != "term":
                        quotes[i] = replace(quotes[i], speaker=mention)
        previous_quotes = [len(quotes)]
        had_event = False
        cursor = 0
        for number in range(first_sentence, last_sentence):
            sentence = sentences[number]
            verb_index = bisect_left(verb_starts, sentence.start, lo=verb_index)
            in_sentence: list[QuoteSpan] = []
            while cursor < len(para_spans) and para_spans[cursor].open_mark < sentence.end:
                in_sentence.append(para_spans[cursor])
                cursor += 1
            if not in_sentence:
                if verb_index >= len(verb_starts) or verb_starts[verb_index] >= sentence.end:
                    continue  # no reporting verb anywhere in the sentence
                gaps = index.gaps(sentence.start, sentence.end)
                cue = _first_cue(finder, gaps, SPEECH_VERBS)
                if cue is not None:
                    sentence_cues[number] = cue  # reported speech: a claim of its own
                elif cursor < len(para_spans) or (
                        number == last_sentence - 1 and para_number + 1 < len(paragraphs)
                        and text[paragraphs[para_number + 1].start] in _OPENING_MARKS):
                    # A quote follows: "Iowa State's Dianne Bystrom agreed. “…”" — any
                    # reporting verb names who it is, though the sentence is no claim.
                    cue = _first_cue(finder, gaps)
                if cue is not None:
                    had_event = True
                    if cue.speaker is not None:
                        run_speaker = cue.speaker
                        if not cue.speaker.person:
                            finder.last_group = cue.speaker
                continue
            sentence_speaker: Speaker | None = None
            sentence_cue: Cue | None = None
            gap_start = sentence.start
            for position, span in enumerate(in_sentence):
                following = in_sentence[position + 1].open_mark if position + 1 < len(
                    in_sentence) else paragraphs[span.end_paragraph].end
                # The sentence the quote ends in (a quote may hold several sentences).
                closing = sentences[max(number, bisect_right(sentence_starts, span.close_mark,
                                                             lo=number) - 1)]
                quote, cue = _attribute(text, span, sentence, gap_start, following, finder,
                                        sentence_speaker, run_speaker, index, closing.end)
                if quote.speaker is None and quote.kind != "term":
                    unattributed.append(len(quotes))
                    unattributed_paragraph = span.end_paragraph
                elif quote.speaker is not None:
                    unattributed.clear()
                quotes.append(quote)
                had_event = True
                if cue is not None and sentence_cue is None and cue.speaker is not None:
                    sentence_cue = cue
                if quote.speaker is not None and cue is not None:
                    sentence_speaker = cue.speaker
                if quote.speaker is not None:
                    speaker = cue.speaker if cue is not None and cue.speaker else run_speaker
                    if cue is not None and cue.speaker is not None:
                        run_speaker = cue.speaker
                        if not cue.speaker.person:
                            finder.last_group = cue.speaker
                    elif speaker is not None:
                        run_speaker = speaker
                gap_start = span.close_mark + 1
            if sentence_cue is not None:
                sentence_cues[number] = sentence_cue
        if unattributed and para_number == unattributed_paragraph + 1:
            first_cue = sentence_cues[first_sentence] if first_sentence < len(
                sentence_cues) else None
            _name_after_the_quotes(quotes, unattributed, first_cue, para.start)
            unattributed.clear()
        # Quotes whose opening mark lies outside every sentence (should not happen) still count.
        for span in para_spans[cursor:]:
            quotes.append(_quote(text, span, _kind(text, span, span.open_mark, None, False), None,
                                 None))
        if not had_event:
            run_speaker = None
            following = paragraphs[para_number + 1] if para_number + 1 < len(paragraphs) \
                else None
            if not para_spans and para.kind == "paragraph" and first_sentence < last_sentence \
                    and following is not None and text[following.start] in _OPENING_MARKS:
                # "Viguerie is upbeat about Cruz’s chances …" then a paragraph that is only a
                # quote: the person the paragraph is about is whose words follow.
                last = sentences[last_sentence - 1]
                subject = finder.clause_subject(sentences[first_sentence].start, last.end)
                if subject is not None and subject.person:
                    run_speaker = subject
    return quotes, sentence_cues


def _name_after_the_quotes(quotes: list[Quote], unattributed: list[int], cue: Cue | None,
                           para_start: int) -> None:
    """"“We're not asking for the moon.”" then "Dana Whitcomb, a teacher, shouted the words
    ...": a paragraph that opens by naming a person as the subject of a reporting verb names
    the speaker of the unattributed quotes just before it."""
    if cue is None or cue.speaker is None or not cue.speaker.person:
        return
    speaker = cue.speaker
    if speaker.start - para_start > 3 or " " not in speaker.name:
        return
    mention = Mention(speaker.name, speaker.start, speaker.end, speaker.role)
    for i in unattributed:
        quotes[i] = replace(quotes[i], speaker=mention, cue=cue.verb)


def _first_cue(finder: SpeakerFinder, gaps: list[tuple[int, int]],
               only: frozenset[str] | None = None) -> Cue | None:
    for start, end in gaps:
        for cue in finder.cues_in(start, end, first=True, only=only):
            if cue.speaker is not None:
                return cue
    return None


def _attribute(
    text: str,
    span: QuoteSpan,
    sentence: Sentence,
    gap_start: int,
    following: int,
    finder: SpeakerFinder,
    sentence_speaker: Speaker | None,
    run_speaker: Speaker | None,
    index: QuoteIndex,
    closing_end: int,
) -> tuple[Quote, Cue | None]:
    if _after_term_marker(text, max(gap_start, span.open_mark - 40), span.open_mark):
        return _quote(text, span, "term", None, None), None
    # `“…,” he said`: a quote ending on a comma looks right for its cue. One ending a sentence
    # (`“….” She added: “…”`) takes its cue from before; what follows may introduce the next.
    ends_sentence = text[span.end - 1] in ".!?…" if span.end > span.start else False
    if ends_sentence:
        cue = _cue_before(finder, gap_start, span.open_mark, sentence_speaker, sentence.start)
        if cue is None or cue.speaker is None:
            after = finder.cue_after(span.close_mark + 1, following)
            if after is not None and not _introduces_next(text, after, following) \
                    and not _opens_own_quote(finder, after) \
                    and _cue_sentence_is_short(finder, span.close_mark + 1, after, following):
                cue = after
    else:
        cue = finder.cue_after(span.close_mark + 1, following)
        if cue is None or cue.speaker is None:
            before = _cue_before(finder, gap_start, span.open_mark, sentence_speaker,
                                 sentence.start)
            if before is not None:
                cue = before
    speaker: Speaker | None = cue.speaker if cue is not None else None
    if speaker is None and sentence_speaker is not None:
        speaker = sentence_speaker
        cue = Cue(cue.verb if cue else "", -1, speaker) if cue else None
    if speaker is None:
        # `The “miracle plan” was a fraud, Smith said.`: a cue later in the same sentence.
        # Later quotes of the sentence are passed over: `“ties of any consequence,” aside from
        # knowing each other “casually”, the director said.`
        later = next((c for start, end in index.gaps(span.close_mark + 1,
                                                     max(sentence.end, closing_end))
                      for c in finder.cues_in(start, end, sentence.start)
                      if c.speaker is not None), None)
        if later is not None:
            cue, speaker = later, later.speaker
    if speaker is None:
        # `“Great speech.” — Ann Lee (@annlee)`, `“witch hunt” by Democrats`, and with no
        # reporting verb, the named subject of the sentence (`Cruz coached Trump to
        # “breathe, breathe, breathe.”`) or of a headline.
        speaker = finder.dash_attribution(span.close_mark + 1, following) or \
            finder.agent_after(span.close_mark + 1, min(sentence.end, following))
        if speaker is None and span.open_mark > sentence.start:
            speaker = finder.clause_subject(sentence.start, span.open_mark)
        if speaker is None:
            speaker = finder.headline_speaker(sentence.start, span.open_mark, sentence.end)
        if speaker is not None:
            cue = Cue("", -1, speaker)
    has_cue = speaker is not None
    kind = _kind(text, span, sentence.start, cue, has_cue)
    if kind == "term":
        return _quote(text, span, kind, None, None), None
    if speaker is None and run_speaker is not None and (cue is None or cue.verb_start < 0):
        # (not when a verb of its own says someone the text does not name spoke: `,” the
        # New York businessman said`)
        speaker = run_speaker
    verb = cue.verb if cue is not None and cue.verb else None
    return _quote(text, span, kind, speaker, verb), cue


# What may follow the verb of a cue sentence of its own: nothing, or where, when and to whom
# ("Lee said on Monday.", "Lee told reporters in Ohio."), never a clause of its own.
_BARE_CUE_REST = regex(
    r"(?:[ \t]+(?:on|in|at|to|from|of|into|about|with|for|during|after|before|while|outside|"
    r"as|over|via|through|by|last|this|yesterday|today|tonight|later|earlier|reporters|\w+ly|"
    r"\w+day)\b[^.!?“”\"\n]{0,60}?)?[.!?](?:\s|$)")


def _cue_sentence_is_short(finder: SpeakerFinder, start: int, cue: Cue, following: int
                           ) -> bool:
    """After a quote that ends its sentence, a cue in the next sentence attributes it only
    when that sentence is the cue alone (`“We will win.” Smith said.`), not when it is a new
    statement (`“…free riders.” Donald Trump, the nominee, has been blunter, saying …`)."""
    if cue.verb_start < 0:
        return True
    text = finder.text
    gap = text[start:cue.verb_start]
    if gap.lstrip(" \t,")[:1].islower():
        return True  # (`!” the nominee, Ann Lee, tweeted`: the sentence goes on)
    if text[start - 2:start - 1] in "?!" and "," not in gap and len(gap) < 40:
        return True  # `“Will you?” Lee asked reporters during …`: a question takes no comma
    verb = finder.verb_at(cue.verb_start)
    return verb is not None and _BARE_CUE_REST.match(text, verb[0], following) is not None


def _opens_own_quote(finder: SpeakerFinder, cue: Cue) -> bool:
    """`“No entry.” The protesters chanted “Stop the war”`: a verb straight before a quote of
    its own starts a new sentence about that quote, not an attribution of the one before."""
    if cue.verb_start < 0:
        return False
    verb = finder.verb_at(cue.verb_start)
    if verb is None:
        return False
    text = finder.text
    pos = verb[0]
    while pos < len(text) and text[pos] in " \t:,":
        pos += 1
    return pos < len(text) and text[pos] in _OPENING_MARKS


def _introduces_next(text: str, cue: Cue, following: int) -> bool:
    """Whether a cue after a quote ends in a colon or comma right before the next quote."""
    if cue.verb_start < 0 or following - cue.verb_start >= 80:
        return False
    return text[cue.verb_start:following].rstrip().endswith((":", ","))


def _cue_before(finder: SpeakerFinder, start: int, end: int,
                sentence_speaker: Speaker | None, floor: int) -> Cue | None:
    cues = finder.cues_in(start, end, floor)
    chosen: Cue | None = None
    last_with_subject: Speaker | None = sentence_speaker
    for cue in cues:
        if cue.needs_subject:
            absolute = finder.person_before(cue.verb_start)
            if absolute is not None:
                # "…, with Senator Ann Lee telling reporters “…”": the person right before.
                last_with_subject = absolute
            elif last_with_subject is None:
                # "Tom Reed spoke to reporters, adding: “…”": the subject of the sentence.
                last_with_subject = finder.subject_at(floor, cue.verb_start)
            if last_with_subject is not None:
                chosen = Cue(cue.verb, cue.verb_start, last_with_subject)
            continue
        if cue.speaker is not None:
            last_with_subject = cue.speaker
            chosen = cue
    if chosen is None and end - start < 120:
        # "Voss: “We will not sell.”" — a name and a colon, as in a transcript.
        named = _NAME_COLON.search(finder.text, max(start, end - 80), end)
        if named is not None:
            speaker = finder.named_person(named.group("name"), named.start("name"))
            if speaker is not None:
                chosen = Cue(":", named.end("name"), speaker)
    if chosen is None:
        # "Issa: Clinton’s ‘Honesty Is In Question’" — a headline led by who said it.
        named = _NAME_COLON_LEADS.match(finder.text, floor, end)
        if named is not None:
            speaker = finder.named_person(named.group("name"), named.start("name"))
            if speaker is not None:
                chosen = Cue(":", named.end("name"), speaker)
    return chosen


def _kind(text: str, span: QuoteSpan, sentence_start: int, cue: Cue | None,
          has_cue: bool) -> QuoteKind:
    if span.parts:
        return "full"
    content = text[span.start:span.end]
    first = next((c for c in content if c.isalnum()), "")
    starts_upper = first.isupper() or first.isdigit()
    # Only the few characters before the mark matter; never slice a long sentence.
    pos = span.open_mark - 1
    while pos >= sentence_start and text[pos] in _SENTENCE_LEAD:
        pos -= 1
    at_start = pos < sentence_start
    introduced = (
        cue is not None and 0 <= cue.verb_start < span.open_mark
        and _INTRO_END.search(text, max(sentence_start, span.open_mark - 8), span.open_mark)
        is not None
    )
    if starts_upper and (at_start or introduced):
        return "full"
    if not has_cue and content.count(" ") + 1 <= _TERM_MAX_WORDS:
        return "term"
    return "partial"


def _quote(text: str, span: QuoteSpan, kind: QuoteKind, speaker: Speaker | None,
           cue: str | None) -> Quote:
    mention = (Mention(speaker.name, speaker.start, speaker.end, speaker.role)
               if speaker is not None else None)
    return Quote(
        start=span.start,
        end=span.end,
        text=text[span.start:span.end],
        kind=kind,
        speaker=mention,
        cue=cue if mention is not None else None,
        nested=tuple(span.nested) if span.nested else (),
        parts=tuple(span.parts) if span.parts else (),
    )
