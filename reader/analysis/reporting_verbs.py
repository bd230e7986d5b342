"""The verbs that report speech or writing ("said", "accused", "called … a", "pointed out").

News copy attributes a quote with far more verbs than "said": on annotated political news one
named quote in ten hangs on a verb such as "calling", "accused", "tells", "notes", "promises",
"assured" or "referred to". They are listed here once, by lemma, and inflected by rule (with the
irregular forms given), so that the list reads as the vocabulary it is.
"""

from __future__ import annotations

from reader.analysis.wordtrie import word_set

# Lemmas inflected by rule: "accuse" gives accuses, accused, accusing.
_REGULAR = word_set(
    """accuse acknowledge assail brag brand characterise characterize chastise concur contradict
    deride downplay dub fault fume grouse groan grumble lambaste liken mention portray praise
    reassure recommend refute ridicule rip speculate taunt theorise theorize
    beam exhort interrupt remember react crack
    add admit advise affirm agree allege announce answer apologise apologize appeal applaud
    argue ask assert assure attack bark bemoan blame blast boast call caution challenge charge
    chant chide chime cite claim comment complain concede conclude condemn confess confirm
    contend continue counter credit criticise criticize cry decide declare decry defend demand
    denounce deny describe disagree disclose dismiss dispute echo emphasise emphasize estimate
    exclaim explain gush hail highlight hint hope implore imply indicate inform insist
    instruct interject invoke joke label lament laugh lecture marvel mock mourn muse mutter
    note object observe offer opine order plead pledge post predict press proclaim promise
    pronounce propose protest question quip quote rail rant reason rebuke rebut recall recount
    reflect refer reiterate reject release remark remind repeat reply report respond retort
    reveal scoff
    scold scream shout sigh slam sneer snap state stress suggest summarise summarize tease
    testify thank threaten tout tweet urge vent vow warn welcome whisper wonder worry yell""")
# Forms rule cannot give: lemma -> (third person, past, -ing).
_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing"),
    "think": ("thinks", "thought", "thinking"),
    "believe": ("believes", "believed", "believing"),
    "shoot back": ("shoots back", "shot back", "shooting back"),
    "fire back": ("fires back", "fired back", "firing back"),
    "point out": ("points out", "pointed out", "pointing out"),
    "chime in": ("chimes in", "chimed in", "chiming in"),
    "go on": ("goes on", "went on", "going on"),
    "put it": ("puts it", "put it", "putting it"),
    "swear": ("swears", "swore", "swearing"),
    "forecast": ("forecasts", "forecast", "forecasting"),
}
# Lemmas whose plain and -s forms are mostly nouns in news copy ("the state", "his posts"):
# only their past and -ing forms report speech.
_NOUN_LIKE = word_set("offer order post object reason press")
# Lemmas common enough as plain present forms after a plural subject ("critics say").
_PLAIN_FORMS = word_set("say tell argue insist warn claim note add agree believe think")
# Past forms of regular lemmas that double their last consonant.
_DOUBLING = word_set("admit quip refer rebut regret snap slam chat plan commit rip dub")


def _forms(lemma: str) -> tuple[str, str, str]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma in _DOUBLING:
        stem = lemma + lemma[-1]
        return third, stem + "ed", stem + "ing"
    if lemma.endswith("e"):
        return third, lemma + "d", (lemma if lemma.endswith("ee") else lemma[:-1]) + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return third, lemma[:-1] + "ied", lemma + "ing"
    return third, lemma + "ed", lemma + "ing"


def _inflected() -> tuple[frozenset[str], frozenset[str]]:
    finite: set[str] = set()
    participles: set[str] = set()
    for lemma in (*_REGULAR, *_IRREGULAR):
        third, past, ing = _forms(lemma)
        finite.add(past)
        if lemma not in _NOUN_LIKE:
            finite.add(third)
        if lemma in _PLAIN_FORMS:
            finite.add(lemma)
        participles.add(ing)
    return frozenset(finite), frozenset(participles)


FINITE, PARTICIPLES = _inflected()
"""Finite forms ("says", "said", "accuse", "accused") and -ing forms ("adding", "calling"): an
-ing form takes the subject of its main clause ("Reed left, adding: …")."""
