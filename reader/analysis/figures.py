"""Figures: counts, money, percentages, years, dates, durations and ranges, in digits or words.

One compiled pattern finds the core of each figure (digits, a date, number words, a vague
plural, a fraction); the span then grows left over a currency sign and a qualifier ("about",
"more than", "up to") and right over a scale ("billion", "3bn"), a currency word, "%"/"percent",
a time unit ("three years", "30-day") or a measure. Each figure gets a normalised value, a unit
(currency code, "%", "days", "years", or the counted noun: "171 long-range drones" -> drones)
and whether it is approximate.

Ranges: a compact range ("10–30", "$5-6 million") is one figure of kind "range" with low/high
and no value. In a worded range ("between 10,000 and 30,000", "from 5 to 10") each end is its
own figure, with its own value and the range's low/high set on both, so each number stays
separately checkable.

Not figures: "one" unless it is clearly counted ("one year", "one million", "only one"), idioms
("one another", "one thing for certain", "a couple of"), number words in names ("Formula One"),
identifiers ("F-16", "Covid-19", "Article 5", "G7"), ordinals and times of day.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

from reader.analysis.model import Figure, FigureKind
from reader.analysis.numbers_in_words import (
    FRACTION,
    FRACTIONS,
    SCALES,
    TENS,
    UNITS,
    VAGUE_NUMBER,
    WORD_NUMBER,
    read_fraction,
    read_vague,
    read_word_number,
)
from reader.analysis.paragraphs import Paragraph
from reader.analysis.wordtrie import trie_pattern, word_set

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1,
    "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTHS_WRITTEN = ["January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
                   "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]
_MONTH = (
    r"\b(?:" + trie_pattern(["January", "February", "March", "April", "May", "June", "July",
                            "August", "September", "October", "November", "December"])
    + "|" + trie_pattern(["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct",
                          "Nov", "Dec"]) + r"\.)"
)
# Wire datelines drop the dot ("LONDON, Nov 6 (Reuters)"): an undotted abbreviation is a month
# only with a day number after it, never on its own ("Jan" is also a name).
_MONTH_BEFORE_DAY = (
    r"\b(?:" + trie_pattern(["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"])
    + "|" + trie_pattern(["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct",
                          "Nov", "Dec"]) + r"\.?)"
)
# Two passes, each starting on a fixed kind of character so that ``re`` can skip ahead quickly:
# numbers and dates that start with a digit, and words (month names, number words).
# "[^\S\n]" is white space within a line, no-break spaces included ("3\u00a0billion").
# The first digit is matched by a plain class outside any group, so that ``re`` can jump from
# digit to digit; the named groups tell the kinds apart (``match.group(0)`` is the whole text).
_NUMERIC = re.compile(
    rf"[0-9](?:(?P<ddate>\d?(?:st|nd|rd|th)?[^\S\n]+(?:of[^\S\n]+)?{_MONTH}(?:,?[^\S\n]+\d{{4}}\b)?"
    r"|\d{3}-\d{2}-\d{2}\b)"
    r"|(?P<digits>\d{0,2}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)"
    # "38 420" with a no-break or thin space between thousands, as French and Swiss copy writes it.
    r"|\d{0,2}(?:[\u00a0\u2009\u202f]\d{3})+(?!\d)"
    # "2,5 %", "412,6 million": a decimal comma (one or two digits after it are never thousands).
    r"|\d*,\d{1,2}(?![\d,])"
    r"|\d*(?:\.\d+)?))"
)


def _no_boundary(pattern: str) -> str:
    return pattern[2:] if pattern.startswith(r"\b") else pattern


_WORDY = re.compile(
    # One word-boundary test shared by every alternative, and only before a letter that can
    # start a month or a number word.
    r"\b(?=[abdefhjmnostzABDEFHJMNOSTZ])(?:"
    rf"(?P<wdate>{_no_boundary(_MONTH_BEFORE_DAY)}[^\S\n]+\d{{1,2}}(?:st|nd|rd|th)?"
    r"(?:[-–]\d{1,2}(?:st|nd|rd|th)?)?\b(?:,?[^\S\n]+\d{4}\b)?"
    rf"|{_no_boundary(_MONTH)}[^\S\n]+\d{{4}}\b)"
    rf"|(?P<vague>{_no_boundary(VAGUE_NUMBER)})|(?P<fraction>{_no_boundary(FRACTION)})"
    rf"|(?P<words>{_no_boundary(WORD_NUMBER)})"
    r"|(?P<half>[Hh]alf)(?=[^\S\n]+(?:of|the|a|an|its|their|his|her|all|our|them)\b)"
    r"|(?P<twice>[Tt]wice|[Tt]hrice)\b)"
)
_NOT_BEFORE_DIGITS = frozenset(".,/:_")
_START_WORDS = [*UNITS, *TENS, *SCALES, "dozen", "dozens", "scores", "hundreds", "thousands",
                "millions", "billions", "tens", "half", "twice", "thrice"]
# Every word ``_WORDY`` can start with, each case and separator spelt out, so that the pattern
# is one trie of plain letters, which ``re`` turns into a fast first-character scan.
_WORDY_START = re.compile(trie_pattern([
    *_MONTHS_WRITTEN, *_START_WORDS, *(w.capitalize() for w in _START_WORDS),
    *(f"{a}{sep}{fraction}" for a in "aA" for sep in " \t-" for fraction in FRACTIONS),
]))

_SCALES = {
    "lakh": 1e5, "crore": 1e7, "lakh crore": 1e12,
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6,
    "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12,
}
_SCALE_AFTER = re.compile(
    r"(?:[^\S\n]+|-)(?P<word>thousand|million|billion|trillion|lakh[^\S\n]+crore|lakh|crore)\b"
    r"|(?P<abbr>[^\S\n]?(?:bn|mn|mln|tn|trn)\b|(?:m|b|k)\b)"
)
_CURRENCY_SYMBOLS = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "C$": "CAD", "A$": "AUD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "R$": "BRL", "£": "GBP", "€": "EUR", "¥": "JPY", "₴": "UAH",
    "₽": "RUB", "₹": "INR", "₩": "KRW", "₺": "TRY", "₪": "ILS", "₦": "NGN", "₱": "PHP",
    "₫": "VND", "₿": "BTC",
}
_CURRENCY_SYMBOLS_FIRST = frozenset("$£€¥₴₽₹₩₺₪₦₱₫₿")
_CODES = sorted(word_set(
    "USD EUR GBP JPY CNY UAH RUB INR CHF CAD AUD NZD HKD SGD BRL MXN ZAR TRY PLN SEK NOK DKK "
    "ILS KRW NGN KES EGP SAR AED QAR CZK HUF RON BGN"
))
_CURRENCY_BEFORE = re.compile(
    r"(?:(?P<symbol>(?:US|U\.S\.|C|A|NZ|HK|S|R)?\$|[£€¥₴₽₹₩₺₪₦₱₫₿])"
    rf"|\b(?P<code>{'|'.join(_CODES)}|Rs\.?)[ \t\u00a0]?)$"
)
_CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rouble": "RUB", "ruble": "RUB",
    "hryvnia": "UAH", "hryvnya": "UAH", "franc": "CHF", "zloty": "PLN", "peso": "MXN",
    "lira": "TRY", "shekel": "ILS", "rand": "ZAR", "naira": "NGN", "won": "KRW", "krona": "SEK",
    "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "rupiah": "IDR", "ringgit": "MYR",
    "dirham": "AED", "riyal": "SAR", "dinar": "KWD", "bitcoin": "BTC",
}
_DOLLAR_COUNTRIES = {
    "us": "USD", "u.s.": "USD", "canadian": "CAD", "australian": "AUD", "new zealand": "NZD",
    "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD",
}
_CURRENCY_AFTER = re.compile(
    r"[^\S\n]+(?:(?P<country>US|U\.S\.|Canadian|Australian|New[^\S\n]+Zealand|Hong[^\S\n]+Kong|"
    r"Singapore|Taiwan)[^\S\n]+)?(?P<word>dollars?|euros?|pounds?(?:[^\S\n]+sterling)?|sterling|yen|"
    r"yuan|renminbi|rupees?|roubles?|rubles?|hryvnias?|hryvnyas?|francs?|zlotys?|pesos?|liras?|"
    r"shekels?|rand|naira|won|kronor|krona|kroner|krone|rupiah|ringgit|dirhams?|riyals?|dinars?|"
    rf"bitcoins?)\b|[^\S\n]+(?P<code>{'|'.join(_CODES)})\b"
)
_PERCENT_AFTER = re.compile(
    r"(?P<points>[^\S\n]+percentage[^\S\n]+points?\b)|[^\S\n]?(?:%|per[^\S\n]?cent\b|percent\b|pct\b)",
    re.IGNORECASE,
)
_TIME_UNITS = {
    "year": "years", "month": "months", "week": "weeks", "day": "days", "hour": "hours",
    "minute": "minutes", "second": "seconds", "decade": "decades", "century": "centuries",
    "centurie": "centuries", "night": "nights",
}
_TIME_AFTER = re.compile(
    r"(?P<sep>[^\S\n]+|-)(?P<unit>years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|"
    r"century|centuries|nights?)(?P<old>-old)?\b"
)
_MEASURE_AFTER = re.compile(
    r"(?:[^\S\n]+|-)?(?P<unit>km|kilometres?|kilometers?|miles?|metres?|meters?|feet|foot|ft|"
    r"inches|kg|kilograms?|grams?|millimetres?|millimeters?|centimetres?|centimeters?|tonnes?|tons?|lbs?|litres?|liters?|gallons?|barrels?|acres?|"
    r"hectares?|square[^\S\n]+(?:kilometres?|kilometers?|miles?|metres?|meters?|feet)|"
    r"degrees?(?:[^\S\n]+(?:Celsius|Fahrenheit))?|°[CF]?|mph|km/h|megawatts?|gigawatts?|MW|GW|"
    r"kW|kWh|MWh|GWh|TWh|cm|mm)(?![\w/])"
)
_COMPOUND_AFTER = re.compile(r"-(?P<noun>[a-z]{3,})\b(?!-)")
_RANGE_AFTER = re.compile(r"(?:[^\S\n]?[-–—][^\S\n]?|[^\S\n]*–[^\S\n]*)(?=[$£€¥₴₽₹\d])")
_QUALIFIER_BEFORE = re.compile(
    r"\b(?P<q>about|around|roughly|approximately|nearly|almost|some|close[^\S\n]+to|"
    r"more[^\S\n]+than|less[^\S\n]+than|fewer[^\S\n]+than|over|under|at[^\S\n]+least|at[^\S\n]+most|"
    r"up[^\S\n]+to|as[^\S\n]+many[^\S\n]+as|as[^\S\n]+much[^\S\n]+as|as[^\S\n]+few[^\S\n]+as|"
    r"as[^\S\n]+little[^\S\n]+as|upwards[^\S\n]+of|an[^\S\n]+estimated|estimated|just[^\S\n]+over|"
    r"just[^\S\n]+under|well[^\S\n]+over|well[^\S\n]+above|circa|nearly)[^\S\n]+$",
    re.IGNORECASE,
)
_QUALIFIER_LAST_WORDS = word_set(
    "about around roughly approximately nearly almost some to than over under least most as of "
    "estimated circa above"
)
# "clear up to 3 billion": a verb that takes "up" leaves "to" alone, so "up to" is no qualifier.
_PHRASAL_UP = re.compile(
    r"\b(?:clear|clears|cleared|add|adds|added|ramp|ramped|step|stepped|scale|scaled|sum|summed|"
    r"end|ended|ends|open|opened|free|freed|set|sets|make|makes|made|build|built|shore|"
    r"pick|picked|speed|sped|beef|beefed|drum|drummed|wind|wound|line|lined|move|moved|"
    r"go|goes|went|gone|jump|jumped|shoot|shot|climb|climbed)[^\S\n]+$",
    re.IGNORECASE,
)
_WAITING_BEFORE = re.compile(
    r"\b(?:for|wait|waits|waited|waiting|last|lasts|lasted|lasting|took|take|takes|taking|"
    r"spent|spend|spends|spending|after|remained|stayed|held|lasted)[^\S\n]+$",
    re.IGNORECASE,
)
_ARTICLE_BEFORE = re.compile(r"\b(?P<a>a|an|half[^\S\n]+a)[^\S\n]+$", re.IGNORECASE)
_ONE_CONTEXT_BEFORE = re.compile(
    r"\b(?:only|just|at[^\S\n]+least|more[^\S\n]+than|fewer[^\S\n]+than|less[^\S\n]+than|about|nearly|"
    r"almost|exactly|killing|killed|injuring|injured|wounding)[^\S\n]+$",
    re.IGNORECASE,
)
# "One soldier was killed": one person counted, as in casualty reports.
_ONE_PERSON = re.compile(
    r"[^\S\n]+(?:[a-z]+[^\S\n]+)?(?:person|man|woman|child|boy|girl|soldier|civilian|officer|"
    r"policeman|resident|worker|journalist|patient|student|firefighter|passenger|migrant|"
    r"prisoner|hostage|baby|teenager|pilot|doctor|nurse|guard|driver|victim)\b"
)
_NAMED_AFTER = re.compile(r",[^\S\n]*[A-Z]")
_ONE_IN = re.compile(
    r"[^\S\n]+in[^\S\n]+(?:every[^\S\n]+)?(?P<of>[1-9]\d*|two|three|four|five|six|seven|eight|nine|"
    r"ten)\b",
    re.IGNORECASE,
)
_IDENTIFIER_WORDS = word_set(
    """no no. nos number article section chapter page pages room gate platform line route highway
    flight resolution title level category phase stage grade class round game episode season
    version windows apollo vision agenda formula proposition amendment psalm interstate unit
    block building apartment suite box code model type mark mk vol volume issue exhibit track
    terminal paragraph clause item step act part figure table appendix annex iphone galaxy
    pixel covid su mig kh tu an il ka mi boeing airbus""")
_IDIOM_AFTER = re.compile(
    r"[^\S\n]*(?:another\b|-(?:state|way|sided|off|on-one|faced|time)\b|[^\S\n]+(?:thing|day|way|side|"
    r"hand|of[^\S\n]+(?:the|a|an|his|her|its|their|our|them|those|these|us|you)\b|or[^\S\n]+two\b|"
    r"or[^\S\n]+another\b|by[^\S\n]+one\b|point\b|time\b|reason\b|more\b|last\b|such\b|"
    r"at[^\S\n]+a[^\S\n]+time\b))",
    re.IGNORECASE,
)
_COMPOUND_IDIOM_AFTER = re.compile(r"-(?:state|way|sided|faced|fold)\b", re.IGNORECASE)
_IDIOM_BEFORE = re.compile(
    r"\b(?:no|every|any|some|the|this|that|which|each|a[^\S\n]+thing[^\S\n]+or|one[^\S\n]+or|"
    r"number|no[^\S\n]+one|square)[^\S\n]+$",
    re.IGNORECASE,
)
_WORD_BEFORE_HALF = re.compile(r"(\w+)[^\S\n]+$")
_NOT_BEFORE_HALF = word_set("the first second other latter a and one this that")
# "1200 North Grand Avenue": a street number.
_ADDRESS_AFTER = re.compile(
    r"(?:[^\S\n]+[A-Z][\w.]*){1,3}[^\S\n]+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|"
    r"Lane|Drive|Dr\.|Place|Square|Way|Court|Terrace|Highway)\b"
)
_TIME_OF_DAY = re.compile(
    r"[^\S\n]?(?:[ap]\.m\.|[ap]m\b|o’clock|o'clock|GMT\b|UTC\b|BST\b|CET\b|EST\b|EDT\b|"
    r"PST\b|PDT\b|ET\b|local[^\S\n]+time)"
)
_TIME_OF_DAY_INITIALS = frozenset("apoGUBCEPl")
_SUFFIX_LETTERS = re.compile(r"(?:st|nd|rd|th)\b|s\b|[a-zA-Z]")
_WORD_AFTER = re.compile(r"[^\S\n]+([\w’'-]+)")
_STOP_WORDS = word_set(
    """of and or in on at to from by with were was is are had have has while that which who the
    a an as for including since after before than per more less across into over under near
    among between about around during through against without within like this these those
    their its his her our your when where if but so then now ago last next earlier later each
    every other others such not no also only just still yet been be being will would could may
    might can should must do did does say said says told according percent up down out off
    back this year month week day time times amid despite""")
_NOT_NOUNS = word_set("more less most many much few several such same other own")
_SENTENCE_START_CHARS = frozenset(".!?\"“‘'(—–:;\n")
_MIN_YEAR, _MAX_YEAR = 1000, 2100
_YEAR_SPAN_AFTER = re.compile(r"/(\d\d)(?![\d/])")
# Telephone numbers: a trunk prefix ("0800 555 111", "01632 960482") or a North American
# "(206) 555-0147" / "206-555-0147". A quantity is never written with a leading zero.
_PHONE = re.compile(
    r"0\d+(?:[^\S\n]\d{2,})*"
    r"|\d{3}[-.]\d{3}[-.]\d{4}\b"
    r"|\d{3}\)[^\S\n]?\d{3}-\d{4}\b"
)
# "call 101", "ring 999", "dial 112 or": a number to call is no quantity (unless it counts
# something: "call 12 witnesses").
_CALL_BEFORE = re.compile(
    r"\b(?:call|dial|ring|phone|text|calling|dialling|dialing|ringing|texting)"
    r"(?:[^\S\n]+\w+)?(?:[^\S\n]+on)?[^\S\n]+$",
    re.IGNORECASE,
)
_CALL_WORDS = word_set("on call dial ring phone text calling dialling dialing ringing texting")
_NAMING_EXCEPTIONS = word_set(
    """about around roughly approximately nearly almost some over under more less fewer than
    least most up to as just only estimated circa between from and or by with for per the a an
    in on at of monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec""")
# "at 3.47", "until 18.30": hours and minutes with a dot, after a word that places a time.
_CLOCK_DIGITS = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
_AT_TIME_BEFORE = re.compile(r"\b(?:at|by|until|till|before|after|from)[^\S\n]+$")
# "half past six", "quarter to ten": a time of day.
_CLOCK_BEFORE = re.compile(r"\b(?:half|quarter|ten|five|twenty)[^\S\n]+(?:past|to)[^\S\n]+$",
                           re.IGNORECASE)
# "a third straight session", "a third-grade teacher": an ordinal, not a fraction.
_ORDINAL_USE_AFTER = re.compile(
    r"-[a-z]|[^\S\n]+(?!(?:of|more|less|fewer|as|than|in|on|at|to|from|since|and|or|but|by|"
    r"over|under|between|the|a|an|its|their|his|her|last|this|that|was|were|is|are|had|has|"
    r"have|will|would|said|says|higher|lower|"
    # measures a fraction can be of: "a quarter percentage point", "a half mile"
    r"percentage|percent|point|points|mile|miles|hour|century|million|billion|trillion|acre|"
    r"inch|pound|cup)\b)[a-z]"
)
# "2.2 times the risk", "three times as likely": a multiplier, its unit "times".
_TIMES_AFTER = re.compile(
    r"[^\S\n]+times(?=[^\S\n]+(?:the|as|more|less|higher|lower|greater|larger|bigger|smaller|"
    r"faster|slower|that|what|their|its|his|her)\b)",
    re.IGNORECASE,
)
# "8.7 per 100,000", "3 per 1,000 births": a rate.
_PER_AFTER = re.compile(
    r"[^\S\n]+per[^\S\n]+(?P<base>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f]\d{3})+|1\d*|"
    r"(?:a[^\S\n]+|one[^\S\n]+)?(?:hundred|thousand|million)(?:[^\S\n]+(?:thousand|million))?)"
    r"(?![\d,])"
)
# Money in minor units: "62 cents", "40p", "75 pence".
_MINOR_CURRENCY_AFTER = re.compile(r"[^\S\n]*(?P<unit>cents?|pence|p)\b(?!\.)")
# Basis points: a unit of interest rates and yields.
_BASIS_POINTS_AFTER = re.compile(r"[^\S\n]+basis[^\S\n]+points?\b|[^\S\n]?(?:bps|bp)\b",
                                 re.IGNORECASE)
# "P=0.004", "p < 0.05": a test statistic, not a figure anyone checks.
_STATISTIC_BEFORE = re.compile(r"\b[Pp][^\S\n]*[=<>≤≥][^\S\n]*$")
# Verbs that read like nouns after a number ("profits in 2024 rose"): no counted noun.
_PAST_VERBS = word_set(
    """rose fell grew sank hit led won lost saw took made paid cut set spent came went became
    began rang ran shot struck held left met sold bought kept brought""")


# Figures repeat a few values (years, small counts): one float object for each whole number up
# to 2100 keeps the figures of a long document smaller. Zero is left alone (0.0 and -0.0 are
# equal but print differently).
_WHOLE_NUMBERS: dict[float, float] = {}


def _shared(value: float | None) -> float | None:
    if type(value) is float and 0 < value <= 2100 and value.is_integer():
        return _WHOLE_NUMBERS.setdefault(value, value)
    return value


def find_figures(text: str, paragraphs: list[Paragraph] | tuple[Paragraph, ...]) -> list[Figure]:
    """All figures in document order; they never overlap one another."""
    matches = _in_order(_NUMERIC.finditer(text), _wordy_matches(text))
    figures: list[Figure] = []
    last_end = 0
    para_index = 0
    count = len(paragraphs)
    for match in matches:
        start = match.start()
        if start < last_end:
            continue
        while para_index < count and paragraphs[para_index].end <= start:
            para_index += 1
        if para_index >= count:
            break
        para = paragraphs[para_index]
        if start < para.start or match.end() > para.end:
            continue
        if start > 0 and match.lastgroup in ("digits", "ddate"):
            before = text[start - 1]
            if before.isalnum() or before in _NOT_BEFORE_DIGITS:
                continue
        if match.lastgroup == "digits" and (text[start] == "0" or text[start + 3:start + 4] in (
                "-", ".", ")")):
            phone = _PHONE.match(text, start, para.end)
            if phone is not None:
                last_end = phone.end()  # its later digit groups are no figures either
                continue
        found = _figure_at(text, match, para)
        if found is None:
            continue
        figures.extend(found)
        last_end = found[-1].end
    _link_worded_ranges(text, figures)
    return figures


def _in_order(first: Iterator[re.Match[str]], second: Iterator[re.Match[str]]
              ) -> Iterator[re.Match[str]]:
    """Two streams of matches merged by start (the first stream wins a tie)."""
    a = next(first, None)
    b = next(second, None)
    while a is not None and b is not None:
        if a.start() <= b.start():
            yield a
            a = next(first, None)
        else:
            yield b
            b = next(second, None)
    if a is not None:
        yield a
        yield from first
    if b is not None:
        yield b
        yield from second


def _wordy_matches(text: str) -> Iterator[re.Match[str]]:
    """``_WORDY.finditer(text)``, faster: a plain trie of the words a worded figure can start
    with finds the few places worth trying (``re`` tests a word boundary at every position,
    the trie lets it skip most of the text), and ``_WORDY`` is tried only there."""
    wordy = _WORDY.match
    pos = 0
    for start in _wordy_starts(text):
        if start < pos:
            continue
        match = wordy(text, start)
        if match is not None:
            pos = match.end()
            yield match


# ``_WORDY_START`` behind one ASCII non-word character: ``re`` jumps from gap to gap instead of
# trying the trie at every letter.
_WORDY_START_AFTER_GAP = re.compile(r"[^a-zA-Z0-9_](?P<word>" + _WORDY_START.pattern + ")")


def _wordy_starts(text: str) -> Iterator[int]:
    """Where the matches of ``_WORDY_START.finditer(text)`` that start a word begin.

    The words of ``_WORDY_START`` are letters, except "a third" and the like, and none ends in
    "a": the only match such a scan can step over a word start with is "a third" after a
    letter ("Sofia half of"), whose "half" the original scan never tried; neither does this."""
    trie = _WORDY_START.match
    search = _WORDY_START_AFTER_GAP.search
    first = trie(text)
    if first is not None:
        yield 0
    found = search(text, first.end() if first is not None else 0)
    while found is not None:
        start = found.start("word")
        end = found.end()
        before = text[start - 1]
        if before.isalnum():  # a non-ASCII letter or digit: not a word start
            found = search(text, end)
            continue
        if before in " \t-" and start >= 3 and text[start - 2] in "aA" and (
                text[start - 3].isalnum() or text[start - 3] == "_"):
            covering = trie(text, start - 2)
            if covering is not None:
                found = search(text, covering.end())
                continue
        yield start
        found = search(text, end)


def _figure_at(text: str, match: re.Match[str], para: Paragraph) -> list[Figure] | None:
    group = match.lastgroup
    if group in ("ddate", "wdate"):
        return [_date(match)]
    if group == "digits":
        return _digits(text, match, para)
    if group == "vague":
        return _vague(text, match, para)
    if group == "half":
        return _half(text, match, para)
    if group == "twice":
        # "scored twice", "twice a day", "almost twice the rate": two (or three) of something.
        if match.group(0)[:1].isupper() and not _at_sentence_start(text, match.start(),
                                                                    para.start):
            return None
        start, approximate = _with_qualifier(text, match.start(), para.start, "count")
        value = 2.0 if match.group(0).lower() == "twice" else 3.0
        return [Figure(start, match.end(), text[start:match.end()], "count", value, "times",
                       approximate)]
    if group == "fraction":
        value = read_fraction(match.group("fraction"))
        if value is None:
            return None
        phrase = match.group("fraction")
        if phrase[:1] in "aA" and not phrase.endswith("s") and _ORDINAL_USE_AFTER.match(
                text, match.end(), para.end):
            return None
        start, approximate = _with_qualifier(text, match.start(), para.start, "other")
        return [Figure(start, match.end(), text[start:match.end()], "other", value, None,
                       approximate)]
    return _words(text, match, para)


# -- digits ------------------------------------------------------------------------------------
def _digits(text: str, match: re.Match[str], para: Paragraph) -> list[Figure] | None:
    start, end = match.start(), match.end()
    raw = match.group(0)
    limit = para.end
    nxt = text[end] if end < limit else ""
    if nxt in ":/" and end + 1 < limit and text[end + 1].isdigit():
        if nxt == "/" and len(raw) == 4 and raw.isdigit() and _MIN_YEAR <= int(raw) <= _MAX_YEAR:
            span = _YEAR_SPAN_AFTER.match(text, end, limit)
            if span is not None and int(span.group(1)) == (int(raw) + 1) % 100:
                # "the 2024/25 season", "fiscal 2024/25": a span of two years.
                high = float(int(raw) + 1)
                return [Figure(start, span.end(), text[start:span.end()], "range", None, None,
                               False, float(raw), high)]
        return None  # a time of day, a score, 9/11, 24/7
    # The first character after any white space: most patterns below need a given one there.
    lead = end
    while lead < limit and text[lead] != "\n" and text[lead].isspace():
        lead += 1
    after = text[lead] if lead < limit else ""
    if after in _TIME_OF_DAY_INITIALS and _TIME_OF_DAY.match(text, end, limit):
        return None  # "3 p.m.": a time of day, not a quantity
    if "." in raw and len(raw) <= 5 and _CLOCK_DIGITS.fullmatch(raw) and _AT_TIME_BEFORE.search(
            text, max(para.start, start - 8), start) and (
            end >= limit or (not text[end].isalnum() and text[end] not in "%‰")) and \
            _counted_noun(text, end, limit) is None and not (
            _MEASURE_AFTER.match(text, end, limit) or _PERCENT_AFTER.match(text, end, limit)
            or _CURRENCY_AFTER.match(text, end, limit) or _SCALE_AFTER.match(text, end, limit)):
        return None  # "arrived at 3.47," "until 18.30": a British or European clock time
    if start > para.start and text[start - 1] == "-" and start >= 2 and text[start - 2].isalpha():
        word = re.search(r"(\w+)-$", text[max(para.start, start - 12):start])
        if word is None or word.group(1).lower() not in ("mid", "pre", "post", "early", "late"):
            return None  # F-16, Covid-19
    if _is_identifier(text, start, para.start) or (
            after.isupper() and _ADDRESS_AFTER.match(text, end, limit)):
        return None
    if nxt not in "-–%" and start - 2 >= para.start and text[start - 1] == " " and \
            text[start - 2].isalpha() and "." not in raw and "," not in raw:
        word_start = start - 2
        while word_start > para.start and word_start > start - 26 and \
                text[word_start - 1].isalpha():
            word_start -= 1
        word = text[word_start:start - 1]
        if word.lower() in _CALL_WORDS:
            if _CALL_BEFORE.search(text, max(para.start, start - 24), start) and _counted_noun(
                    text, end, limit) is None:
                return None
        elif word[0].isupper() and _named_by_word(text, word_start, word, para.start, end,
                                                  limit):
            return None
    if start - 1 >= para.start and text[start - 1] in "=<>≤≥ " and _STATISTIC_BEFORE.search(
            text, max(para.start, start - 6), start):
        return None
    if len(raw) > 24:
        return None  # a serial number or garbage, not a quantity (and no float would hold it)
    value = _number_value(raw)
    decade = False
    if nxt.isalpha():
        suffix = _SUFFIX_LETTERS.match(text, end, limit)
        token = suffix.group(0) if suffix else ""
        if token in ("st", "nd", "rd", "th"):
            return None
        if token in ("C", "F"):
            # "minus 20C": a temperature.
            sign_start, sign = _sign_before(text, start, para.start)
            return [Figure(sign_start, end + 1, text[sign_start:end + 1], "other",
                           sign * _number_value(raw), "°" + token)]
        if token == "s" and "," not in raw and "." not in raw and len(raw) in (2, 4):
            decade = True
            end += 1
        elif not (_SCALE_AFTER.match(text, end, limit)
                  or _MEASURE_AFTER.match(text, end, limit)
                  or _MINOR_CURRENCY_AFTER.match(text, end, limit)
                  or _BASIS_POINTS_AFTER.match(text, end, limit)):
            return None
    clipped = start > para.start and text[start - 1] in "'’" and len(raw) == 2 and "." not in raw
    if decade or clipped:
        # "the 1990s", "the ’70s", "the '87 flood": a decade or a year with its century cut.
        year = value if len(raw) == 4 else (1900 + value if value >= 30 else 2000 + value)
        if clipped:
            start -= 1
        return [Figure(start, end, text[start:end], "year", _shared(year), None, decade)]
    if value == 1 and raw == "1":
        ratio = _ONE_IN.match(text, end, limit)
        if ratio is not None:
            # "1 in 4 adults": a proportion.
            other = read_word_number(ratio.group("of"))
            denominator = other[0] if other else float(ratio.group("of"))
            return [Figure(start, ratio.end(), text[start:ratio.end()], "other",
                           1 / denominator if denominator else None)]
    currency, start = _currency_before(text, start, para.start)
    figure_end, value, unit, kind, scale_end = _extend_number(text, end, limit, value, currency)
    # A compact range: "10–30", "$5-6 million".
    range_match = _RANGE_AFTER.match(text, scale_end if kind != "money" or unit else end, limit)
    if range_match is None and kind == "percent" and figure_end > end:
        # "5.25%-5.5%": a range whose ends both carry the sign.
        range_match = _RANGE_AFTER.match(text, figure_end, limit)
    if range_match is not None:
        second_at = range_match.end()
        if second_at < limit and text[second_at] in _CURRENCY_SYMBOLS:
            second_at += 1
        second = _NUMERIC.match(text, second_at, limit)
        if second is not None and second.lastgroup == "digits":
            high_raw = second.group(0)
            high_value = _number_value(high_raw)
            h_end, h_value, h_unit, h_kind, _ = _extend_number(
                text, second.end(), limit, high_value, currency)
            low = value
            if h_value != high_value and value == _number_value(raw):
                low = value * (h_value / high_value) if high_value else value
            if (len(raw) == 4 and len(high_raw) == 2 and _MIN_YEAR <= value <= _MAX_YEAR
                    and h_end == second.end()):
                # "2024-25": a span of years written with the century cut.
                high_year = value // 100 * 100 + h_value
                if high_year > value:
                    return [Figure(start, h_end, text[start:h_end], "range", None, None, False,
                                   value, high_year)]
            if low >= h_value and h_kind != "year" and kind == "count" and h_kind == "count":
                # "The vote was 70-29": a tally, one figure with both numbers.
                return [Figure(start, h_end, text[start:h_end], "other", None, None, False,
                               low, h_value)]
            if low <= h_value or h_kind == "year":
                q_start, approximate = _with_qualifier(text, start, para.start, "range")
                unit = unit or h_unit or _counted_noun(text, h_end, limit)
                if h_kind == "year" and kind == "year":
                    unit = None
                return [Figure(q_start, h_end, text[q_start:h_end], "range", None, unit,
                               approximate, low, h_value)]
    if kind == "count":
        if value.is_integer() and _MIN_YEAR <= value <= _MAX_YEAR and "," not in raw and \
                "." not in raw and figure_end == end:
            noun = _counted_noun(text, figure_end, limit)
            if noun is None:
                kind = "year"
        if kind == "count" and unit is None:
            unit = _counted_noun(text, figure_end, limit)
    q_start, approximate = _with_qualifier(text, start, para.start, kind)
    return [Figure(q_start, figure_end, text[q_start:figure_end], kind, _shared(value), unit,
                   approximate)]


_DECIMAL_COMMA = re.compile(r"\d*,\d{1,2}")
_THOUSANDS = str.maketrans("", "", ",\u00a0\u2009\u202f")


def _number_value(raw: str) -> float:
    """The value of a digit string: "1,250" and "38 420" group thousands, "2,5" is 2.5."""
    if "," in raw:
        if _DECIMAL_COMMA.fullmatch(raw):
            return float(raw.replace(",", "."))
        return float(raw.replace(",", ""))
    if raw.isdigit() or "." in raw:
        return float(raw)
    return float(raw.translate(_THOUSANDS))


def _extend_number(text: str, end: int, limit: int, value: float,
                   currency: str | None) -> tuple[int, float, str | None, FigureKind, int]:
    """Grow a number right over scale and unit: (end, value, unit, kind, end_after_scale)."""
    scale = _SCALE_AFTER.match(text, end, limit)
    if scale is not None:
        word = (scale.group("word") or scale.group("abbr") or scale.group(0)).strip().lower()
        word = " ".join(word.split())
        if word in ("m", "b", "k") and currency is None:
            # "100m" alone is metres as often as millions: only money or a plural noun decides.
            noun = _counted_noun(text, scale.end(), limit)
            if noun is None or word != "m":
                scale = None
        if scale is not None:
            value *= _SCALES.get(word, 1)
            end = scale.end()
    scale_end = end
    if currency is not None:
        after = _CURRENCY_AFTER.match(text, end, limit)
        return (after.end() if after and after.group("code") == currency else end, value,
                currency, "money", scale_end)
    after = _CURRENCY_AFTER.match(text, end, limit)
    if after is not None:
        if after.group("code"):
            code = after.group("code")
        else:
            word = after.group("word").lower().split()[0].rstrip("s")
            if word in ("dollar",) and after.group("country"):
                code = _DOLLAR_COUNTRIES.get(re.sub(r"\s+", " ", after.group("country").lower()),
                                             "USD")
            else:
                code = _CURRENCY_WORDS.get(word, _CURRENCY_WORDS.get(word + "s", "USD"))
        return after.end(), value, code, "money", scale_end
    # Units are told apart by the letter they start with, so most numbers skip most patterns.
    lead = end + 1 if end < limit and text[end] in " \u00a0" else end
    initial = text[lead] if lead < limit else ""
    if initial in "cp":
        minor = _MINOR_CURRENCY_AFTER.match(text, end, limit)
        if minor is not None and (minor.group("unit") != "p" or minor.group(0) == "p"):
            code = "USD" if minor.group("unit").startswith("c") else "GBP"
            return minor.end(), value / 100, code, "money", scale_end
        rate = _PER_AFTER.match(text, end, limit)
        if rate is not None:
            return rate.end(), value, "per " + rate.group("base"), "other", scale_end
    elif initial in "bB":
        basis = _BASIS_POINTS_AFTER.match(text, end, limit)
        if basis is not None:
            return basis.end(), value, "basis points", "other", scale_end
    elif initial in "tT":
        times = _TIMES_AFTER.match(text, end, limit)
        if times is not None:
            return times.end(), value, "times", "other", scale_end
    percent = _PERCENT_AFTER.match(text, end, limit)
    if percent is not None:
        unit = "percentage points" if percent.group("points") else "%"
        return percent.end(), value, unit, "percent", scale_end
    time = _TIME_AFTER.match(text, end, limit)
    if time is not None:
        unit = _TIME_UNITS.get(time.group("unit").lower().rstrip("s"), time.group("unit"))
        if time.group("old"):
            return time.end(), value, "years old", "other", scale_end
        return time.end(), value, unit, "duration", scale_end
    measure = _MEASURE_AFTER.match(text, end, limit)
    if measure is not None:
        return measure.end(), value, measure.group("unit"), "other", scale_end
    compound = _COMPOUND_AFTER.match(text, end, limit)
    if compound is not None and compound.group("noun") not in ("state", "way", "sided", "time"):
        return compound.end(), value, compound.group("noun"), "count", scale_end
    return end, value, None, "count", scale_end


def _sign_before(text: str, start: int, floor: int) -> tuple[int, float]:
    """"minus 20", "−20": the start of the sign and -1; otherwise (start, 1)."""
    if start - 1 >= floor and text[start - 1] in "−-" and (
            start - 2 < floor or text[start - 2] in " \t(\u00a0"):
        return start - 1, -1.0
    if start - 6 >= floor and text[start - 6:start].lower() == "minus ":
        return start - 6, -1.0
    return start, 1.0


def _currency_before(text: str, start: int, floor: int) -> tuple[str | None, int]:
    if start <= floor:
        return None, start
    before = text[start - 1]
    if before not in _CURRENCY_SYMBOLS_FIRST and not (
            (before in " \u00a0" and start - 2 >= floor
             and (text[start - 2].isupper() or text[start - 2] in "s."))
            or before.isupper()):
        return None, start
    found = _CURRENCY_BEFORE.search(text, max(floor, start - 5), start)
    if found is None:
        return None, start
    if found.group("symbol"):
        return _CURRENCY_SYMBOLS.get(found.group("symbol"), "USD"), found.start()
    code = found.group("code")
    return ("INR" if code.startswith("Rs") else code), found.start()


def _with_qualifier(text: str, start: int, floor: int, kind: str) -> tuple[int, bool]:
    """Extend left over a qualifier ("about", "more than"): (new start, approximate)."""
    space = start - 1
    if space <= floor or text[space] not in " \t\u00a0\u202f":
        return start, False
    word_start = max(floor, text.rfind(" ", floor, space) + 1, text.rfind("\t", floor, space) + 1)
    if text[word_start:space].lower() not in _QUALIFIER_LAST_WORDS:
        return start, False  # the common case, decided without a regex search
    found = _QUALIFIER_BEFORE.search(text, max(floor, start - 24), start)
    if found is None:
        return start, False
    word = found.group("q").lower()
    # "waited over 12 hours" is more than 12 hours; "cut over three years" is during them.
    if word in ("over", "under") and kind in ("year", "duration", "date", "range") and (
            kind != "duration"
            or not _WAITING_BEFORE.search(text, max(floor, found.start() - 12), found.start())):
        return start, False
    if word.startswith("up") and _PHRASAL_UP.search(text, max(floor, found.start() - 16),
                                                    found.start()):
        return start, False
    return found.start(), True


def _is_identifier(text: str, start: int, floor: int) -> bool:
    """A number naming something rather than counting: "Article 5", "Windows 10", "G7"."""
    if start <= floor or text[start - 1] not in " \t\u00a0#":
        return False
    word_end = start - 1
    while word_end > floor and text[word_end - 1] in " \t\u00a0#":
        word_end -= 1
    word_start = word_end
    while word_start > floor and word_end - word_start < 20 and (
            text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    return text[word_start:word_end].lower() in _IDENTIFIER_WORDS


def _named_by_word(text: str, word_start: int, word: str, floor: int, end: int,
                   limit: int) -> bool:
    """A bare number right after a capitalised ``word`` names something: "Flat 12", "Lock 4",
    "Route 9", and after an all-capital word even with a noun: "the CAC 40 index", "STOXX 600".
    Not after a month, a weekday, a qualifier or a word opening the sentence."""
    if len(word) < 2 or word.lower() in _NAMING_EXCEPTIONS:
        return False
    if word.isupper() and word not in _CODES:
        return True
    if _at_sentence_start(text, word_start, floor) or (word_start > floor and \
            text[word_start - 1] not in " \t\u00a0"):
        return False
    return _counted_noun(text, end, limit) is None and not (
        _SCALE_AFTER.match(text, end, limit) or _MEASURE_AFTER.match(text, end, limit)
        or _TIME_AFTER.match(text, end, limit) or _CURRENCY_AFTER.match(text, end, limit))


def _counted_noun(text: str, end: int, limit: int) -> str | None:
    """The noun a count counts: "171 long-range drones" -> "drones"."""
    pos = end
    unit: str | None = None
    for _ in range(3):
        match = _WORD_AFTER.match(text, pos, limit)
        if match is None:
            break
        word = match.group(1)
        lowered = word.lower()
        if lowered in _STOP_WORDS or lowered in _NOT_NOUNS or lowered in _PAST_VERBS:
            break
        if word[:1].isupper():
            if lowered.endswith("s") and not lowered.endswith("ss"):
                return word  # "22 Republicans"
            pos = match.end()
            continue  # "132 Ukrainian drones"
        if lowered.endswith(("ed", "ing", "ly")) and lowered not in ("seed", "bed", "ring"):
            break
        unit = sys.intern(lowered.strip("’'-"))
        pos = match.end()
        if lowered.endswith("s") or lowered in ("people", "police", "staff", "children",
                                                  "personnel", "men", "women", "cattle"):
            break
    return unit or None


# -- words -------------------------------------------------------------------------------------
def _words(text: str, match: re.Match[str], para: Paragraph) -> list[Figure] | None:
    phrase = match.group("words")
    read = read_word_number(phrase)
    if read is None:
        return None
    value, consumed = read
    start = match.start()
    end = start + consumed
    limit = para.end
    words = phrase[:consumed].lower().split()
    first = phrase[:1]
    if first.isupper() and not _at_sentence_start(text, start, para.start):
        return None  # "Formula One", "Group of Seven"
    if _CLOCK_BEFORE.search(text, max(para.start, start - 16), start):
        return None
    if len(words) == 1 and (_COMPOUND_IDIOM_AFTER.match(text, end, limit) or (
            words[0] in ("one", "zero") and _IDIOM_AFTER.match(text, end, limit))):
        return None  # "two-state", "one another", "one thing for certain"
    if words[0] in ("one", "zero") and len(re.split(r"[\s-]+", phrase[:consumed])) == 1:
        if _IDIOM_BEFORE.search(text, max(para.start, start - 16), start):
            return None
        if not (
            _ONE_CONTEXT_BEFORE.search(text, max(para.start, start - 16), start)
            or _one_counted_person(text, end, limit)
            or _ONE_IN.match(text, end, limit)
            or _TIME_AFTER.match(text, end, limit)
            or _SCALE_AFTER.match(text, end, limit)
            or _PERCENT_AFTER.match(text, end, limit)
            or _CURRENCY_AFTER.match(text, end, limit)
        ):
            return None
    ratio = _ONE_IN.match(text, end, limit) if value == 1 else None
    if ratio is not None:
        # "one in five": a proportion, not a count of one.
        other = read_word_number(ratio.group("of"))
        denominator = other[0] if other else float(ratio.group("of"))
        q_start, approximate = _with_qualifier(text, start, para.start, "other")
        return [Figure(q_start, ratio.end(), text[q_start:ratio.end()], "other",
                       1 / denominator if denominator else None, None, approximate)]
    first_word = re.split(r"[\s-]+", phrase[:consumed].lower())[0]
    if first_word in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
        article = _ARTICLE_BEFORE.search(text, max(para.start, start - 8), start)
        if article is None:
            return None
        if article.group("a").lower().startswith("half"):
            value /= 2
        start = article.start()
    currency, _ = None, start
    figure_end, value, unit, kind, _ = _extend_number(text, end, limit, value, currency)
    if kind == "count":
        unit = _counted_noun(text, figure_end, limit)
    q_start, approximate = _with_qualifier(text, start, para.start, kind)
    return [Figure(q_start, figure_end, text[q_start:figure_end], kind, _shared(value), unit,
                   approximate)]


def _one_counted_person(text: str, end: int, limit: int) -> bool:
    """"One soldier was killed" counts; "One resident, Halyna Orel, said" introduces someone."""
    person = _ONE_PERSON.match(text, end, limit)
    return person is not None and not _NAMED_AFTER.match(text, person.end(), limit)


def _half(text: str, match: re.Match[str], para: Paragraph) -> list[Figure] | None:
    """"nearly half of voters", "half the bands"; not "the second half of the year"."""
    start = match.start()
    before = _WORD_BEFORE_HALF.search(text, max(para.start, start - 16), start)
    if before is not None and before.group(1).lower() in _NOT_BEFORE_HALF:
        return None
    q_start, approximate = _with_qualifier(text, start, para.start, "other")
    return [Figure(q_start, match.end(), text[q_start:match.end()], "other", 0.5, None,
                   approximate)]


def _vague(text: str, match: re.Match[str], para: Paragraph) -> list[Figure] | None:
    phrase = match.group("vague")
    value = read_vague(phrase)
    if value is None:
        return None
    start, end, limit = match.start(), match.end(), para.end
    if phrase[:1].isupper() and not _at_sentence_start(text, start, para.start):
        return None
    unit: str | None = None
    kind: FigureKind = "count"
    of_noun = re.compile(r"[^\S\n]+of[^\S\n]+(?:[\w’'-]+[^\S\n]+){0,2}?([a-z]+s|people|children)\b")
    after = of_noun.match(text, end, limit)
    if after is not None:
        noun = after.group(1).lower()
        code = _CURRENCY_WORDS.get(noun.rstrip("s"))
        if code is not None:
            unit, kind = code, "money"
        elif noun.rstrip("s") in _TIME_UNITS:
            unit, kind = _TIME_UNITS[noun.rstrip("s")], "duration"
        else:
            unit = noun
    q_start, _ = _with_qualifier(text, start, para.start, kind)
    return [Figure(q_start, end, text[q_start:end], kind, value, unit, True)]


def _date(match: re.Match[str]) -> Figure:
    raw = match.group(0)
    start, end = match.start(), match.end()
    year = re.search(r"\b(\d{4})\b", raw)
    month = None
    for word in re.findall(r"[A-Za-z]+", raw):
        month = _MONTHS.get(word.lower())
        if month:
            break
    iso_match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", raw)
    if iso_match:
        iso = raw
        value: float | None = float(iso_match.group(1))
    else:
        without_year = raw.replace(year.group(1), "") if year else raw
        day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", without_year)
        y = year.group(1) if year else "-"
        d = f"-{int(day.group(1)):02d}" if day else ""
        iso = f"{y}-{month or 0:02d}{d}"
        value = float(year.group(1)) if year else None
    return Figure(start, end, raw, "date", _shared(value), None, False, date=iso)


def _at_sentence_start(text: str, start: int, floor: int) -> bool:
    pos = start - 1
    while pos >= floor and text[pos] in " \t\u00a0":
        pos -= 1
    return pos < floor or text[pos] in _SENTENCE_START_CHARS


def _link_worded_ranges(text: str, figures: list[Figure]) -> None:
    """"between 10,000 and 30,000", "from 5 to 10", "10 to 15": set low/high on both ends."""
    for i in range(len(figures) - 1):
        low, high = figures[i], figures[i + 1]
        if high.start - low.end > 6 or low.value is None or high.value is None \
                or low.kind != high.kind:
            continue
        between = text[low.end:high.start]
        if between.strip() not in ("and", "to"):
            continue
        lead = text[max(0, low.start - 9):low.start].lower()
        if between.strip() == "and" and not lead.endswith("between "):
            continue
        if low.value > high.value:
            continue
        unit = low.unit or high.unit
        figures[i] = _with_range(low, low.value, high.value, unit)
        figures[i + 1] = _with_range(high, low.value, high.value, unit)


def _with_range(figure: Figure, low: float, high: float, unit: str | None) -> Figure:
    return Figure(figure.start, figure.end, figure.text, figure.kind, figure.value, unit,
                  figure.approximate, low, high, figure.date)
