"""Figures: counts, money, percentages, measures, years, periods, dates, durations, ages,
changes and ranges, in digits or words.

One compiled pattern finds the core of each figure (digits, a date, number words, a vague
plural, a fraction); the span then grows left over a sign, a currency and a qualifier
("about", "more than", "up to") and right over a scale ("billion", "3bn", "$13.6M"), a
currency ("euros", "115USD", "15€"), "%"/"percent"/"pc", a time unit ("three years",
"30-day") or a unit of measure ("256GB", "100km/hr", "3 yards", see ``units``).

What a figure's fields hold:
- ``value`` is the number as written, sign kept ("FTSE -0.6%" is -0.6) and its scale word
  applied ("$13.6M" is 13,600,000; "4 hundred" is 400; "1e10" is 10,000,000,000). A minor
  currency unit stays as written: "19 cents" is 19 with the unit "cent", and ``normalised``
  gives (0.19, "USD"). "plus or minus 3" is a margin of 3, not -3. A letter unit is the
  number's unit, not a scale, unless it is one ("5G" is 5 with the unit "G"; "$2.174T" is
  2,174,000,000,000; "32K" without money stays 32). ``unit`` is an ISO currency code, "%", a
  time or measure unit, or the counted noun ("171 long-range drones" -> drones).
- Kinds beyond count, money and percent: "year" ("in 2023", "a 2023 traffic count"), "period"
  (a season or fiscal year: "2021-22", "2024/25", one period with low/high and no value),
  "date", "duration" ("three years"), "age" ("Kwame Asante, 24", "a 24-year-old", value in
  years), "change" ("doubled", "halved", "a threefold rise": the factor, unit "times"), "range"
  and "other" (measures, proportions, tallies).
- Vague plurals ("dozens", "hundreds of thousands") are approximate and have no value: the
  text says many, not 12 or 100.

Ranges: "10–30", "$5-6 million", "between 10,000 and 30,000", "from 5 to 10", "50 to 80%",
"-18 °C to -34 °C" and "8- to 16-meter" are each ONE figure of kind "range": ``low`` and
``high`` are the ends as written (low <= high), and ``value`` is their midpoint, a derived
number for data consumers (scorers, sorting; extract's JSON marks it "derived"), never shown
on its own: ``extract --format text`` and the window show "10,000–30,000" (see
``figure_text``), and reports quote the claim's own words. A range of years ("from 2016 to
2022") has no midpoint. "from X to Y" after a verb of change ("rose from 5% to 7%") or going
down ("shrank from 12 to 8") is two figures, the before and the after, not a range; so is a
worded tally ("voted 61 to 38"; "70-29" is one "other" figure with both numbers).

Not figures: "one" unless it is clearly counted ("one year", "one million", "only one"), idioms
("one another", "one thing for certain", "a couple of"), number words in names ("Formula One"),
identifiers ("F-16", "Covid-19", "Article 5", "G7"), ordinals ("twenty-first"), times of day,
telephone numbers, IP addresses and version numbers ("192.168.1.2"), and bylines' and
datelines' dates never make a claim (see ``datelines``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import NamedTuple

from reader.analysis import currencies
from reader.analysis.model import Figure, FigureKind
from reader.analysis.numbers_in_words import (
    FRACTION,
    FRACTION_STARTS,
    SCALES,
    TENS,
    UNITS,
    VAGUE_NUMBER,
    WORD_NUMBER,
    read_fraction,
    read_number_words,
    read_vague,
    read_word_number,
)
from reader.analysis.paragraphs import Paragraph
from reader.analysis.pattern_cache import regex
from reader.analysis.units import INCHES_AFTER, UNIT_AFTER, UNIT_FIRST_WORDS, unit_name
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
# numbers and dates that start with a digit, and words (month names, number words); a third
# finds the rare vulgar fractions ("½ teaspoon").
# "[^\S\n]" is white space within a line, no-break spaces included ("3\u00a0billion").
# The first digit is matched by a plain class outside any group, so that ``re`` can jump from
# digit to digit; the named groups tell the kinds apart (``match.group(0)`` is the whole text).
_NUMERIC = regex(
    rf"[0-9](?:(?P<ddate>\d?(?:st|nd|rd|th)?[^\S\n]+(?:of[^\S\n]+)?{_MONTH}(?:,?[^\S\n]+\d{{4}}\b)?"
    r"|\d{3}-\d{2}-\d{2}\b)"
    # "12,34,567.89": Indian grouping (lakhs and crores).
    r"|(?P<digits>\d?(?:,\d\d)+,\d{3}(?:\.\d+)?(?![\d,])"
    r"|\d{0,2}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)"
    # "1.234.567", "1.111,11": dots group thousands in continental copy.
    r"|\d{0,2}(?:\.\d{3})+,\d+(?!\d|,\d)|\d{0,2}(?:\.\d{3}){2,}(?!\d|\.\d)"
    # "38 420" with a no-break or thin space between thousands, as French and Swiss copy writes
    # it; with a plain space only where the grouping cannot be two numbers ("1 234 567",
    # "40 000", not "5 100").
    r"|\d{0,2}(?:[\u00a0\u2009\u202f]\d{3})+(?!\d)"
    r"|\d{0,2}(?: \d{3}){2,}(?![\d,.]?\d)|\d{1,2} \d{3}(?![\d,.]?\d)"
    # "2,5 %", "412,6 million": a decimal comma (one or two digits after it are never thousands).
    r"|(?<!\d,\d)\d*,\d{1,2}(?![\d,])"
    # "1.3e6", "-12e-1": scientific notation.
    r"|\d*(?:\.\d+)?(?:[eE][-+]?\d{1,3}(?![\w.]))?))"
)


def _no_boundary(pattern: str) -> str:
    return pattern[2:] if pattern.startswith(r"\b") else pattern


# Verbs of change by a factor ("doubles" and "triples" are also nouns: "the men's doubles").
_CHANGE_WORDS = {
    "doubled": 2.0, "doubling": 2.0, "halved": 0.5, "halving": 0.5, "tripled": 3.0,
    "tripling": 3.0, "trebled": 3.0, "trebling": 3.0, "quadrupled": 4.0, "quadrupling": 4.0,
}
_FOLD_WORDS = {**{w: float(v) for w, v in UNITS.items() if v >= 2},
               **{w: float(v) for w, v in TENS.items()}, "hundred": 100.0, "thousand": 1e3}
# "a year and a half", "an hour and a half": one and a half of a unit.
_AND_A_HALF_UNITS = ["year", "month", "week", "day", "hour", "minute", "decade", "century",
                     "mile", "million", "billion", "dozen"]
_WORDY = regex(
    # One word-boundary test shared by every alternative, and only before a letter that can
    # start a month or a number word.
    r"\b(?=[abdefhjmnoqstzABDEFHJMNOQSTZ])(?:"
    rf"(?P<wdate>{_no_boundary(_MONTH_BEFORE_DAY)}[^\S\n]+\d{{1,2}}(?:st|nd|rd|th)?"
    r"(?:[-–]\d{1,2}(?:st|nd|rd|th)?)?\b(?:,?[^\S\n]+\d{4}\b)?"
    rf"|{_no_boundary(_MONTH)}[^\S\n]+\d{{4}}\b)"
    rf"|(?P<andhalf>[Aa]n?[ \t]+{trie_pattern(_AND_A_HALF_UNITS)}[ \t]+and[ \t]+a[ \t]+half)\b"
    rf"|(?P<vague>{_no_boundary(VAGUE_NUMBER)})|(?P<fraction>{_no_boundary(FRACTION)})"
    rf"|(?P<fold>{trie_pattern(_FOLD_WORDS, fold_first=True)}-?fold)\b"
    rf"|(?P<words>{_no_boundary(WORD_NUMBER)})"
    r"|(?P<halfscale>(?:[Hh]alf|[Qq]uarter)[ \t-]+(?:thousand|million|billion|trillion))\b"
    r"|(?P<half>[Hh]alf)(?=[^\S\n]+(?:of|the|a|an|its|their|his|her|all|our|them)\b)"
    rf"|(?P<change>{trie_pattern(_CHANGE_WORDS, fold_first=True)})\b"
    r"(?!(?:[^\S\n]|-)+(?:down|up|as|back|over)\b)"
    r"|(?P<twice>[Tt]wice|[Tt]hrice)\b"
    # "a penny on income tax", "a baker's dozen": one penny, thirteen.
    r"|(?P<apenny>[Aa][ \t]+(?:penny|cent))\b|(?P<bakers>[Aa][ \t]+baker[’']s[ \t]+dozen)\b)"
)
_NOT_BEFORE_DIGITS = frozenset(".,/:_")
_LIST_ITEM = regex(r"(?P<digits>\d+)")
_START_WORDS = [*UNITS, *TENS, *SCALES, "dozen", "dozens", "scores", "hundreds", "thousands",
                "millions", "billions", "tens", "half", "quarter", "twice", "thrice",
                "doubl", "halv", "tripl", "trebl", "quadrupl"]
# Every word ``_WORDY`` can start with, each case and separator spelt out, so that the pattern
# is one trie of plain letters, which ``re`` turns into a fast first-character scan.
_WORDY_START = regex(trie_pattern([
    *_MONTHS_WRITTEN, *_START_WORDS, *(w.capitalize() for w in _START_WORDS),
    *FRACTION_STARTS,
    *(f"{a}{unit} and a half" for a in ("a ", "A ", "an ", "An ") for unit in _AND_A_HALF_UNITS),
    *(f"{a} {word}" for a in "aA" for word in ("penny", "cent", "baker's", "baker’s")),
]))
_VULGAR_FRACTIONS = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}
_VULGAR = regex("[" + "".join(_VULGAR_FRACTIONS) + "]")

_SCALES = {
    "lakh": 1e5, "crore": 1e7, "lakh crore": 1e12, "hundred": 100.0, "dozen": 12.0,
    "dozens": 12.0, "doz": 12.0, "dozs": 12.0, "dz": 12.0, "dzs": 12.0, "thousand": 1e3,
    "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "MM": 1e6, "mn": 1e6, "Mn": 1e6, "mln": 1e6,
    "mil": 1e6, "mio": 1e6, "b": 1e9, "B": 1e9, "bn": 1e9, "Bn": 1e9, "BN": 1e9, "bln": 1e9,
    "bil": 1e9, "T": 1e12, "tn": 1e12, "trn": 1e12, "tln": 1e12,
}
_SCALE_AFTER = regex(
    r"(?:[^\S\n]+|-)(?P<word>hundred|thousand|million|billion|trillion|lakh[^\S\n]+crore|lakh|"
    r"crore|dozens?|doz|dozs|dzs?)\b"
    r"|(?P<abbr>[^\S\n]?(?:bn|Bn|BN|mn|Mn|mln|bln|tln|tn|trn)\b|(?:mil|mio|MM|bil|m|b|k|K|M|B|T)\b)"
)
# Written against the number, only with a currency: "$2.174T", "€10B".
# "32K" alone may be kelvins or a memory size: only money makes it thousands.
_SCALES_WITH_CURRENCY_ONLY = frozenset({"B", "T", "K"})
# "4 thousand 3 hundred", "3 hundred and 21", "3 million and a half": a number in two parts.
_SCALE_PART_AFTER = regex(
    r"[^\S\n]+(?P<n>\d{1,3})[^\S\n]+(?P<scale>hundred|thousand|million)\b"
    r"|[^\S\n]+and[^\S\n]+(?P<rest>\d{1,2})(?![\d.,]|[^\S\n]*(?:hundred|thousand|million|billion)\b)"
    r"|[^\S\n]+and[^\S\n]+(?:a|one)[^\S\n]+(?P<frac>half|quarter)\b"
)
_PERCENT_AFTER = regex(
    r"(?P<points>[^\S\n]+percentage[^\S\n]+points?\b)|[^\S\n]?(?:%|per[^\S\n]?cent\b|percent\b|"
    r"pct\b)|pc\b",
    re.IGNORECASE,
)
_TIME_UNITS = {
    "year": "years", "month": "months", "week": "weeks", "day": "days", "hour": "hours",
    "minute": "minutes", "second": "seconds", "decade": "decades", "century": "centuries",
    "centurie": "centuries", "night": "nights",
}
_TIME_AFTER = regex(
    r"(?P<sep>[^\S\n]+|-)(?P<unit>years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|"
    r"century|centuries|nights?)(?P<old>-old|[^\S\n]+old)?\b"
)
_COMPOUND_AFTER = regex(r"-(?P<noun>[a-z]{3,})\b(?!-)")
_FOLD_AFTER = regex(r"-?fold\b", re.IGNORECASE)
_RANGE_AFTER = regex(r"(?:[^\S\n]?[-–—][^\S\n]?|[^\S\n]*–[^\S\n]*)(?=[$£€¥₴₽₹\d])")
# "1.3x10^6", "2.48×10−5", "5.5x10-3", "8x2^10", "1.1^23": powers.
_POWER_AFTER = regex(
    r"[^\S\n]?[x×*][^\S\n]?(?P<base>\d{1,3})(?:\^|\*\*)(?P<exp>[-+−]*\d{1,3})(?![\d.])"
    r"|[^\S\n]?[x×][^\S\n]?10(?P<exp2>[-−]\d{1,3})(?![\d.])"
    r"|\^(?P<exp3>[-+−]*\d{1,3})(?![\d.])"
)
# "3/4", "1/40 of", "2 1/4": a fraction in digits, over a denominator fractions are written in
# (so "9/11" and "24/7" stay names).
_DIGIT_FRACTION = regex(r"(?P<a>\d{1,2})/(?P<b>\d{1,3})(?![\d/])")
_MIXED_FRACTION_AFTER = regex(r"[^\S\n](?P<a>\d{1,2})/(?P<b>\d{1,3})(?![\d/])")
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 40, 50, 64, 100})
# Fractions common enough to stand alone ("3/4"); others need what they are a fraction of.
_PLAIN_DENOMINATORS = frozenset({2, 3, 4, 5, 8})
# "5/17/2018", "17/5/2018": a date with its year.
_SLASHED_DATE = regex(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")
# A fraction in digits is one only before what it is a fraction of: "1/40 of the wavelength",
# "1/4 mile", "2/3 cup"; alone, "5/12" and "1/3" are dates and page numbers.
_FRACTION_OF_AFTER = regex(
    r"[^\S\n]+of\b|(?=[^\S\n]*(?:[a-zA-Zµ°%]|-[a-z]))(?:" + UNIT_AFTER.pattern
    + r"|[^\S\n]+(?:cup|cups|inch|inches|mile|miles|teaspoon|tablespoon|pound|ounce)\b)")
_DATE_BEFORE = regex(r"\b(?:on|since|until|till|by|from|dated?)[^\S\n]+$", re.IGNORECASE)
# "+1-222-2222", "+44 20 7946 0958": an international telephone number.
_PLUS_PHONE = regex(r"\d{1,3}(?:[-. ]\(?\d{2,5}\)?){2,}")
# "192.168.1.2", "v1.2.3", "14.06.2025": a dotted identifier, not a number.
_DOTTED_AFTER = regex(r"(?:\.\d+)+")
_SIGN_WORD_BEFORE = regex(r"\b(?:minus|negative)[^\S\n]+$", re.IGNORECASE)
_SIGN_CONTEXT = frozenset(" \t\u00a0([:=$£€¥")
# "plus or minus 3.4 percentage points", "+/-3", "±2": a margin, not a negative number.
_MARGIN_BEFORE = regex(r"(?:\bplus[^\S\n]+or[^\S\n]+|\+/?|±)$", re.IGNORECASE)
# "Kwame Asante, 24," and "Ann Lee (31)": an age after a name.
_AGE_NAME_BEFORE = regex(r"\b(?P<name>[A-Z][\w’'-]+)(?:,[^\S\n]|[^\S\n]\()$")
_AGE_END_AFTER = regex(r"(?:,|;|\.(?!\d)|\)|[^\S\n]*$|[^\S\n]+(?:and|who|from|of)\b)",
                            re.MULTILINE)
_AGED_BEFORE = regex(r"\b(?:aged|age|ages)[^\S\n]+$", re.IGNORECASE)
_METRES_AFTER = regex(r"m(?![\w/²³])")
# "In 2023 police said": a year; "2000 people": a count.
_YEAR_CONTEXT_BEFORE = regex(
    r"\b(?:in|since|until|till|during|by|from|of|before|after)[^\S\n]+$", re.IGNORECASE)
_PEOPLE_NOUNS = word_set("people police staff children personnel men women cattle")
_QUALIFIER_BEFORE = regex(
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
_PHRASAL_UP = regex(
    r"\b(?:clear|clears|cleared|add|adds|added|ramp|ramped|step|stepped|scale|scaled|sum|summed|"
    r"end|ended|ends|open|opened|free|freed|set|sets|make|makes|made|build|built|shore|"
    r"pick|picked|speed|sped|beef|beefed|drum|drummed|wind|wound|line|lined|move|moved|"
    r"go|goes|went|gone|jump|jumped|shoot|shot|climb|climbed)[^\S\n]+$",
    re.IGNORECASE,
)
_WAITING_BEFORE = regex(
    r"\b(?:for|wait|waits|waited|waiting|last|lasts|lasted|lasting|took|take|takes|taking|"
    r"spent|spend|spends|spending|after|remained|stayed|held|lasted)[^\S\n]+$",
    re.IGNORECASE,
)
_ARTICLE_BEFORE = regex(r"\b(?P<a>a|an|half[^\S\n]+a)[^\S\n]+$", re.IGNORECASE)
_ONE_CONTEXT_BEFORE = regex(
    r"\b(?:only|just|at[^\S\n]+least|more[^\S\n]+than|fewer[^\S\n]+than|less[^\S\n]+than|about|nearly|"
    r"almost|exactly|killing|killed|injuring|injured|wounding)[^\S\n]+$",
    re.IGNORECASE,
)
# "One soldier was killed": one person counted, as in casualty reports.
_ONE_PERSON = regex(
    r"[^\S\n]+(?:[a-z]+[^\S\n]+)?(?:person|man|woman|child|boy|girl|soldier|civilian|officer|"
    r"policeman|resident|worker|journalist|patient|student|firefighter|passenger|migrant|"
    r"prisoner|hostage|baby|teenager|pilot|doctor|nurse|guard|driver|victim)\b"
)
_NAMED_AFTER = regex(r",[^\S\n]*[A-Z]")
# "one count of wire fraud", "one charge of assault": one of the charges a court counts.
_ONE_CHARGE = regex(r"[^\S\n]+(?:count|charge|conviction)[^\S\n]+of\b", re.IGNORECASE)
# "one in five", "nine out of 10 adults", "two out of five hundred": a proportion.
_RATIO_AFTER = regex(
    r"[^\S\n]+(?:in|out[^\S\n]+of)[^\S\n]+(?:every[^\S\n]+)?"
    rf"(?P<of>[1-9]\d{{0,2}}(?:,\d{{3}})+(?![\d,])|[1-9]\d*(?![\d,.])|{WORD_NUMBER})",
    re.IGNORECASE,
)
_IDENTIFIER_WORDS = word_set(
    """no no. nos number article section chapter page pages room gate platform line route highway
    flight resolution title level category phase stage grade class round game episode season
    version windows apollo vision agenda formula proposition amendment psalm interstate unit
    block building apartment suite box code model type mark mk vol volume issue exhibit track
    terminal paragraph clause item step act part figure table appendix annex iphone galaxy
    pixel covid su mig kh tu an il ka mi boeing airbus""")
_AIRCRAFT_PREFIXES = word_set("su mig kh tu an il ka mi")
_IDIOM_AFTER = regex(
    r"[^\S\n]*(?:another\b|-(?:state|way|sided|off|on-one|faced|time)\b|[^\S\n]+(?:thing|day|way|side|"
    r"hand|of[^\S\n]+(?:the|a|an|his|her|its|their|our|them|those|these|us|you)\b|or[^\S\n]+two\b|"
    r"or[^\S\n]+another\b|by[^\S\n]+one\b|point\b|time\b|reason\b|more\b|last\b|such\b|"
    r"at[^\S\n]+a[^\S\n]+time\b))",
    re.IGNORECASE,
)
_COMPOUND_IDIOM_AFTER = regex(r"-(?:state|way|sided|faced|fold)\b", re.IGNORECASE)
_ZERO_WORDS = frozenset({"zero", "nought", "naught"})
_ZERO_IDIOM_AFTER = regex(r"-[a-z]|[^\S\n]+(?:in[^\S\n]+on|out)\b", re.IGNORECASE)
_NOTHING_BEFORE = regex(r"\b(?:for|to|ground)[^\S\n]+$", re.IGNORECASE)
_IDIOM_BEFORE = regex(
    r"\b(?:no|every|any|some|the|this|that|which|each|a[^\S\n]+thing[^\S\n]+or|one[^\S\n]+or|"
    r"number|no[^\S\n]+one|square)[^\S\n]+$",
    re.IGNORECASE,
)
_WORD_BEFORE_HALF = regex(r"(\w+)[^\S\n]+$")
_NOT_BEFORE_HALF = word_set("the first second other latter a and one this that")
# "1200 North Grand Avenue": a street number.
_ADDRESS_AFTER = regex(
    r"(?:[^\S\n]+[A-Z][\w.]*){1,3}[^\S\n]+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|"
    r"Lane|Drive|Dr\.|Place|Square|Way|Court|Terrace|Highway)\b"
)
_TIME_OF_DAY = regex(
    r"[^\S\n]?(?:[ap]\.m\.|[ap]m\b|o’clock|o'clock|GMT\b|UTC\b|BST\b|CET\b|EST\b|EDT\b|"
    r"PST\b|PDT\b|ET\b|local[^\S\n]+time)"
)
_TIME_OF_DAY_INITIALS = frozenset("apoGUBCEPl")
_SUFFIX_LETTERS = regex(r"(?:st|nd|rd|th)\b|s\b|[a-zA-Z]")
_WORD_AFTER = regex(r"[^\S\n]+([\w’'-]+)")
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
_YEAR_SPAN_AFTER = regex(r"/(\d\d)(?![\d/])")
# Telephone numbers: a trunk prefix ("0800 555 111", "01632 960482") or a North American
# "(206) 555-0147" / "206-555-0147". A quantity is never written with a leading zero.
_PHONE = regex(
    r"0\d+(?:[^\S\n]\d{2,})*"
    r"|\d{3}[-.]\d{3}[-.]\d{4}\b"
    r"|\d{3}\)[^\S\n]?\d{3}-\d{4}\b"
)
# "call 101", "ring 999", "dial 112 or": a number to call is no quantity (unless it counts
# something: "call 12 witnesses").
_CALL_BEFORE = regex(
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
_CLOCK_DIGITS = regex(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
_AT_TIME_BEFORE = regex(r"\b(?:at|by|until|till|before|after|from)[^\S\n]+$")
# "half past six", "quarter to ten": a time of day.
_CLOCK_BEFORE = regex(r"\b(?:half|quarter|ten|five|twenty)[^\S\n]+(?:past|to)[^\S\n]+$",
                           re.IGNORECASE)
# "a third straight session", "a third-grade teacher": an ordinal, not a fraction.
_ORDINAL_USE_AFTER = regex(
    r"-[a-z]|[^\S\n]+(?!(?:of|more|less|fewer|as|than|in|on|at|to|from|since|and|or|but|by|"
    r"over|under|between|the|a|an|its|their|his|her|last|this|that|was|were|is|are|had|has|"
    r"have|will|would|said|says|higher|lower|"
    # measures a fraction can be of: "a quarter percentage point", "a half mile"
    r"percentage|percent|point|points|mile|miles|hour|century|million|billion|trillion|acre|"
    r"inch|pound|cup)\b)[a-z]"
)
# "2.2 times the risk", "three times as likely": a multiplier, its unit "times".
_TIMES_AFTER = regex(
    r"[^\S\n]+times(?=[^\S\n]+(?:the|as|more|less|higher|lower|greater|larger|bigger|smaller|"
    r"faster|slower|that|what|their|its|his|her)\b)",
    re.IGNORECASE,
)
# "8.7 per 100,000", "3 per 1,000 births": a rate.
_PER_AFTER = regex(
    r"[^\S\n]+per[^\S\n]+(?P<base>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f]\d{3})+|1\d*|"
    r"(?:a[^\S\n]+|one[^\S\n]+)?(?:hundred|thousand|million)(?:[^\S\n]+(?:thousand|million))?)"
    r"(?![\d,])"
)
# Basis points: a unit of interest rates and yields.
_BASIS_POINTS_AFTER = regex(r"[^\S\n]+basis[^\S\n]+points?\b|[^\S\n]?(?:bps|bp)\b",
                                 re.IGNORECASE)
# "P=0.004", "p < 0.05": a test statistic, not a figure anyone checks.
_STATISTIC_BEFORE = regex(r"\b[Pp][^\S\n]*[=<>≤≥][^\S\n]*$")
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
    if any(char in text for char in _VULGAR_FRACTIONS):
        matches = _in_order(matches, _VULGAR.finditer(text))
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
        group = match.lastgroup
        leading_dot = False
        if start > 0 and group in ("digits", "ddate"):
            before = text[start - 1]
            if before.isalnum():
                if not (before.isupper() and group == "digits"
                        and currencies.currency_before(text, start, para.start)[0]):
                    continue  # "F16", "A4"; but "USD115", "INR1 trillion"
            elif before in _NOT_BEFORE_DIGITS:
                if before == "," and group == "digits" and start - 1 == last_end and \
                        figures and figures[-1].end == last_end and figures[-1].kind == "count":
                    # "exercises 22,24,26,31": a list, each number its own figure ("26,31" is
                    # no decimal here).
                    match = _LIST_ITEM.match(text, start) or match
                # ".500", ".001 per cent": a decimal written without its leading zero.
                elif not (before == "." and group == "digits" and match.group(0).isdigit()
                          and (start - 1 <= para.start or text[start - 2] in " \t\u00a0(-−$£€")):
                    continue
                else:
                    leading_dot = True
            elif before == "+" and group == "digits":
                phone = _PLUS_PHONE.match(text, start, para.end)
                if phone is not None:
                    last_end = phone.end()
                    continue
        if group == "digits" and not leading_dot and (
                text[start] == "0" or text[start + 3:start + 4] in ("-", ".", ")")):
            phone = _PHONE.match(text, start, para.end)
            if phone is not None:
                last_end = phone.end()  # its later digit groups are no figures either
                continue
        if group == "digits" and match.end() < para.end and text[match.end()] == "." and \
                "," not in match.group(0):
            dotted = _DOTTED_AFTER.match(text, match.end(), para.end)
            if dotted is not None and (
                    "." in match.group(0) or dotted.group(0).count(".") > 1):
                last_end = dotted.end()  # "192.168.1.2", "1.2.3": an address or a version
                continue
        found = _figure_at(text, match, para, leading_dot, last_end)
        if found is None:
            continue
        figures.extend(found)
        last_end = found[-1].end
    return _merge_worded_ranges(text, figures)


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
_WORDY_START_AFTER_GAP = regex(r"[^a-zA-Z0-9_](?P<word>" + _WORDY_START.pattern + ")")


def _wordy_starts(text: str) -> Iterator[int]:
    """Where the matches of ``_WORDY_START.finditer(text)`` that start a word begin.

    The words of ``_WORDY_START`` are letters, except "a third", "a year and a half" and the
    like; after one of those that ``_WORDY`` may turn down ("a twenty-year sentence"), the scan
    goes on from the word after the "a", so that word is still tried."""
    trie = _WORDY_START.match
    search = _WORDY_START_AFTER_GAP.search
    first = trie(text)
    if first is not None:
        yield 0
    found = search(text, (1 if text[:1] in "aA" else first.end()) if first is not None else 0)
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
        found = search(text, start + 1 if text[start] in "aA" else end)


def _figure_at(text: str, match: re.Match[str], para: Paragraph, leading_dot: bool = False,
               previous_end: int = 0) -> list[Figure] | None:
    group = match.lastgroup
    if group in ("ddate", "wdate"):
        return [_date(match)]
    if group == "digits":
        return _digits(text, match, para, leading_dot)
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
    if group == "change":
        return _change(text, match.start(), match.end(), _CHANGE_WORDS[match.group(0).lower()],
                       para)
    if group == "fold":
        word = match.group("fold").lower().replace("-", "")[:-4]
        return _change(text, match.start(), match.end(), _FOLD_WORDS[word], para)
    if group == "apenny":
        unit = "penny" if match.group(0).lower().endswith("penny") else "cent"
        start, approximate = _with_qualifier(text, match.start(), para.start, "money")
        return [Figure(start, match.end(), text[start:match.end()], "money", 1.0, unit,
                       approximate)]
    if group == "bakers":
        return _worded_value(text, match.start(), match.end(), 13.0, para)
    if group == "andhalf":
        return _and_a_half(text, match.start(), match.group("andhalf").lower().split()[1],
                           match.end(), para)
    if group == "halfscale":
        words = match.group("halfscale").lower().split()
        if match.group(0)[:1].isupper() and not _at_sentence_start(text, match.start(),
                                                                    para.start):
            return None
        value = (0.5 if words[0] == "half" else 0.25) * _SCALES[words[-1]]
        return _worded_value(text, match.start(), match.end(), value, para)
    if group == "fraction":
        value = read_fraction(match.group("fraction"))
        if value is None:
            return None
        phrase = match.group("fraction")
        start, end = match.start(), match.end()
        if phrase.endswith("half") and _AND_BEFORE.search(text, max(para.start, start - 5), start):
            # "the past decade and a half" is one and a half decades (unless the unit belongs
            # to a figure already: "two years and a half"); "time and a half" is no figure.
            unit = _UNIT_AND_BEFORE.search(text, max(para.start, previous_end, start - 20),
                                           start)
            if unit is None:
                return None
            return _and_a_half(text, unit.start(), unit.group("unit").lower(), end, para)
        if phrase[:1] in "aA" and not phrase.endswith("s") and not _FRACTION_SCALE_AFTER.match(
                text, end, para.end):
            ordinal_use = _ORDINAL_USE_AFTER.match(text, end, para.end)
            if ordinal_use is not None and (not phrase.endswith("half")
                                            or ordinal_use.group(0).startswith("-")):
                return None  # "a third straight session", "a half-measure"; not "a half turn"
        return _fraction_figure(text, match.start(), match.end(), value, para)
    if group is None:  # a vulgar fraction: "½ teaspoon"
        value = _VULGAR_FRACTIONS[match.group(0)]
        return _fraction_figure(text, match.start(), match.end(), value, para)
    return _words(text, match, para)


def _and_a_half(text: str, start: int, unit_word: str, end: int,
                para: Paragraph) -> list[Figure]:
    """"a year and a half", "an hour and a half", "a million and a half": one and a half."""
    if unit_word in ("million", "billion", "dozen"):
        value = 1.5 * {"million": 1e6, "billion": 1e9, "dozen": 12.0}[unit_word]
        return _worded_value(text, start, end, value, para)
    unit = "miles" if unit_word == "mile" else _TIME_UNITS[unit_word]
    kind: FigureKind = "other" if unit_word == "mile" else "duration"
    q_start, approximate = _with_qualifier(text, start, para.start, kind)
    return [Figure(q_start, end, text[q_start:end], kind, 1.5, unit, approximate)]


# "two thirds of a million", "a quarter million": a fraction of a scale.
_FRACTION_SCALE_AFTER = regex(
    r"(?:[^\S\n]+of[^\S\n]+an?)?[^\S\n]+(?P<scale>thousand|million|billion|trillion)\b"
    r"|-(?P<dozen>dozen)\b")
_UNIT_AND_BEFORE = regex(
    rf"\b(?P<unit>{trie_pattern(_AND_A_HALF_UNITS)})[^\S\n]+and[^\S\n]+$", re.IGNORECASE)
_AND_BEFORE = regex(r"\band[^\S\n-]*[^\S\n]$|\band-$", re.IGNORECASE)


def _fraction_figure(text: str, start: int, end: int, value: float,
                     para: Paragraph) -> list[Figure]:
    """A fraction, perhaps of a scale ("a quarter million us dollars") or of a unit ("1/4
    mile", "½ teaspoon")."""
    scale = _FRACTION_SCALE_AFTER.match(text, end, para.end)
    if scale is not None:
        multiplier = _SCALES[scale.group("scale") or scale.group("dozen")]
        return _worded_value(text, start, scale.end(), value * multiplier, para)
    ext = _extend_number(text, end, para.end, value, None)
    if ext.kind == "count":
        q_start, approximate = _with_qualifier(text, start, para.start, "other")
        return [Figure(q_start, end, text[q_start:end], "other", value, None, approximate)]
    q_start, approximate = _with_qualifier(text, start, para.start, ext.kind)
    return [Figure(q_start, ext.end, text[q_start:ext.end], ext.kind, ext.value, ext.unit,
                   approximate)]


def _worded_value(text: str, start: int, end: int, value: float,
                  para: Paragraph) -> list[Figure]:
    """A figure whose number ends at ``end`` ("half million"), grown over its unit."""
    ext = _extend_number(text, end, para.end, value, None)
    unit = ext.unit if ext.kind != "count" else _counted_noun(text, ext.end, para.end)
    q_start, approximate = _with_qualifier(text, start, para.start, ext.kind)
    return [Figure(q_start, ext.end, text[q_start:ext.end], ext.kind, ext.value, unit,
                   approximate)]


def _change(text: str, start: int, end: int, factor: float,
            para: Paragraph) -> list[Figure] | None:
    """"doubled", "halved", "a threefold rise", "10-fold": a change by a factor."""
    if text[start].isupper() and not _at_sentence_start(text, start, para.start):
        return None
    q_start, approximate = _with_qualifier(text, start, para.start, "change")
    return [Figure(q_start, end, text[q_start:end], "change", _shared(factor), "times",
                   approximate)]


# -- digits ------------------------------------------------------------------------------------
def _digits(text: str, match: re.Match[str], para: Paragraph,
            leading_dot: bool = False) -> list[Figure] | None:
    start, end = match.start(), match.end()
    raw = match.group(0)
    if leading_dot:
        start -= 1
        raw = "." + raw
    limit = para.end
    nxt = text[end] if end < limit else ""
    if nxt in ":/" and end + 1 < limit and text[end + 1].isdigit():
        if nxt == "/" and len(raw) == 4 and raw.isdigit() and _MIN_YEAR <= int(raw) <= _MAX_YEAR:
            span = _YEAR_SPAN_AFTER.match(text, end, limit)
            if span is not None and int(span.group(1)) == (int(raw) + 1) % 100:
                # "the 2024/25 season", "fiscal 2024/25": one period over two years.
                return [Figure(start, span.end(), text[start:span.end()], "period", None, None,
                               False, float(raw), float(int(raw) + 1))]
        if nxt == "/" and raw.isdigit() and len(raw) <= 2:
            slashed = _SLASHED_DATE.match(text, start, limit)
            if slashed is not None:
                return [_slashed_date(text, slashed)]
            fraction = _DIGIT_FRACTION.match(text, start, limit)
            if fraction is not None and _is_digit_fraction(text, fraction, para.start) and (
                    int(fraction.group("b")) in _PLAIN_DENOMINATORS
                    or _FRACTION_OF_AFTER.match(text, fraction.end(), limit)):
                value = int(fraction.group("a")) / int(fraction.group("b"))
                sign_start, sign = _sign_before(text, start, para.start)
                return _fraction_figure(text, sign_start, fraction.end(), sign * value, para)
        return None  # a time of day, a score, 9/11, 24/7
    # The first character after any white space: most patterns below need a given one there.
    lead = end
    while lead < limit and text[lead] != "\n" and text[lead].isspace():
        lead += 1
    after = text[lead] if lead < limit else ""
    if after in _TIME_OF_DAY_INITIALS and _TIME_OF_DAY.match(text, end, limit) and (
            "." not in raw or _CLOCK_DIGITS.fullmatch(raw)):
        return None  # "3 p.m.", "7.30pm": a time of day, not a quantity ("2.123 pm" is none)
    if "." in raw and len(raw) <= 5 and _CLOCK_DIGITS.fullmatch(raw) and _AT_TIME_BEFORE.search(
            text, max(para.start, start - 8), start) and (
            end >= limit or (not text[end].isalnum() and text[end] not in "%‰")) and \
            _counted_noun(text, end, limit) is None and not (
            UNIT_AFTER.match(text, end, limit) or _PERCENT_AFTER.match(text, end, limit)
            or currencies.CURRENCY_AFTER.match(text, end, limit)
            or _SCALE_AFTER.match(text, end, limit)):
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
    if nxt in "x×*^":
        power = _POWER_AFTER.match(text, end, limit)
        if power is not None:
            value = _powered(value, power)
            end = power.end()
            nxt = text[end] if end < limit else ""
    elif nxt == " " and end + 3 < limit and text[end + 1].isdigit() and raw.isdigit():
        mixed = _MIXED_FRACTION_AFTER.match(text, end, limit)
        if mixed is not None and _is_digit_fraction(text, mixed, para.start, whole=True):
            # "2 1/4", "10 1/2 miles": a whole number and a fraction.
            value += int(mixed.group("a")) / int(mixed.group("b"))
            end = mixed.end()
            nxt = text[end] if end < limit else ""
    if nxt == " " and raw.isdigit() and end + 1 < limit and text[end + 1] in _VULGAR_FRACTIONS:
        end += 1  # "5 ½ years"
        nxt = text[end]
    if nxt in _VULGAR_FRACTIONS and raw.isdigit():
        value += _VULGAR_FRACTIONS[nxt]  # "2½"
        end += 1
        nxt = text[end] if end < limit else ""
    if nxt.isalpha():
        suffix = _SUFFIX_LETTERS.match(text, end, limit)
        token = suffix.group(0) if suffix else ""
        if token in ("st", "nd", "rd", "th"):
            return None
        if token in ("C", "F"):
            # "minus 20C": a temperature.
            sign_start, sign = _sign_before(text, start, para.start)
            return [Figure(sign_start, end + 1, text[sign_start:end + 1], "other",
                           sign * value, "°" + token)]
        if token == "s" and "," not in raw and "." not in raw and len(raw) in (2, 4):
            decade = True
            end += 1
        elif not (_SCALE_AFTER.match(text, end, limit)
                  or UNIT_AFTER.match(text, end, limit)
                  or _METRES_AFTER.match(text, end, limit)
                  or currencies.CURRENCY_AFTER.match(text, end, limit)
                  or currencies.MINOR_AFTER.match(text, end, limit)
                  or _PERCENT_AFTER.match(text, end, limit)
                  or _BASIS_POINTS_AFTER.match(text, end, limit)):
            return None
    clipped = start > para.start and text[start - 1] in "'’" and len(raw) == 2 and "." not in raw
    if decade or clipped:
        # "the 1990s", "the ’70s", "the '87 flood": a decade or a year with its century cut.
        year = value if len(raw) == 4 else (1900 + value if value >= 30 else 2000 + value)
        if clipped:
            start -= 1
        return [Figure(start, end, text[start:end], "year", _shared(year), None, decade)]
    if end + 3 < limit and text[end] == " " and text[end + 1] in "ioIO" and raw.isdigit():
        ratio = _ratio(text, start, end, value, para)
        if ratio is not None:
            return ratio
    currency, cur_start, cur_scale = currencies.currency_before(text, start, para.start)
    sign = 1.0
    unsigned_start = start
    if currency is None:
        sign_start, sign = _sign_before(text, start, para.start)
        if sign < 0:
            # "$-99.99"
            currency, cur_start, cur_scale = currencies.currency_before(text, sign_start,
                                                                        para.start)
            if currency is None:
                cur_start = sign_start
        start = cur_start
    else:
        start, sign = _sign_before(text, cur_start, para.start)  # "-$5 million"
    value *= sign * cur_scale
    ext = _extend_number(text, end, limit, value, currency)
    figure_end, value, unit, kind = ext.end, ext.value, ext.unit, ext.kind
    # A compact range: "10–30", "$5-6 million".
    range_match = _RANGE_AFTER.match(text, ext.scale_end if kind != "money" or unit else end,
                                     limit)
    if range_match is None and kind == "percent" and figure_end > end:
        # "5.25%-5.5%": a range whose ends both carry the sign.
        range_match = _RANGE_AFTER.match(text, figure_end, limit)
    if range_match is not None:
        if value < 0 and text[start] in "nN":
            # "a negative 42%-49% rating": a tally, "negative" is no sign of its first number.
            start, value = unsigned_start, -value
            ext = ext._replace(value=-ext.value)
        found = _compact_range(text, start, raw, value, ext, currency, range_match, para)
        if found is not None:
            return found
    if kind == "count":
        if value.is_integer() and _MIN_YEAR <= value <= _MAX_YEAR and raw.isdigit() and \
                figure_end == end and _is_year(text, start, figure_end, limit, para.start):
            kind = "year"
        elif unit is None and raw.isdigit() and 0 < value <= 120 and _is_age(
                text, start, figure_end, limit, para.start):
            kind, unit = "age", "years"
        if kind == "count" and unit is None:
            unit = _counted_noun(text, figure_end, limit)
    q_start, approximate = _with_qualifier(text, start, para.start, kind)
    return [Figure(q_start, figure_end, text[q_start:figure_end], kind, _shared(value), unit,
                   approximate)]


def _compact_range(text: str, start: int, raw: str, value: float, ext: _Extended,
                   currency: str | None, range_match: re.Match[str],
                   para: Paragraph) -> list[Figure] | None:
    """"10–30", "$5-6 million", "2024-25", "70-29": a range, a period or a tally."""
    limit = para.end
    unit, kind = ext.unit, ext.kind
    second_at = range_match.end()
    if second_at < limit and text[second_at] in currencies.SYMBOLS:
        second_at += 1
    second = _NUMERIC.match(text, second_at, limit)
    if second is None or second.lastgroup != "digits":
        return None
    high_raw = second.group(0)
    high_value = _number_value(high_raw)
    high = _extend_number(text, second.end(), limit, high_value, currency)
    h_end, h_value, h_unit, h_kind = high.end, high.value, high.unit, high.kind
    low = value
    if h_value != high_value and value == _number_value(raw) * (-1 if value < 0 else 1):
        low = value * (h_value / high_value) if high_value else value
    if (len(raw) == 4 and len(high_raw) in (2, 4) and _MIN_YEAR <= value <= _MAX_YEAR
            and h_end == second.end() and raw.isdigit() and high_raw.isdigit()):
        # "2024-25", "2021-2022": a season or fiscal year; "2019-24": a span of years.
        high_year = value // 100 * 100 + h_value if len(high_raw) == 2 else h_value
        if high_year == value + 1:
            return [Figure(start, h_end, text[start:h_end], "period", None, None, False,
                           value, high_year)]
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
        midpoint: float | None = (low + h_value) / 2
        if h_kind == "year" and kind == "year":
            unit = midpoint = None
        return [Figure(q_start, h_end, text[q_start:h_end], "range", midpoint, unit,
                       approximate, low, h_value)]
    return None


def _slashed_date(text: str, match: re.Match[str]) -> Figure:
    """"5/17/2018" is 17 May 2018; "17/5/2018" too; "5/6/2018" could be either, so only its
    year is certain."""
    a, b, year = int(match.group("a")), int(match.group("b")), match.group("y")
    if len(year) == 2:
        year = ("20" if int(year) < 50 else "19") + year
    if a <= 12 < b <= 31:
        iso = f"{year}-{a:02d}-{b:02d}"
    elif b <= 12 < a <= 31:
        iso = f"{year}-{b:02d}-{a:02d}"
    else:
        iso = year
    return Figure(match.start(), match.end(), match.group(0), "date", _shared(float(year)),
                  date=iso)


def _powered(value: float, power: re.Match[str]) -> float:
    """The value with a power applied: "1.3x10^6", "2.48×10−5", "8x2^10", "1.1^23"."""
    exp_text = power.group("exp") or power.group("exp2") or power.group("exp3")
    negative = (exp_text.count("-") + exp_text.count("−")) % 2 == 1
    exponent = float(exp_text.lstrip("-+−")) * (-1 if negative else 1)
    try:
        if power.group("exp") is not None:
            return value * float(power.group("base")) ** exponent
        if power.group("exp2") is not None:
            return value * 10.0 ** exponent
        return value ** exponent if value >= 0 else -((-value) ** exponent)
    except (OverflowError, ZeroDivisionError):
        return value


def _is_digit_fraction(text: str, fraction: re.Match[str], floor: int,
                       whole: bool = False) -> bool:
    """"3/4", "1/40": a fraction; not "9/11", "24/7", "on 3/4" (a date), "5/17/2018"."""
    a, b = int(fraction.group("a")), int(fraction.group("b"))
    if not 0 < a < b or b not in _FRACTION_DENOMINATORS:
        return False
    start = fraction.start() if not whole else fraction.start() - 1
    return whole or not _DATE_BEFORE.search(text, max(floor, start - 8), start)


def _is_year(text: str, start: int, end: int, limit: int, floor: int) -> bool:
    """A whole number from 1000 to 2100 is a year unless it counts a plural noun: "in 2023",
    "a 2023 traffic count" and "In 2023 police said" are years; "2000 people", "1500 troops"
    are counts."""
    noun = _counted_noun(text, end, limit)
    if noun is None:
        return True
    plural = (noun.endswith("s") and not noun.endswith("ss")) or noun in _PEOPLE_NOUNS
    if not plural:
        return True
    return noun in _PEOPLE_NOUNS and not noun.endswith("s") and _YEAR_CONTEXT_BEFORE.search(
        text, max(floor, start - 8), start) is not None


def _is_age(text: str, start: int, end: int, limit: int, floor: int) -> bool:
    """"Kwame Asante, 24, said", "Ann Lee (31)", "aged 24": a person's age."""
    before = text[start - 2:start] if start - 2 >= floor else ""
    if before in ("d ", "e ", "s ") and _AGED_BEFORE.search(text, max(floor, start - 6), start):
        return True
    if before not in (", ", " ("):
        return False
    name = _AGE_NAME_BEFORE.search(text, max(floor, start - 40), start)
    if name is None or name.group("name").lower() in _NAMING_EXCEPTIONS:
        return False
    if text[start - 1] == "(":
        return end < limit and text[end] == ")"
    if _at_sentence_start(text, name.start(), floor) and not _name_follows(text, name, floor):
        return False  # "In Paris, 24 …" opens a sentence with a place, not a name
    return _AGE_END_AFTER.match(text, end, limit) is not None


def _name_follows(text: str, name: re.Match[str], floor: int) -> bool:
    """Whether the capitalised word before an age is the second of two ("Kwame Asante")."""
    pos = name.start() - 1
    return pos > floor and text[pos] == " " and pos - 1 >= floor and text[pos - 1].isalpha() \
        and _WORD_START_UPPER.search(text, max(floor, pos - 30), pos) is not None


_WORD_START_UPPER = regex(r"\b[A-Z][\w’'-]*$")


def _ratio(text: str, start: int, end: int, value: float,
           para: Paragraph) -> list[Figure] | None:
    """"1 in 4 adults", "9 out of 10", "one in every 12 residents", "one over three": a
    proportion."""
    ratio = _RATIO_AFTER.match(text, end, para.end)
    if ratio is None and value == 1:
        ratio = _one_over(text, end, para.end)
    if ratio is None:
        return None
    of = ratio.group("of")
    if of[0].isdigit():
        denominator = _number_value(of)
        if len(of) == 4 and _MIN_YEAR <= denominator <= _MAX_YEAR:
            return None  # "1 fb−1 in 2005": a year
    else:
        read = read_word_number(of)
        if read is None or read[1] != len(of):
            return None
        denominator = read[0]
    if not denominator or value > denominator or (value == denominator and value != 1) or \
            _TIME_AFTER.match(text, ratio.end(), para.end):
        return None  # "3 in 10 days", "killed 5 in 2 attacks"
    q_start, approximate = _with_qualifier(text, start, para.start, "other")
    return [Figure(q_start, ratio.end(), text[q_start:ratio.end()], "other",
                   value / denominator, None, approximate)]


_OVER_AFTER = regex(
    rf"[^\S\n]+over[^\S\n]+(?P<of>[1-9]\d*(?![\d,.])|{WORD_NUMBER})", re.IGNORECASE)
_END_OF_AMOUNT = regex(r"[^\S\n]*(?:[.,;:!?)]|$)", re.MULTILINE)


def _one_over(text: str, end: int, limit: int) -> re.Match[str] | None:
    """"one over three" is a third; "one over 20 minutes" and "one over par" are not."""
    over = _OVER_AFTER.match(text, end, limit)
    if over is None or not _END_OF_AMOUNT.match(text, over.end(), limit):
        return None
    return over


_DECIMAL_COMMA = regex(r"\d*,\d{1,2}")
_THOUSANDS = str.maketrans("", "", ",\u00a0\u2009\u202f ")


def _number_value(raw: str) -> float:
    """The value of a digit string: "1,250", "38 420" and "12,34,567" group thousands, "2,5"
    is 2.5, "1.234.567" and "1.111,11" are continental."""
    if "," in raw:
        if _DECIMAL_COMMA.fullmatch(raw):
            return float(raw.replace(",", "."))
        if "." in raw and raw.index(".") < raw.index(","):
            return float(raw.replace(".", "").replace(",", "."))  # "1.111,11"
        return float(raw.replace(",", ""))
    if raw.count(".") > 1:
        return float(raw.replace(".", ""))  # "1.234.567"
    if raw.isdigit() or "." in raw:
        return float(raw)
    return float(raw.translate(_THOUSANDS))


# Characters after which no scale, unit or currency can follow a number.
_ENDS_A_NUMBER = frozenset(",.;:!?)]}\"“”‘\n\t(")


_LETTERS = regex(r"[A-Za-z.]+")
# The first word (lower case) of everything ``_extend_number`` can grow a number over.
_GROWING_WORDS = frozenset(
    w.lower().rstrip(".") for w in [
        *_SCALES, "lakh", "crore", *currencies.WORDS, *(w + "s" for w in currencies.WORDS),
        "pounds", "hryvnias", "hryvnyas", "us", "u.s", "canadian", "australian", "new", "hong",
        "singapore", "taiwan", *currencies.CODES, *("m" + c for c in currencies.CODES),
        "percent", "per", "percentage", "pct", "pc", *_TIME_UNITS, *_TIME_UNITS.values(),
        "century", *UNIT_FIRST_WORDS, "cent", "cents", "pence", "pennies", "penny", "p",
        "basis", "bps", "bp", "times", "m", "fold",
    ]
)


class _Extended(NamedTuple):
    end: int
    value: float
    unit: str | None
    kind: FigureKind
    scale_end: int  # where the number and its scale end, before any unit


def _extend_number(text: str, end: int, limit: int, value: float,
                   currency: str | None) -> _Extended:
    """Grow a number right over scale and unit."""
    after_char = text[end] if end < limit else ""
    if after_char in _ENDS_A_NUMBER or (after_char in " \u00a0" and end + 1 < limit and (
            text[end + 1] in _ENDS_A_NUMBER)):
        # ", " or " (": nothing a number could grow over (most figures in running text).
        return _Extended(end, value, currency, "money" if currency else "count", end)
    if currency is None and (after_char.isalpha() or after_char in " \u00a0"):
        # Most numbers are followed by a word that starts no scale, currency or unit ("2,000
        # people", "2024 election"): one look at that word spares every pattern below.
        word = _LETTERS.match(text, end + 1 if after_char in " \u00a0" else end, limit)
        if word is not None and word.group(0).lower().rstrip(".") not in _GROWING_WORDS:
            return _Extended(end, value, None, "count", end)
    scale = _SCALE_AFTER.match(text, end, limit)
    if scale is not None:
        word = (scale.group("word") or scale.group("abbr") or scale.group(0)).strip()
        word = " ".join(word.split())
        if currency is None and word in _SCALES_WITH_CURRENCY_ONLY:
            scale = None
        elif currency is None and scale.group("abbr") and len(word) == 1 and (
                abs(value) >= 1000 or (word == "m" and not _plural_noun_after(
                    text, scale.end(), limit))):
            # "100m" alone is metres as often as millions: money or people decide; and
            # nobody writes "1500b" for 1.5 trillion.
            scale = None
        if scale is not None:
            multiplier = _SCALES.get(word, _SCALES.get(word.lower(), 1.0))
            value *= multiplier
            end = scale.end()
            if multiplier >= 100 and scale.group("word"):
                end, value = _scale_parts(text, end, limit, value, multiplier)
    scale_end = end
    if currency is not None:
        after = currencies.CURRENCY_AFTER.match(text, end, limit)
        if after is not None and currencies.code_of(after) == currency and (
                after.group("code") or after.group("word")):
            end = after.end()
        elif scale is None:
            # "USD 75 million" is read above; "75 USD million" below.
            end, multiplier = currencies.scaled_by_code(text, end, limit)
            value *= multiplier
        return _Extended(end, value, currency, "money", scale_end)
    after = currencies.CURRENCY_AFTER.match(text, end, limit)
    if after is not None:
        code = currencies.code_of(after)
        value *= currencies.scale_of(after)
        stop = after.end()
        if (after.group("code") or after.group("lower")) and scale is None:
            stop, multiplier = currencies.scaled_by_code(text, stop, limit)
            value *= multiplier
        if scale is None and value.is_integer() and (after.group("word") or after.group("code")):
            minor = currencies.minor_amount(text, stop, limit)
            if minor is not None:
                stop, cents = minor
                value += cents / 100  # "15 dollars 50"
        return _Extended(stop, value, code, "money", scale_end)
    # Units are told apart by the letter they start with, so most numbers skip most patterns.
    lead = end + 1 if end < limit and text[end] in " \u00a0" else end
    initial = text[lead] if lead < limit else ""
    if initial in "cp":
        minor = currencies.MINOR_AFTER.match(text, end, limit)
        if minor is not None and (minor.group("unit") != "p" or minor.group(0) == "p"):
            cents = minor.group("unit").startswith("c")
            return _Extended(minor.end(), value, "cent" if cents else "penny", "money",
                             scale_end)
        rate = _PER_AFTER.match(text, end, limit)
        if rate is not None:
            return _Extended(rate.end(), value, "per " + rate.group("base"), "other", scale_end)
    elif initial in "bB":
        basis = _BASIS_POINTS_AFTER.match(text, end, limit)
        if basis is not None:
            return _Extended(basis.end(), value, "basis points", "other", scale_end)
    elif initial in "tT":
        times = _TIMES_AFTER.match(text, end, limit)
        if times is not None:
            return _Extended(times.end(), value, "times", "other", scale_end)
    percent = _PERCENT_AFTER.match(text, end, limit)
    if percent is not None:
        unit = "percentage points" if percent.group("points") else "%"
        return _Extended(percent.end(), value, unit, "percent", scale_end)
    time = _TIME_AFTER.match(text, end, limit)
    if time is not None:
        unit = _TIME_UNITS.get(time.group("unit").lower().rstrip("s"), time.group("unit"))
        if time.group("old"):
            return _Extended(time.end(), value, "years", "age", scale_end)
        return _Extended(time.end(), value, unit, "duration", scale_end)
    if initial == "m" and scale is None and _METRES_AFTER.match(text, end, limit):
        return _Extended(end + 1, value, "m", "other", scale_end)  # "1.8m tall"
    measure = UNIT_AFTER.match(text, end, limit)
    if measure is not None:
        unit = unit_name(measure)
        stop = measure.end()
        if unit in ("ft", "feet"):
            inches = INCHES_AFTER.match(text, stop, limit)
            if inches is not None:
                value += float(inches.group("inches") or inches.group("hyphened")) / 12
                stop = inches.end()
        return _Extended(stop, value, unit, "other", scale_end)
    if initial in "-fF":
        fold = _FOLD_AFTER.match(text, end, limit)
        if fold is not None:
            return _Extended(fold.end(), value, "times", "change", scale_end)  # "10-fold"
    compound = _COMPOUND_AFTER.match(text, end, limit)
    if compound is not None and compound.group("noun") not in ("state", "way", "sided", "time"):
        return _Extended(compound.end(), value, compound.group("noun"), "count", scale_end)
    return _Extended(end, value, None, "count", scale_end)


def _scale_parts(text: str, end: int, limit: int, value: float,
                 scale: float) -> tuple[int, float]:
    """"4 thousand 3 hundred and 21", "3 million and a half": the parts after a scale word."""
    while True:
        part = _SCALE_PART_AFTER.match(text, end, limit)
        if part is None:
            return end, value
        if part.group("scale"):
            next_scale = _SCALES[part.group("scale")]
            if next_scale >= scale:
                return end, value
            value += float(part.group("n")) * next_scale
            scale = next_scale
        elif part.group("rest"):
            if scale != 100:
                return end, value
            value += float(part.group("rest"))
            return part.end(), value
        else:
            if scale < 1000:
                return end, value
            value += (0.5 if part.group("frac") == "half" else 0.25) * scale
            return part.end(), value
        end = part.end()


def _is_plural(noun: str) -> bool:
    return (noun.endswith("s") and not noun.endswith("ss")) or noun in _PEOPLE_NOUNS


def _plural_noun_after(text: str, end: int, limit: int) -> bool:
    noun = _counted_noun(text, end, limit)
    return noun is not None and _is_plural(noun)


def _sign_before(text: str, start: int, floor: int) -> tuple[int, float]:
    """"minus 20", "−20", "FTSE -0.6%", "$-99.99": the start of the sign and -1; otherwise
    (start, 1). "plus or minus 3" is a margin, not -3."""
    if start - 1 >= floor and text[start - 1] in "−-" and (
            start - 2 < floor or text[start - 2] in _SIGN_CONTEXT):
        if _MARGIN_BEFORE.search(text, max(floor, start - 10), start - 1):
            return start, 1.0
        return start - 1, -1.0
    if start - 7 >= floor and text[start - 1] in " \t\u00a0" and text[start - 2] in "sSeE":
        sign = _SIGN_WORD_BEFORE.search(text, max(floor, start - 10), start)
        if sign is not None and not _MARGIN_BEFORE.search(
                text, max(floor, sign.start() - 9), sign.start()):
            return sign.start(), -1.0
    return start, 1.0


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
    word = text[word_start:word_end]
    lowered = word.lower()
    if lowered in _AIRCRAFT_PREFIXES:
        return word[:1].isupper()  # "An 124", "Su 35"; but "an 8% rise"
    return lowered in _IDENTIFIER_WORDS


def _named_by_word(text: str, word_start: int, word: str, floor: int, end: int,
                   limit: int) -> bool:
    """A bare number right after a capitalised ``word`` names something: "Flat 12", "Lock 4",
    "Route 9", and after an all-capital word even with a noun: "the CAC 40 index", "STOXX 600".
    Not after a month, a weekday, a qualifier or a word opening the sentence."""
    if len(word) < 2 or word.lower() in _NAMING_EXCEPTIONS or word in currencies.CODES or (
            word[0] == "M" and word[1:] in currencies.CODES):
        return False
    if word.isupper():
        return True
    if _at_sentence_start(text, word_start, floor) or (word_start > floor and \
            text[word_start - 1] not in " \t\u00a0"):
        return False
    return _counted_noun(text, end, limit) is None and not (
        _SCALE_AFTER.match(text, end, limit) or UNIT_AFTER.match(text, end, limit)
        or _TIME_AFTER.match(text, end, limit)
        or currencies.CURRENCY_AFTER.match(text, end, limit))


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
        if lowered in _STOP_WORDS or lowered in _NOT_NOUNS or lowered in _PAST_VERBS or \
                lowered in UNITS or lowered in TENS:
            break  # "11,205 two decades earlier": another number, not a noun
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
_WORD_SPLIT = regex(r"[\s-]+")


def _words(text: str, match: re.Match[str], para: Paragraph) -> list[Figure] | None:
    phrase = match.group("words")
    reading = read_number_words(phrase)
    if reading is None:
        return None
    value = reading.value
    start = match.start()
    end = start + reading.consumed
    limit = para.end
    first = phrase[:1]
    if first.isupper() and not _at_sentence_start(text, start, para.start):
        return None  # "Formula One", "Group of Seven"
    if _CLOCK_BEFORE.search(text, max(para.start, start - 16), start):
        return None
    words = _WORD_SPLIT.split(phrase[:reading.consumed].lower())
    single = len(words) == 1
    if single and (_COMPOUND_IDIOM_AFTER.match(text, end, limit) or (
            words[0] in ("one", "zero", "nought", "naught")
            and _IDIOM_AFTER.match(text, end, limit))):
        return None  # "two-state", "one another", "one thing for certain"
    if reading.point and words[0] == "one" and _IDIOM_BEFORE.search(
            text, max(para.start, start - 16), start):
        return None  # "at one point two of them"
    signed = _SIGN_WORD_BEFORE.search(text, max(para.start, start - 10), start) if (
        start - 2 >= para.start and text[start - 2] in "sSeE") else None
    if signed is not None and _MARGIN_BEFORE.search(text, max(para.start, signed.start() - 9),
                                                    signed.start()):
        signed = None
    if single and words[0] in _ZERO_WORDS:
        # "zero" is the number unless it names a kind of thing ("zero tolerance", "zero-sum",
        # "zero-hours contracts") or nothing at all ("all for naught").
        if _ZERO_IDIOM_AFTER.match(text, end, limit) or _NOTHING_BEFORE.search(
                text, max(para.start, start - 10), start):
            return None
        noun = _counted_noun(text, end, limit)
        if noun is not None and not _is_plural(noun) and _extend_number(
                text, end, limit, 0.0, None).kind == "count":
            return None
    elif single and words[0] == "one":
        measure = UNIT_AFTER.match(text, end, limit)
        if measure is not None and unit_name(measure) == "feet" and not \
                _ONE_CONTEXT_BEFORE.search(text, max(para.start, start - 16), start):
            return None  # "one foot in front of the other"
        if _IDIOM_BEFORE.search(text, max(para.start, start - 16), start) and signed is None \
                and measure is None:
            return None
        if not (
            signed is not None
            or _ONE_CONTEXT_BEFORE.search(text, max(para.start, start - 16), start)
            or _one_counted_person(text, end, limit)
            or _ONE_CHARGE.match(text, end, limit)
            or _RATIO_AFTER.match(text, end, limit)
            or _one_over(text, end, limit)
            or _TIME_AFTER.match(text, end, limit)
            or _SCALE_AFTER.match(text, end, limit)
            or _PERCENT_AFTER.match(text, end, limit)
            or currencies.CURRENCY_AFTER.match(text, end, limit)
            or currencies.MINOR_AFTER.match(text, end, limit)
            or measure is not None
        ):
            return None
    if not reading.fraction and not reading.point and text.startswith(" ", end):
        ratio = _ratio(text, start, end, value, para)
        if ratio is not None:
            return ratio
    if words[0] in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
        article = _ARTICLE_BEFORE.search(text, max(para.start, start - 8), start)
        if article is not None:
            if article.group("a").lower().startswith("half"):
                value /= 2
            start = article.start()
        elif len(words) < 2 or not currencies.CURRENCY_AFTER.match(text, end, limit):
            return None  # "hundred thousand dollars" counts; "thousand" alone is no number
    if reading.fraction and value < 1 and not reading.point:
        return _fraction_figure(text, start, end, value, para)
    if signed is not None:
        start, value = signed.start(), -value
    ext = _extend_number(text, end, limit, value, None)
    unit, kind = ext.unit, ext.kind
    if kind == "count":
        unit = _counted_noun(text, ext.end, limit)
    q_start, approximate = _with_qualifier(text, start, para.start, kind)
    return [Figure(q_start, ext.end, text[q_start:ext.end], kind, _shared(ext.value), unit,
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


_OF_NOUN_AFTER = regex(
    r"[^\S\n]+of[^\S\n]+(?:[\w’'-]+[^\S\n]+){0,2}?([a-z]+s|people|children)\b")


def _vague(text: str, match: re.Match[str], para: Paragraph) -> list[Figure] | None:
    """"dozens of people", "hundreds of thousands": many, approximate, with no value."""
    phrase = match.group("vague")
    if not read_vague(phrase):
        return None
    start, end, limit = match.start(), match.end(), para.end
    if phrase[:1].isupper() and not _at_sentence_start(text, start, para.start):
        return None
    unit: str | None = None
    kind: FigureKind = "count"
    after = _OF_NOUN_AFTER.match(text, end, limit)
    if after is not None:
        noun = after.group(1).lower()
        code = currencies.WORDS.get(noun.rstrip("s"))
        if code is not None:
            unit, kind = code, "money"
        elif noun.rstrip("s") in _TIME_UNITS:
            unit, kind = _TIME_UNITS[noun.rstrip("s")], "duration"
        else:
            unit = noun
    q_start, _ = _with_qualifier(text, start, para.start, kind)
    return [Figure(q_start, end, text[q_start:end], kind, None, unit, True)]


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


# -- worded ranges -----------------------------------------------------------------------------
# "rose from 5% to 7%", "cut 2 to 1": a change from one figure to another, not a range.
_CHANGE_VERBS = word_set(
    """rose rise rises rising risen fell fall falls falling fallen grew grow grows growing grown
    increase increased increases increasing decrease decreased decreases decreasing decline
    declined declines declining dropped drop drops dropping climbed climb climbs climbing jumped
    jump jumps jumping soared soar soars surged surge surges slipped slip slips slid slide slides
    sank sink sinks plunged plunge plunges plummeted tumbled cut cuts cutting raise raised raises
    raising reduce reduced reduces reducing lowered lower lowers lifted lift lifts boosted boost
    went go goes going gone moved move moves change changed changes shifted shift swelled swell
    shrank shrink shrunk widened narrowed doubled halved tripled revised upgraded downgraded up
    down expanded contracted dipped dip edged inched spiked ballooned hiked slashed trimmed
    extended shortened improved worsened recovered rebounded advanced gained lost eased""")
_CHANGE_ADVERBS = word_set("by from sharply slightly steadily")


def _change_verb_before(text: str, pos: int, floor: int) -> bool:
    """Whether a verb of change ("rose", "cut by", "fell sharply from") ends right before
    ``pos``: "rose from 5% to 7%" is a before and an after, not a range."""
    words = text[max(floor, pos - 32):pos].lower().split()
    if words and words[-1] in _CHANGE_ADVERBS:
        words.pop()
    return bool(words) and words[-1].strip(",;:") in _CHANGE_VERBS


_RANGE_LEAD = regex(r"\b(?P<lead>between|from)[^\S\n]+$", re.IGNORECASE)
_RANGE_KINDS = frozenset({"count", "money", "percent", "other", "duration", "year", "age"})


def _merge_worded_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """"between 10,000 and 30,000", "from 5 to 10", "10 to 15 people", "8- to 16-meter":
    the two ends become one range figure (see the module docstring)."""
    merged: list[Figure] | None = None
    skip_to = 0
    previous_end = -100
    for i, figure in enumerate(figures):
        gap = figure.start - previous_end
        previous_end = figure.end
        if gap < 3 or gap > 8 or i <= skip_to:
            continue
        ranged = _worded_range(text, figures[i - 1], figure)
        if ranged is None:
            continue
        if merged is None:
            merged = figures[:i - 1]
        else:
            merged.extend(figures[skip_to:i - 1])
        merged.append(ranged)
        skip_to = i + 1
    if merged is None:
        return figures
    merged.extend(figures[skip_to:])
    return merged


def _worded_range(text: str, low: Figure, high: Figure) -> Figure | None:
    between = text[low.end:high.start].strip(" \t\u00a0")
    if between not in ("and", "to", "- to", "- and", "-to"):
        return None
    if low.value is None or high.value is None or low.kind not in _RANGE_KINDS or \
            high.kind not in _RANGE_KINDS or low.kind == "date" or high.kind == "date":
        return None
    floor = max(0, low.start - 40)
    lead_start = low.start
    lead = _RANGE_LEAD.search(text, max(0, low.start - 9), low.start)
    if between.endswith("and"):
        if lead is None or lead.group("lead").lower() != "between":
            return None
    elif lead is not None and lead.group("lead").lower() == "between":
        pass  # "between 44 mg to 50 mg"
    elif lead is not None:
        if _change_verb_before(text, lead.start(), floor) or (
                low.value > high.value and high.value >= 0):
            return None  # "rose from 5% to 7%", "shrank from 12 to 8": a before and an after
    else:
        if _change_verb_before(text, low.start, floor) or low.value >= high.value:
            return None  # "rose 2% to 5%", "voted 61 to 38"
    if lead is not None:
        lead_start = lead.start()
    same = low.kind == high.kind and (low.unit == high.unit or low.unit is None
                                      or high.unit is None)
    bare_low = low.kind == "count" and low.unit is None
    bare_high = high.kind == "count" and high.unit is None
    if not (same or bare_low or bare_high):
        return None  # "fell 0.6% to $1.2874"
    low_value = low.value
    if bare_low and high.kind != "count":
        low_value = _scaled_like(low, high)
    lo, hi = sorted((low_value, high.value))
    if lo == hi:
        return None
    years = low.kind == high.kind == "year"
    kind: FigureKind = "range"
    unit = high.unit or low.unit
    midpoint = None if years else (lo + hi) / 2
    start = min(lead_start, low.start)
    return Figure(start, high.end, text[start:high.end], kind, midpoint, None if years else unit,
                  low.approximate or high.approximate, lo, hi)


def _scaled_like(low: Figure, high: Figure) -> float:
    """"between 2 and 3 million": the bare low end takes the high end's scale."""
    written = _LEADING_NUMBER.search(high.text)
    if written is None:
        return low.value if low.value is not None else 0.0
    try:
        number = _number_value(written.group(0))
    except ValueError:
        return low.value if low.value is not None else 0.0
    assert low.value is not None and high.value is not None
    if number and abs(high.value) > abs(number) and abs(low.value) <= abs(number):
        return low.value * (high.value / number)
    return low.value


_LEADING_NUMBER = regex(r"\d[\d,]*(?:\.\d+)?")
