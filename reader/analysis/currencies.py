"""Money around a number: symbols and codes before it ("$", "S$", "USD 200", "INR1 trillion",
"MAUD 60"), currency words, codes and symbols after it ("3 billion euros", "115USD", "15€",
"100元", "30 MUSD"), minor units ("19 cents", "85p") and amounts in two units ("15 dollars
50", "thirteen dollars and forty-five cents").

A minor unit keeps the number as written: "19 cents" is 19 with the unit "cent"; the amount
in the main unit (0.19 USD) is the figure's ``normalised`` value.
"""

from __future__ import annotations

import re

from reader.analysis.numbers_in_words import WORD_NUMBER, read_word_number
from reader.analysis.pattern_cache import regex
from reader.analysis.wordtrie import word_set

SYMBOLS = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "C$": "CAD", "A$": "AUD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "R$": "BRL", "£": "GBP", "€": "EUR", "¥": "JPY", "₴": "UAH",
    "₽": "RUB", "₹": "INR", "₩": "KRW", "₺": "TRY", "₪": "ILS", "₦": "NGN", "₱": "PHP",
    "₫": "VND", "₿": "BTC", "元": "CNY", "円": "JPY",
}
SYMBOLS_FIRST = frozenset("$£€¥₴₽₹₩₺₪₦₱₫₿")
CODES = word_set(
    "USD EUR GBP JPY CNY RMB UAH RUB INR CHF CAD AUD NZD HKD SGD BRL MXN ZAR TRY PLN SEK NOK DKK "
    "ILS KRW NGN KES EGP SAR AED QAR CZK HUF RON BGN"
)
_CODE_ALTERNATIVES = "|".join(sorted(CODES))
CURRENCY_BEFORE = regex(
    r"(?:(?P<symbol>(?:US|U\.S\.|C|A|NZ|HK|S|R)?\$|[£€¥₴₽₹₩₺₪₦₱₫₿])"
    rf"|\b(?P<mcode>M(?:{_CODE_ALTERNATIVES}))[ \t\u00a0]?"
    rf"|\b(?P<code>{_CODE_ALTERNATIVES}|Rs\.?)[ \t\u00a0]?)$"
)
WORDS = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "rupee": "INR", "rouble": "RUB",
    "ruble": "RUB", "hryvnia": "UAH", "hryvnya": "UAH", "franc": "CHF", "zloty": "PLN",
    "peso": "MXN", "lira": "TRY", "shekel": "ILS", "rand": "ZAR", "naira": "NGN", "won": "KRW",
    "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "rupiah": "IDR",
    "ringgit": "MYR", "dirham": "AED", "riyal": "SAR", "dinar": "KWD", "bitcoin": "BTC",
    "drachma": "GRD",
}
_DOLLAR_COUNTRIES = {
    "us": "USD", "u.s.": "USD", "canadian": "CAD", "australian": "AUD", "new zealand": "NZD",
    "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD",
}
CURRENCY_AFTER = regex(
    r"[^\S\n]+(?:(?P<country>US|U\.S\.|[Uu]s|Canadian|Australian|New[^\S\n]+Zealand|"
    r"Hong[^\S\n]+Kong|Singapore|Taiwan)[^\S\n]+)?(?P<word>dollars?|euros?|"
    r"pounds?(?:[^\S\n]+sterling)?|sterling|yen|yuan|renminbi|rupees?|roubles?|rubles?|"
    r"hryvnias?|hryvnyas?|francs?|zlotys?|pesos?|liras?|shekels?|rand|naira|won|kronor|krona|"
    r"kroner|krone|rupiah|ringgit|dirhams?|riyals?|dinars?|bitcoins?|drachmas?)\b"
    # "a one-yen bid", "a 10-dollar bill"
    r"|-(?P<hword>dollar|euro|yen|yuan|rupee|peso)\b"
    # "75 USD", "115USD", "500 usd", "30 MUSD"
    rf"|[^\S\n]*(?P<code>{_CODE_ALTERNATIVES})\b|[^\S\n]+(?P<lower>usd|eur|gbp|rmb)\b"
    rf"|[^\S\n]+(?P<mcode>M(?:{_CODE_ALTERNATIVES}))\b"
    # "15€", "100元"
    r"|(?P<symbol>[€元円₽₴₺₹£])"
)
# "75 USD million": a scale after the currency.
SCALE_AFTER_CODE = regex(r"[^\S\n]+(?P<scale>thousand|million|billion|trillion)\b")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Money in minor units: "62 cents", "40p", "75 pence", "one penny".
MINOR_AFTER = regex(r"[^\S\n]*(?P<unit>(?:cents?|pence|pennies|penny)\b|p\b(?!\.[a-zA-Z]))")
# "15 dollars 50", "17 USD 25", "3 dollars and 50 cents": cents after the main unit.
_MINOR_DIGITS_AFTER = regex(
    r"[^\S\n]+(?:and[^\S\n]+)?(?P<minor>\d{1,2})(?!\d|[.,]\d)"
    r"(?P<unit>[^\S\n]*(?:cents?|pence|p)\b)?"
)
_MINOR_WORDS_AFTER = regex(
    rf"[^\S\n]+(?:and[^\S\n]+)?(?P<minor>{WORD_NUMBER})(?P<unit>[^\S\n]+(?:cents?|pence)\b)?"
)
_END_OF_AMOUNT = regex(r"[^\S\n]*(?:[.,;:!?)]|$)", re.MULTILINE)


def code_of(match: re.Match[str]) -> str:
    """The ISO code a ``CURRENCY_AFTER`` match names."""
    if match.group("code"):
        return match.group("code").replace("RMB", "CNY")
    if match.group("lower"):
        return match.group("lower").upper().replace("RMB", "CNY")
    if match.group("mcode"):
        return match.group("mcode")[1:]
    if match.group("symbol"):
        return SYMBOLS[match.group("symbol")]
    word = (match.group("word") or match.group("hword")).lower().split()[0]
    if word.startswith("dollar") and match.group("country"):
        return _DOLLAR_COUNTRIES.get(re.sub(r"\s+", " ", match.group("country").lower()), "USD")
    singular = word[:-1] if word.endswith("s") and word[:-1] in WORDS else word
    return WORDS.get(singular, "USD")


def scale_of(match: re.Match[str]) -> float:
    """The multiplier a currency written with a scale carries: "MUSD" is millions."""
    return 1e6 if match.group("mcode") else 1.0


def currency_before(text: str, start: int, floor: int) -> tuple[str | None, int, float]:
    """The currency written before a number starting at ``start``: (ISO code or None, where
    the currency starts, its scale: "MAUD 60" is 60 million)."""
    if start <= floor:
        return None, start, 1.0
    before = text[start - 1]
    if before not in SYMBOLS_FIRST and not (
            (before in " \u00a0" and start - 2 >= floor
             and (text[start - 2].isupper() or text[start - 2] in "s."))
            or before.isupper()):
        return None, start, 1.0
    found = CURRENCY_BEFORE.search(text, max(floor, start - 6), start)
    if found is None:
        return None, start, 1.0
    if found.group("symbol"):
        return SYMBOLS.get(found.group("symbol"), "USD"), found.start(), 1.0
    if found.group("mcode"):
        return found.group("mcode")[1:], found.start(), 1e6
    code = found.group("code")
    return ("INR" if code.startswith("Rs") else code.replace("RMB", "CNY")), found.start(), 1.0


def minor_amount(text: str, end: int, limit: int) -> tuple[int, float] | None:
    """Cents written after an amount in the main unit ("15 dollars 50", "thirteen dollars and
    forty-five cents"): (where they end, their number), when nothing but punctuation or the
    end of the line follows, so "15 dollars and 50 more staff" keeps its two figures."""
    digits = _MINOR_DIGITS_AFTER.match(text, end, limit)
    if digits is not None:
        stop = digits.end()
        if digits.group("unit") or _END_OF_AMOUNT.match(text, stop, limit):
            return stop, float(digits.group("minor"))
        return None
    if end + 1 < limit and text[end + 1].isalpha():
        words = _MINOR_WORDS_AFTER.match(text, end, limit)
        if words is not None:
            read = read_word_number(words.group("minor"))
            if read is not None and read[0] < 100 and read[1] == len(words.group("minor")):
                stop = words.end()
                if words.group("unit") or _END_OF_AMOUNT.match(text, stop, limit):
                    return stop, read[0]
    return None


def scaled_by_code(text: str, end: int, limit: int) -> tuple[int, float]:
    """A scale word after a currency code ("75 USD million"): (new end, multiplier)."""
    found = SCALE_AFTER_CODE.match(text, end, limit)
    if found is None:
        return end, 1.0
    return found.end(), _SCALES[found.group("scale")]
