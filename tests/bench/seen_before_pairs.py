"""Pairs for measuring "seen before": the same claim as two outlets report it, and near-misses
that must not match. Every sentence here is original text written for this purpose.

An *earlier* claim is stored with a verdict; a *later* claim is looked up. The kinds of pair:

positives (must be found)
  quote_cut        the same quote by the same speaker, cut differently: a clause left out at
                   the start or the end, "…" where words were dropped, a name written another
                   way ("Ines Okafor", "Okafor", "Ms Okafor", "I. Okafor"), house style
                   (capitals, quote marks, "per cent" for "%")
  figure_restated  the same figure in a near-identical sentence: written another way
                   ("£4.2 million"/"£4.2m", "5.2%"/"5.2 per cent", "1,200"/"1200"), the
                   attribution moved or left out, a clause cut
  figure_reworded  the same, with one word changed for a synonym ("rose"/"climbed"): kept as
                   a positive although the rules do not take it (see seen_before.py), so
                   what that costs shows in the recall
negatives (must not be found)
  other_speaker    a quote's words given to another speaker
  changed_number   a quote or a figure sentence with one number changed (or its unit)
  same_figure      the same figure in another sentence
  negated          a quote with "not" put in or taken out (harder than the issue asks)
  changed_subject  the same figure and sentence about something else ("in the region" ->
                   "in the capital"; harder than the issue asks: one word apart, as a
                   restatement with a synonym is)

Base texts come in two sets: ``DEV`` (the thresholds were set on it) and ``HELD_OUT``
(written before the thresholds were set, and not looked at while setting them). Clauses a cut
may drop are separated by " | "; "{n}" marks the number a changed_number pair changes.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

# (speaker, quote) -------------------------------------------------------------------------
DEV_QUOTES: list[tuple[str, str]] = [
    ("Ines Okafor", "We lost {300} homes to flooding in 2019 | and we will not lose another "
     "street to the sea"),
    ("Ines Okafor", "The sea wall is the biggest thing this council has ever built | and it "
     "will be finished on time"),
    ("Ines Okafor", "Nobody in this town should have to move their furniture upstairs every "
     "winter | so the wall goes ahead whatever the cost"),
    ("Tomas Reyl", "This plan protects the marina, not the people who live behind it | and "
     "the council knows it"),
    ("Tomas Reyl", "The wall will cover only {40}% of the coast | which leaves the poorest "
     "streets exposed"),
    ("Marta Lindqvist", "Waiting times in our emergency department have fallen for the third "
     "month running | and I want to thank every nurse who made that happen"),
    ("Marta Lindqvist", "We have hired {120} nurses since January | most of them from our own "
     "training programme"),
    ("Marta Lindqvist", "No patient waited more than {12} hours on a trolley last month | which "
     "is the first time that has been true since 2020"),
    ("Samuel Achterberg", "The bus company told us the fares would stay frozen | and then it "
     "put them up by {15}% the week after the election"),
    ("Samuel Achterberg", "Every route that was cut last spring served a village without a "
     "shop or a surgery | and that is not an accident"),
    ("Priya Ramaswamy", "Our school has lost {£180,000} a year in real terms | and the "
     "government keeps telling parents that funding is at a record high"),
    ("Priya Ramaswamy", "Teachers are buying glue sticks with their own money | while the "
     "ministry spends millions on consultants"),
    ("Joel Brannigan", "The wind farm will power {45,000} homes | and not one turbine will be "
     "visible from the old town"),
    ("Joel Brannigan", "We consulted every household within five miles | and two thirds of "
     "them said yes"),
    ("Hana Kowalczyk", "The water company has dumped sewage into this river on {214} days "
     "this year | and paid its shareholders a dividend anyway"),
    ("Hana Kowalczyk", "I have swum here since I was a child | and I would not let my own "
     "children in the water now"),
    ("Oluwaseun Adeyemi", "Police numbers in the county are at their lowest in {30} years | "
     "whatever the minister says on the radio"),
    ("Oluwaseun Adeyemi", "Burglaries have doubled on the estate since the station closed | and "
     "residents have stopped reporting them"),
    ("Freya Castellanos", "The airport expansion will create {6,000} jobs | most of them in "
     "construction and only for four years"),
    ("Freya Castellanos", "Night flights will not increase under any version of the plan | "
     "and that promise is written into the planning agreement"),
    ("Dmitri Volkov", "The strike will go ahead on Monday | because management walked away "
     "from the table on Friday night"),
    ("Dmitri Volkov", "Our members have had a real-terms pay cut of {11}% since 2021 | and "
     "they are not asking for the moon"),
    ("Ines Okafor", "Every household behind the wall will see their insurance premiums fall | "
     "or we will want to know why"),
    ("Marta Lindqvist", "The new ward opens in {six} weeks | with beds for children and their "
     "parents side by side"),
    ("Priya Ramaswamy", "Class sizes in year three have reached {34} pupils | and there is no "
     "room left in the building"),
    ("Joel Brannigan", "The project will pay the parish {£250,000} a year for community "
     "projects | for as long as the turbines turn"),
    ("Hana Kowalczyk", "The fish are gone from the lower river | and the anglers' club has "
     "closed after ninety years"),
    ("Samuel Achterberg", "I will take this to the transport committee | and if they will not "
     "listen I will take it to the courts"),
    ("Oluwaseun Adeyemi", "Response times to emergency calls have risen to {19} minutes on "
     "average | which is twice the national target"),
    ("Freya Castellanos", "We expect passenger numbers to reach {nine} million by 2030 | "
     "which is what the regional plan assumed"),
]

HELD_OUT_QUOTES: list[tuple[str, str]] = [
    ("Clara Eberhardt", "The library will stay open on Saturdays | and we are adding evening "
     "hours in the winter"),
    ("Clara Eberhardt", "We have cut the mobile library to {two} days a week | because the van "
     "is older than most of its readers"),
    ("Rafael Montenegro", "Recycling rates in the borough reached {47}% last year | the highest "
     "figure we have ever recorded"),
    ("Rafael Montenegro", "Bins will be collected every fortnight from April | and nobody will "
     "pay more for the garden waste service"),
    ("Annika Sorensen", "The bridge has been closed for {18} months | and traders on the east "
     "bank have lost half their customers"),
    ("Annika Sorensen", "We were promised a temporary footbridge by Christmas | and we are "
     "still waiting for a date"),
    ("Kwame Mensah", "The council tax rise of {4.99}% is the maximum allowed | and it still "
     "leaves a gap in the social care budget"),
    ("Kwame Mensah", "I did not come into politics to close care homes | but the numbers no "
     "longer add up"),
    ("Lucia Ferrante", "Our rents have gone up by {£90} a month since the new landlord arrived | "
     "and the repairs list has only grown"),
    ("Lucia Ferrante", "Three families on this corridor have mould in their children's "
     "bedrooms | and nobody from the company has been to look"),
    ("Bartholomew Quaye", "The tram extension will carry its first passengers in {2027} | "
     "eighteen months later than the original timetable"),
    ("Bartholomew Quaye", "The contractor has agreed to pay for the delay | so the cost to "
     "ratepayers will not change"),
    ("Ingrid Halvorsen", "Seven in ten of the farms in this valley are run by people over "
     "sixty | and most of them have nobody to hand over to"),
    ("Ingrid Halvorsen", "The subsidy cut will take {£23,000} from the average hill farm | "
     "which is more than most of them earn in a year"),
    ("Ezra Whitlock", "The festival brought {85,000} visitors to the town over the weekend | "
     "and every hotel room was full by Thursday"),
]

# (attribution or None, sentence) ----------------------------------------------------------
DEV_FIGURES: list[tuple[str | None, str]] = [
    ("the statistics office", "Unemployment in the region rose to {5.2%} in March | up from "
     "4.9% a year earlier"),
    ("the council", "The sea wall will cost {£4.2 million} | and take three years to build"),
    ("the hospital trust", "The trust treated {1,200} patients in its emergency department "
     "last weekend | a record for the time of year"),
    (None, "House prices in the county fell by {3.1%} in the year to June | the first fall "
     "since 2012"),
    ("the water company", "The company spent {£38 million} on pipe repairs last year | less "
     "than half of what it paid in dividends"),
    ("the transport authority", "Bus passenger numbers have fallen by {a quarter} since 2019 | "
     "despite the fare freeze"),
    (None, "The population of the island grew to {14,300} at the last census | most of the "
     "increase in the north"),
    ("police", "Reported burglaries on the estate rose by {62%} after the station closed"),
    ("the airport", "The airport handled {6.8 million} passengers last year | and expects "
     "nine million by 2030"),
    ("the education department", "Spending per pupil will rise by {£140} next year | after "
     "inflation is taken into account"),
    (None, "The new ward has {24} beds for children | each with a fold-out bed for a parent"),
    ("the energy company", "The wind farm's {38} turbines will be built over two summers | "
     "starting next May"),
    ("the union", "Members voted by {84%} to strike | on a turnout of 61%"),
    ("the environment agency", "Sewage was released into the river on {214} days this year | "
     "more than any other river in the region"),
    (None, "Average rents in the city centre reached {£1,150} a month in the spring | according "
     "to the letting agents' survey"),
    ("the ministry", "The county will receive {£12.5 million} for road repairs | to be spent "
     "before the end of the financial year"),
    ("the fire service", "Firefighters attended {312} grass fires in August | three times the "
     "usual number"),
    (None, "Turnout in the by-election was {31.4%} | the lowest in the constituency's history"),
    ("the university", "The university will take {2,000} more students next autumn | most of "
     "them on nursing courses"),
    ("the port authority", "Cargo through the port fell by {9%} in the first quarter | after "
     "two shipping lines moved to the south coast"),
    ("the charity", "The food bank gave out {4,700} parcels in December | more than in the "
     "whole of its first year"),
    ("the council", "Council tax will rise by {4.99%} from April | the most allowed without a "
     "referendum"),
    (None, "The ferry crossing now takes {95} minutes | twenty minutes longer than before the "
     "new timetable"),
    ("the health board", "The number of people waiting more than a year for surgery fell to "
     "{3,400} in May"),
    ("the rail operator", "Only {71%} of trains on the coast line arrived on time last month | "
     "the worst figure in the country"),
]

HELD_OUT_FIGURES: list[tuple[str | None, str]] = [
    ("the borough", "Recycling rates reached {47%} last year | up from 41% three years ago"),
    ("the tram company", "The extension will cost {£310 million} | of which the government "
     "pays two thirds"),
    (None, "The bridge has carried no traffic for {18} months | since cracks were found in two "
     "of its piers"),
    ("the farmers' union", "The average hill farm earned {£21,500} last year | before any "
     "subsidy was paid"),
    ("the tourist board", "The festival drew {85,000} visitors | and filled every hotel room "
     "in the town"),
    ("the housing association", "Repairs now take {46} days on average | against a target of "
     "fourteen"),
    (None, "The library lent {212,000} books last year | a fifth of them to children"),
    ("the care regulator", "Four of the borough's {nine} care homes were rated inadequate | "
     "after inspections in the spring"),
    ("the police", "Speeding fines on the bypass rose to {2,300} in the first month of the new "
     "cameras"),
    ("the landlord", "Rents on the estate will rise by {£90} a month | from the start of "
     "October"),
]

SUBJECT_SWAPS = {
    "Unemployment in the region": "Unemployment in the capital",
    "The sea wall will cost": "The new bridge will cost",
    "House prices in the county": "House prices in the city",
    "Bus passenger numbers": "Rail passenger numbers",
    "The population of the island": "The population of the mainland",
    "Reported burglaries on the estate": "Reported car thefts on the estate",
    "The new ward has": "The new school has",
    "Sewage was released into the river": "Sewage was released into the sea",
    "Firefighters attended": "Paramedics attended",
    "The ferry crossing now takes": "The train journey now takes",
    "Recycling rates reached": "Composting rates reached",
    "The extension will cost": "The depot will cost",
    "The festival drew": "The marathon drew",
    "The library lent": "The museum lent",
    "Speeding fines on the bypass": "Parking fines on the bypass",
}
"""One subject swapped for another in a figure sentence (changed_subject)."""

ALL_NAMES = ["Ines Okafor", "Tomas Reyl", "Marta Lindqvist", "Samuel Achterberg",
             "Priya Ramaswamy", "Joel Brannigan", "Hana Kowalczyk", "Oluwaseun Adeyemi",
             "Freya Castellanos", "Dmitri Volkov", "Clara Eberhardt", "Rafael Montenegro",
             "Annika Sorensen", "Kwame Mensah", "Lucia Ferrante", "Bartholomew Quaye",
             "Ingrid Halvorsen", "Ezra Whitlock"]
OTHER_ATTRIBUTIONS = ["the mayor", "the opposition", "a spokesperson", "the regulator"]
SYNONYMS = {"rose": "climbed", "fell": "dropped", "will": "is to", "last": "in the past",
            "spent": "paid out", "record": "new high", "more": "higher", "take": "need"}
NUMBER_WORDS = {"two": "three", "six": "seven", "nine": "ten", "a quarter": "a third"}
_SLOT = re.compile(r"\{([^}]*)\}")


@dataclass(frozen=True, slots=True)
class Item:
    """A claim as an article gives it."""

    text: str
    speaker: str | None
    kind: str  # "quote" or "figure"


@dataclass(frozen=True, slots=True)
class Pair:
    earlier: int  # index of the earlier claim in the stored list
    later: Item
    category: str
    same: bool  # True: must be found


def _plain(text: str) -> str:
    """The text with its slot marks and clause marks removed."""
    return _SLOT.sub(r"\1", text).replace(" | ", ", ")


def _parts(text: str) -> list[str]:
    return _SLOT.sub(r"\1", text).split(" | ")


def _sentence(text: str) -> str:
    text = text.strip().rstrip(",;")
    return text[0].upper() + text[1:] if text else text


def name_variant(name: str, rng: random.Random) -> str:
    given, surname = name.split(" ", 1)[0], name.rsplit(" ", 1)[1]
    return rng.choice([name, surname, f"Ms {surname}" if rng.random() < 0.5
                       else f"Mr {surname}", f"{given[0]}. {surname}", f"Dr {name}"])


def _restyle(text: str, rng: random.Random) -> str:
    """House style: figures written another way."""
    swaps = [(r"(\d)%", r"\1 per cent"), (r"£(\d+(?:\.\d+)?) million", r"£\1m"),
             (r"(\d),(\d{3})\b", r"\1\2"), (r" per cent", "%")]
    rng.shuffle(swaps)
    for pattern, replacement in swaps:
        changed = re.sub(pattern, replacement, text, count=1)
        if changed != text:
            return changed
    return text


def changed_number(text: str, rng: random.Random) -> str | None:
    """The text with the number in its slot changed (or its unit, for "%")."""
    match = _SLOT.search(text)
    if match is None:
        return None
    value = match.group(1)
    if value in NUMBER_WORDS:
        new = NUMBER_WORDS[value]
    else:
        digits = re.search(r"\d[\d,]*(?:\.\d+)?", value)
        if digits is None:
            return None
        number = float(digits.group().replace(",", ""))
        bumped = number + max(1.0, round(number * rng.choice([0.1, 0.2, 0.5]))) if \
            number.is_integer() else round(number + rng.choice([0.3, 0.7, 1.1]), 1)
        shown = f"{bumped:,.0f}" if number.is_integer() and "," in digits.group() else (
            f"{bumped:.0f}" if number.is_integer() else f"{bumped}")
        new = value.replace(digits.group(), shown)
    return text[:match.start()] + "{" + new + "}" + text[match.end():]


def quote_cuts(text: str, rng: random.Random) -> list[str]:
    """How outlets cut a quote: a clause dropped at either end, words dropped for "…"."""
    parts = _parts(text)
    cuts: list[str] = []
    if len(parts) >= 2:
        cuts.append(parts[0])
        cuts.append(parts[-1])
    words = " ".join(parts).split()
    if len(words) >= 12:
        cut_at = rng.randrange(3, len(words) - 6)
        gap = rng.randrange(2, 5)
        cuts.append(" ".join(words[:cut_at]) + " … " + " ".join(words[cut_at + gap:]))
    return cuts


def figure_restatements(attribution: str | None, text: str,
                        rng: random.Random) -> list[tuple[str, str]]:
    """(category, sentence) pairs."""
    plain = _plain(text)
    out: list[str] = []
    restyled = _restyle(plain, rng)
    if attribution:
        out.append(f"{_sentence(restyled)}, {attribution} said.")
        out.append(f"According to {attribution}, {restyled[0].lower() + restyled[1:]}.")
        out.append(f"{_sentence(_restyle(plain, rng))}.")  # the source not named
    else:
        out.append(f"{_sentence(restyled)}.")
    parts = _parts(text)
    if len(parts) >= 2:
        first = _restyle(parts[0], rng)
        out.append(f"{_sentence(first)}, {attribution} said." if attribution
                   else f"{_sentence(first)}.")
    pairs = [("figure_restated", sentence) for sentence in out]
    words = plain.split()
    for index, word in enumerate(words):
        if word in SYNONYMS:
            swapped = " ".join([*words[:index], SYNONYMS[word], *words[index + 1:]])
            pairs.append(("figure_reworded", f"{_sentence(swapped)}, {attribution} said."
                          if attribution else f"{_sentence(swapped)}."))
            break
    return pairs


def earlier_of(speaker: str | None, text: str, kind: str) -> Item:
    if kind == "quote":
        return Item(_sentence(_plain(text)) + ".", speaker, "quote")
    sentence = _sentence(_plain(text))
    return Item(f"{sentence}, {speaker} said." if speaker else f"{sentence}.", speaker,
                "figure")


def build(quotes: list[tuple[str, str]], figures: list[tuple[str | None, str]],
          seed: int = 14) -> tuple[list[Item], list[Pair]]:
    """The earlier claims (one per base text) and the pairs to look up."""
    rng = random.Random(seed)
    earlier: list[Item] = []
    pairs: list[Pair] = []
    for speaker, text in quotes:
        index = len(earlier)
        earlier.append(earlier_of(speaker, text, "quote"))
        for cut in quote_cuts(text, rng):
            shown = rng.choice([cut, cut[0].upper() + cut[1:], _restyle(cut, rng)])
            pairs.append(Pair(index, Item(shown, name_variant(speaker, rng), "quote"),
                              "quote_cut", True))
        others = [name for name in ALL_NAMES if name.split()[-1] != speaker.split()[-1]]
        for words in (_plain(text), rng.choice(quote_cuts(text, rng) or [_plain(text)])):
            pairs.append(Pair(index, Item(words, rng.choice(others), "quote"),
                              "other_speaker", False))
        changed = changed_number(text, rng)
        if changed is not None:
            pairs.append(Pair(index, Item(_plain(changed), name_variant(speaker, rng),
                                          "quote"), "changed_number", False))
        plain = _plain(text)
        if " will " in plain or " not " in plain:
            flipped = plain.replace(" will not ", " will ", 1) if " will not " in plain else (
                plain.replace(" will ", " will not ", 1) if " will " in plain
                else plain.replace(" not ", " ", 1))
            pairs.append(Pair(index, Item(flipped, speaker, "quote"), "negated", False))
    for attribution, text in figures:
        index = len(earlier)
        earlier.append(earlier_of(attribution, text, "figure"))
        for category, restated in figure_restatements(attribution, text, rng):
            pairs.append(Pair(index, Item(restated, attribution, "figure"), category, True))
        changed = changed_number(text, rng)
        if changed is not None:
            pairs.append(Pair(index, earlier_of(attribution, changed, "figure"),
                              "changed_number", False))
        for subject, other in SUBJECT_SWAPS.items():
            if text.startswith(subject):
                pairs.append(Pair(index, earlier_of(attribution, other + text[len(subject):],
                                                    "figure"), "changed_subject", False))
    # The same figure in another sentence: each slot's value put into another base sentence.
    figure_texts = [text for _, text in figures]
    for number, (attribution, text) in enumerate(figures):
        value = _SLOT.search(text)
        other = figure_texts[(number + 7) % len(figure_texts)]
        other_slot = _SLOT.search(other)
        if value is None or other_slot is None:
            continue
        moved = other[:other_slot.start()] + "{" + value.group(1) + "}" + other[other_slot.end():]
        pairs.append(Pair(len(earlier) - len(figures) + number,
                          earlier_of(attribution, moved, "figure"), "same_figure", False))
    return earlier, pairs


def dev_set(seed: int = 14) -> tuple[list[Item], list[Pair]]:
    return build(DEV_QUOTES, DEV_FIGURES, seed)


def held_out_set(seed: int = 14) -> tuple[list[Item], list[Pair]]:
    return build(HELD_OUT_QUOTES, HELD_OUT_FIGURES, seed)
