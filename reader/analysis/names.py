"""People's names: recognising a name in a capitalised run, stripping titles, and remembering the
full name each surname was first given with.

The lists below are closed-class words (titles, organisation and place words, demonyms) rather
than names of people, so they generalise to articles about anyone: a capitalised run is a person
when, once titles are stripped, it holds no organisation or place word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from reader.analysis.letters import CAPITAL
from reader.analysis.pattern_cache import regex
from reader.analysis.wordtrie import word_set

_C = CAPITAL
# A capitalised word ("Zelenskyy", "O’Brien", "Jean-Pierre"), an initial or title with its dot
# when another capitalised word follows ("J. K.", "Gov. Roman", "Capt. Ruiz"), or a dotted
# abbreviation (U.K.). A longer word's full stop ends the run: "… said Mr. Rhodes. Mr. Obama".
_WORD_OR_DOTTED = rf"(?:[\w]{{0,3}}\.(?=\s+{_C})|[\w]*(?:[’'\-]{_C}[\w]*)*)"
NAME_TOKEN = (
    rf"(?:(?:{_C}\.){{2,4}}(?![^\W\d_])"  # "U.K." and no letter after
    rf"|(?:(?:al|el|ad|as|ash|at|az|bin|ibn|abu|abd)-)?{_C}{_WORD_OR_DOTTED})"
)
_PARTICLES = word_set("de van von der den al bin ibn da di du del dos das la le el ben ter")
_PARTICLE = "(?:" + "|".join(sorted(_PARTICLES)) + ")"
NAME_RUN = rf"{NAME_TOKEN}(?:[ \t\u00a0]+(?:{_PARTICLE}[ \t\u00a0]+){{0,2}}{NAME_TOKEN}){{0,6}}"
# The look-ahead lets ``re`` skip to capital letters before trying anything else.
NAME_RUN_RE = regex(rf"(?={_C}|[aeib])(?<![\w’'.-]){NAME_RUN}")

# ``NAME_RUN_RE`` opens with look-arounds, so ``re`` tries it at every position. ``name_runs``
# finds the same matches with two scans that ``re`` can skip through: runs opening with a
# capital (the pattern opens with the capital itself, the look-behind checks the character
# before it), and runs opening with a particle ("al-Hakim"), found from their hyphen.
_UPPER_FIRST_TOKEN = rf"(?:\.(?:{_C}\.){{1,3}}(?![^\W\d_])|{_WORD_OR_DOTTED})"
_UPPER_RUN_RE = regex(
    rf"{_C}(?<![\w’'.-].){_UPPER_FIRST_TOKEN}"
    rf"(?:[ \t\u00a0]+(?:{_PARTICLE}[ \t\u00a0]+){{0,2}}{NAME_TOKEN}){{0,6}}"
)
_HYPHEN_BEFORE_CAPITAL = regex(rf"-(?={_C})")


def name_runs(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``NAME_RUN_RE.finditer(text, start, end)``, several times faster."""
    if _HYPHEN_BEFORE_CAPITAL.search(text, start, end) is None:
        return _UPPER_RUN_RE.finditer(text, start, end)  # no particle runs: most paragraphs
    return _merged_runs(text, start, end)


def _merged_runs(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    upper = _UPPER_RUN_RE.finditer(text, start, end)
    hyphens = _HYPHEN_BEFORE_CAPITAL.finditer(text, start, end)
    run = next(upper, None)
    particle = _particle_run(text, hyphens, start, end)
    last_end = start
    while run is not None or particle is not None:
        if particle is None or (run is not None and run.start() < particle.start()):
            if run.start() >= last_end:
                yield run
                last_end = run.end()
            run = next(upper, None)
            continue
        if particle.start() >= last_end:
            yield particle
            last_end = particle.end()
            if run is not None and run.start() < last_end:
                # The capital scan went on inside this run; start it again after it.
                upper = _UPPER_RUN_RE.finditer(text, last_end, end)
                run = next(upper, None)
        particle = _particle_run(text, hyphens, start, end)


def _particle_run(text: str, hyphens: Iterator[re.Match[str]], start: int, end: int
                  ) -> re.Match[str] | None:
    """The next run opening with a particle ("al-", "bin-", "abu-" …) before a hyphen."""
    for hyphen in hyphens:
        at = hyphen.start()
        for first in (at - 3, at - 2):
            if first >= start and text[first] in "aeib":
                match = NAME_RUN_RE.match(text, first, end)
                if match is not None:
                    return match
    return None

TITLES = word_set(
    """president vice prime minister chancellor premier governor gov gov. sen sen. senator rep rep.
    representative congressman congresswoman secretary general gen gen. col col. colonel lt lt.
    lieutenant sgt sgt. sergeant capt capt. captain major maj maj. adm adm. admiral commander
    cmdr dr dr. doctor mr mr. mrs mrs. ms ms. miss mx prof prof. professor judge justice king queen
    prince princess pope mayor chief spokesman spokeswoman spokesperson ambassador envoy director
    ceo chairman chairwoman chair chairperson foreign defense defence interior finance economy
    deputy acting former lord lady sir dame rev rev. reverend father sister brother sheikh emir
    crown marshal field speaker leader attorney officer head commissioner inspector detective
    superintendent constable private corporal bishop archbishop cardinal rabbi imam
    minister-president
    senior junior state health education justice labor labour trade energy transport culture
    agriculture environment affairs home first second mp mep secretary-general undersecretary
    assistant associate executive managing founder co-founder owner coach manager captain-general
    state-secretary presidential opposition party national regional mayor-elect president-elect
    gov.-elect sen.-elect supreme high federal grand witness resident farmer activist nurse
    teacher student lawyer analyst economist historian author writer singer actor actress artist
    producer player forward striker midfielder defender goalkeeper quarterback pitcher winger
    rapper comedian filmmaker photographer journalist reporter editor publisher entrepreneur
    investor banker engineer scientist researcher surgeon pastor priest veteran survivor
    volunteer organiser organizer campaigner economist chef baroness baron earl countess duke
    duchess viscount marquess councillor councilor councilman councilwoman alderman alderwoman
    magistrate prosecutor barrister solicitor coroner sheriff trooper""")
def _given_names() -> dict[str, str]:
    lines = resources.files("reader.analysis").joinpath("given_names.txt").read_text("utf-8")
    return {name: gender for name, gender in
            (line.split() for line in lines.splitlines() if line and line[0] != "#")}


GIVEN_NAMES = _given_names()
"""Common given names (lower case) and the gender each is mostly given to: "m", "f" or "-"."""
# Words of ``NON_PERSON_WORDS`` that are common surnames too ("Marty West", "Kevin Hall").
_SURNAMES_TOO = word_set(
    """hall west lane day park house church lake camp post street north east south march forest
    tower bay bridge bill valley fleet herald lord""")
# Titles that are never a surname, so a run ending in one names nobody yet.
_TITLES_NEVER_NAMES = word_set(
    """gov sen rep dr gen col lt sgt capt adm prof rev mr mrs ms cmdr maj
    president minister secretary senator governor chancellor premier congressman congresswoman
    spokesman spokeswoman spokesperson ambassador chairman chairwoman commissioner mayor
    secretary-general vice""")
# Letters after a name ("Julian Marsh KC", "Jane Doe MP"): honours and offices, not the name.
POST_NOMINALS = word_set("kc qc sc mp mep msp mla td obe mbe cbe kbe dbe frs phd")
# Words that make a capitalised run an organisation, a place or an event rather than a person.
NON_PERSON_WORDS = word_set(
    """ministry office department council agency service services committee commission party army
    navy forces force police government administration parliament congress senate assembly court
    university college school institute institution foundation fund bank company corporation corp
    inc ltd group union league association federation organisation organization network news
    press times post journal herald tribune telegraph guardian agency radio tv television channel
    street road avenue square boulevard lane bridge station airport port base camp center centre
    hospital church cathedral mosque palace house hall tower museum park stadium market mall city
    town village county district region province state states kingdom republic federation
    emirates islands island sea ocean river lake mountains mountain valley gulf bay coast peninsula
    strait desert forest north south east west central northern southern eastern western
    international national european american global world museum summit conference forum games
    olympics cup championship war revolution treaty accord agreement act bill plan program
    programme project initiative operation campaign day week month year monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september
    october november december christmas easter ramadan brigade battalion regiment division corps
    command guard guards fleet airlines airways railways motors systems technologies media studios
    records pictures capital partners holdings kremlin pentagon whitehall downing nato un eu
    god lord allah internet facebook twitter google telegram youtube instagram tiktok whatsapp
    index exchange reserve treasury alliance coalition movement front bloc society club trust
    forum council""")
PLACE_FIRST_WORDS = word_set(
    """new los las san santa saint st st. north south east west central upper lower hong tel sri
    costa el la le port fort mount lake cape great united saudi gaza buenos rio sao são abu
    puerto czech sierra papua trinidad bosnia côte ivory""")
COUNTRIES_AND_DEMONYMS = word_set(
    """afghanistan afghan albania algeria america american americans argentina argentine armenia
    armenian australia australian austria austrian azerbaijan azerbaijani bahrain bangladesh
    belarus belarusian belgium belgian bolivia brazil brazilian britain british bulgaria
    bulgarian burma cambodia cameroon canada canadian chile chilean china chinese colombia
    colombian congo croatia croatian cuba cuban cyprus czech denmark danish dutch egypt egyptian
    england english eritrea estonia estonian ethiopia ethiopian europe european finland finnish
    france french georgia georgian germany german ghana greece greek haiti hungary hungarian
    iceland india indian indonesia indonesian iran iranian iraq iraqi ireland irish israel
    israeli italy italian japan japanese jordan jordanian kazakhstan kenya kenyan korea korean
    kosovo kuwait kyrgyzstan laos latvia latvian lebanon lebanese libya libyan lithuania
    lithuanian luxembourg malaysia mali mexico mexican moldova moldovan mongolia montenegro
    morocco moroccan mozambique myanmar nepal netherlands nigeria nigerian norway norwegian oman
    pakistan pakistani palestine palestinian panama peru philippines poland polish portugal
    portuguese qatar qatari romania romanian russia russian rwanda scotland scottish senegal
    serbia serbian singapore slovakia slovak slovenia somalia south spain spanish sudan sweden
    swedish switzerland swiss syria syrian taiwan taiwanese tajikistan tanzania thailand thai
    tunisia turkey turkish turkmenistan uganda ukraine ukrainian uzbekistan venezuela
    venezuelan vietnam vietnamese wales welsh yemen zambia zimbabwe u.s. u.k. u.n. e.u. us uk un
    eu usa western eastern soviet arab african asian latin nordic baltic gulf kyiv moscow london
    paris berlin washington beijing brussels tokyo rome madrid warsaw""")
LEADING_FUNCTION_WORDS = word_set(
    """the a an but and or so then also in on at for when while as if after before since until
    meanwhile however this that these those there here his her its their our my your we they he
    she it i yet still though although because despite during with without by from of to into
    only even now today yesterday tomorrow last next earlier later according asked told said says
    what who how why where which mr""")
PRONOUNS = word_set("he she they it we i")
FEMALE_CUES = word_set(
    """mrs mrs. ms ms. miss lady dame queen princess madam madame sister mother wife daughter
    grandmother aunt niece woman girl spokeswoman chairwoman congresswoman businesswoman
    actress countess duchess baroness councilwoman alderwoman she her""")
MALE_CUES = word_set(
    """mr mr. sir lord king prince father brother son husband grandfather uncle nephew man boy
    spokesman chairman congressman businessman actor count duke baron earl councilman alderman
    he his him""")


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A capitalised run read as a name: ``name`` without titles, where it lies, what it is."""

    name: str
    start: int
    end: int
    person: bool
    titled: bool
    title_words: tuple[str, ...] = ()
    organisation: bool = False  # an organisation, country or place rather than a person


def parse_name(run: str, start: int) -> ParsedName | None:
    """Read a capitalised run such as "U.K. Prime Minister Keir Starmer" as (Keir Starmer, person).

    Returns None when nothing name-like is left once function words and titles are removed.
    """
    tokens = _tokens(run, start)
    while tokens and tokens[0][0].lower().rstrip(".") in LEADING_FUNCTION_WORDS:
        tokens.pop(0)
    for position, token in enumerate(tokens):
        if token[0][:1].islower() and token[0][0] > "\xff":
            # Beyond Latin-1 the run's pattern takes any letter for a capital ("ł", "я"):
            # the name ends before a word that opens in lower case.
            tokens = tokens[:position]
            break
    while len(tokens) > 2 and tokens[-1][0].isupper() and tokens[-1][0].lower() in POST_NOMINALS:
        tokens.pop()
    titles: list[str] = []
    # Everything up to the last title word goes: "Incumbent Mayor Gerald Voss" -> Gerald Voss.
    last_title = -1
    for position in range(len(tokens) - 1):
        if _is_title(tokens[position][0]):
            last_title = position
    if last_title >= 0:
        titles = [t[0].lower() for t in tokens[:last_title + 1]]
        tokens = tokens[last_title + 1:]
    if not tokens:
        return None
    words = [t[0] for t in tokens]
    if not any(c.isupper() for c in words[-1][:5]):
        return None  # "a senior Egyptian official": a description, not a name
    if words[-1].lower().rstrip(".") in _TITLES_NEVER_NAMES:
        return None  # "Pennsylvania Gov.", "State Secretary": a title whose holder follows
    lowered = [w.lower().rstrip(".") for w in words]
    name = " ".join(words)
    name_start, name_end = tokens[0][1], tokens[-1][2]
    organisation = any(w in NON_PERSON_WORDS for w in lowered) or (
        len(words) == 1 and lowered[0] in COUNTRIES_AND_DEMONYMS
    )
    if organisation and 2 <= len(words) <= 3 and lowered[0] in GIVEN_NAMES and all(
            w not in NON_PERSON_WORDS or w in _SURNAMES_TOO for w in lowered[1:]):
        organisation = False  # "Marty West", "Kevin Hall": a given name, then a surname
    if organisation:
        # Keep the organisation whole ("U.K. Defense Ministry"), minus leading function words.
        first = _tokens(run, start)
        while first and (first[0][0].lower() in LEADING_FUNCTION_WORDS or first[0][0].islower()):
            first.pop(0)
        if not first:
            return None
        org = " ".join(t[0] for t in first)
        return ParsedName(org, first[0][1], first[-1][2], False, False, (), True)
    place = lowered[0] in PLACE_FIRST_WORDS or all(w in COUNTRIES_AND_DEMONYMS for w in lowered)
    if any(_is_abbreviation(w) for w in words) or any(
            w.isupper() and len(w.rstrip(".")) > 1 for w in words):  # not an initial ("J.")
        place = True
    person = not place and (len(words) >= 2 or bool(titles))
    return ParsedName(name, name_start, name_end, person, bool(titles), tuple(titles), place)


def _tokens(run: str, start: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), start + m.start(), start + m.end()) for m in re.finditer(r"\S+", run)]


def _is_title(word: str) -> bool:
    lowered = word.lower()
    return (
        lowered in TITLES
        or lowered.rstrip(".") in TITLES
        or lowered in COUNTRIES_AND_DEMONYMS
        or _is_abbreviation(word)
    )


def _is_abbreviation(word: str) -> bool:
    parts = word.split(".")
    return len(parts) >= 3 and all(len(p) <= 1 for p in parts)


def gender_of_words(words: str) -> str | None:
    """'f' or 'm' when a title or role word gives it away ("spokeswoman", "Mr."), else None."""
    found: str | None = None
    for word in re.findall(r"[\w.]+", words.lower()):
        if word in FEMALE_CUES:
            found = found or "f"
        elif word in MALE_CUES:
            found = found or "m"
    return found


class NameBook:
    """Who is who in one document: each surname's full name as first mentioned, and genders."""

    __slots__ = ("_by_first", "_by_surname", "_full", "_genders", "_titles")

    def __init__(self) -> None:
        self._by_surname: dict[str, str] = {}
        self._by_first: dict[str, str] = {}  # "Natalia said" in a feature that uses first names
        self._full: set[str] = set()
        self._genders: dict[str, str] = {}
        self._titles: dict[str, str] = {}

    def register(self, parsed: ParsedName) -> None:
        if not parsed.person or " " not in parsed.name:
            if parsed.person and parsed.titled:
                for title in parsed.title_words:
                    self._titles[title.rstrip(".")] = self.full_name(parsed.name)
            return
        surname = parsed.name.rsplit(" ", 1)[1]
        full = self._by_surname.get(surname)
        if full is None:
            self._by_surname[surname] = parsed.name
            self._full.add(parsed.name)
            full = parsed.name
            first = parsed.name.split(" ", 1)[0]
            if len(first) > 2 and not first.endswith(".") and first.lower() not in NON_PERSON_WORDS:
                self._by_first.setdefault(first, full)
        for title in parsed.title_words:
            self._titles[title.rstrip(".")] = full
            gender = gender_of_words(title)
            if gender:
                self.set_gender(full, gender)

    def knows_surname(self, word: str) -> bool:
        """Whether a single word names someone already met, by surname or by first name."""
        return word in self._by_surname or word in self._by_first

    def full_name(self, name: str) -> str:
        """The full name a surname or a shorter form of a name was first given with."""
        surname = name.rsplit(" ", 1)[-1]
        full = self._by_surname.get(surname)
        if full is None:
            if " " not in name:
                return self._by_first.get(name, name)
            return name
        if " " not in name or name.split(" ", 1)[0] in full.split(" "):
            return full
        return name

    def has_titles(self) -> bool:
        return bool(self._titles)

    def person_with_title(self, title: str) -> str | None:
        return self._titles.get(title.lower().rstrip("."))

    def gender(self, name: str) -> str | None:
        """As learned from the text ("she said", "Mrs.")."""
        return self._genders.get(name)

    def likely_gender(self, name: str) -> str | None:
        """As learned from the text, else as the given name mostly is ("Claire": f): a guess
        a pronoun prefers but does not insist on (Lindsey Graham is a man)."""
        known = self._genders.get(name)
        if known is None and " " in name:
            guess = GIVEN_NAMES.get(name.split(" ", 1)[0].lower())
            if guess in ("f", "m"):
                return guess
        return known

    def set_gender(self, name: str, gender: str) -> None:
        self._genders.setdefault(name, gender)
