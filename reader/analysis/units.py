"""Units of measure after a number: "256GB", "500 mg", "120Hz", "100km/hr", "3 yards",
"a 16-meter mirror", "24703m2", "-1e-3 W/min".

``UNIT_AFTER`` matches a unit right after a number: written against it ("500mg"), after a
space ("500 mg") or a hyphen ("16-meter"); a unit may be divided by another ("km/hr", "W/min",
"kg/cm³") and carry a power ("m2", "km²"). ``unit_name`` gives the unit's usual written form
("kilometres per hour" -> "km/h"), so one unit reads the same however the copy spells it.

Symbols that are also words or letters on their own ("in", "t", "h", "s", "mi", "L") count only
where they cannot be read otherwise: "12 ft 2 in" but not "2 in the morning"; "100t" but not
"100 t". "m" (metres or millions) and "pc" (per cent) are decided by the figure finder.
"""

from __future__ import annotations

import re

from reader.analysis.pattern_cache import regex
from reader.analysis.wordtrie import trie_pattern

# Written form -> canonical name. Symbols are case-sensitive ("mW" is not "MW", "Mb" not "MB").
_SYMBOLS = {
    # length and area
    "mm": "mm", "cm": "cm", "km": "km", "nm": "nm", "µm": "µm", "ft": "ft", "yd": "yd",
    "yds": "yd", "m2": "m²", "m²": "m²", "km2": "km²", "km²": "km²", "cm2": "cm²", "cm²": "cm²",
    "sq ft": "sq ft", "sq m": "m²", "sq km": "km²", "sq mi": "sq mi", "ha": "ha",
    "m3": "m³", "m³": "m³", "cm3": "cm³", "cm³": "cm³",
    # volume
    "ml": "ml", "mL": "ml", "cl": "cl", "dl": "dl", "cc": "cc", "fl oz": "fl oz",
    # mass
    "mg": "mg", "kg": "kg", "g": "g", "mcg": "µg", "µg": "µg", "lb": "lb", "lbs": "lb",
    "oz": "oz", "kt": "kt", "Mt": "Mt", "Gt": "Gt",
    # speed
    "mph": "mph", "kph": "km/h", "kmph": "km/h", "km/h": "km/h", "km/hr": "km/h", "kmh": "km/h",
    "m/s": "m/s", "km/s": "km/s",
    # power, energy, electricity
    "W": "W", "kW": "kW", "MW": "MW", "GW": "GW", "TW": "TW", "Wh": "Wh", "kWh": "kWh",
    "MWh": "MWh", "GWh": "GWh", "TWh": "TWh", "kJ": "kJ", "MJ": "MJ", "kcal": "kcal",
    "cal": "cal", "V": "V", "kV": "kV", "mV": "mV", "mAh": "mAh", "hp": "hp", "bhp": "bhp",
    "TeV": "TeV", "GeV": "GeV", "MeV": "MeV", "keV": "keV", "eV": "eV",
    # frequency, data
    "Hz": "Hz", "kHz": "kHz", "MHz": "MHz", "GHz": "GHz", "KB": "KB", "kB": "KB", "MB": "MB",
    "GB": "GB", "TB": "TB", "PB": "PB", "Kb": "Kb", "Mb": "Mb", "Gb": "Gb", "kbps": "kbps",
    "Mbps": "Mbps", "Gbps": "Gbps", "Mb/s": "Mbps", "Gb/s": "Gbps", "MB/s": "MB/s",
    "GB/s": "GB/s",
    # other
    "ppm": "ppm", "ppb": "ppb", "dB": "dB", "rad": "rad", "mmHg": "mmHg", "hPa": "hPa",
    "mbar": "mbar", "psi": "psi", "°": "°", "°C": "°C", "°F": "°F",
    "min": "min", "mins": "min", "hr": "h", "hrs": "h", "sec": "s", "secs": "s", "ms": "ms",
}
# Symbols only written against the number ("100t", "24h", "10s" is a decade, so not "s").
_ATTACHED_ONLY = {"t": "t", "h": "h", "L": "l", "l": "l", "G": "G", "x": "times", "MP": "MP",
                  # geological time: "4.5Ga", "66Ma"
                  "Ga": "Ga", "Ma": "Ma"}
# Symbols only after another unit of the same measure: "12 ft 2 in".
_WORDS = {
    "yard": "yards", "yards": "yards", "metre": "metres", "metres": "metres", "meter": "metres",
    "meters": "metres", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "centimetre": "cm", "centimetres": "cm", "centimeter": "cm",
    "centimeters": "cm", "millimetre": "mm", "millimetres": "mm", "millimeter": "mm",
    "millimeters": "mm", "nanometre": "nm", "nanometres": "nm", "nanometer": "nm",
    "nanometers": "nm", "mile": "miles", "miles": "miles", "inch": "inches", "inches": "inches",
    "foot": "feet", "feet": "feet", "kilogram": "kg", "kilograms": "kg", "kilo": "kg",
    "kilos": "kg", "gram": "g", "grams": "g", "gramme": "g", "grammes": "g",
    "milligram": "mg", "milligrams": "mg", "microgram": "µg", "micrograms": "µg",
    "tonne": "tonnes", "tonnes": "tonnes", "ton": "tons", "tons": "tons",
    "metric ton": "tonnes", "metric tons": "tonnes", "ounce": "ounces", "ounces": "ounces",
    "litre": "litres", "litres": "litres", "liter": "litres", "liters": "litres",
    "millilitre": "ml", "millilitres": "ml", "milliliter": "ml", "milliliters": "ml",
    "gallon": "gallons", "gallons": "gallons", "pint": "pints", "pints": "pints",
    "barrel": "barrels", "barrels": "barrels", "cup": "cups", "cups": "cups",
    "tablespoon": "tablespoons", "tablespoons": "tablespoons", "tbsp": "tbsp",
    "teaspoon": "teaspoons", "teaspoons": "teaspoons", "tsp": "tsp",
    "acre": "acres", "acres": "acres", "hectare": "hectares", "hectares": "hectares",
    "degree": "degrees", "degrees": "degrees", "degrees Celsius": "°C",
    "degrees Fahrenheit": "°F", "degree Celsius": "°C", "degree Fahrenheit": "°F",
    "watt": "W", "watts": "W", "kilowatt": "kW", "kilowatts": "kW", "megawatt": "MW",
    "megawatts": "MW", "gigawatt": "GW", "gigawatts": "GW", "kilowatt-hour": "kWh",
    "kilowatt-hours": "kWh", "kilowatt hours": "kWh", "megawatt-hours": "MWh",
    "megawatt hours": "MWh", "volt": "V", "volts": "V", "horsepower": "hp",
    "calorie": "calories", "calories": "calories", "kilocalories": "kcal", "joules": "J",
    "hertz": "Hz", "megahertz": "MHz", "gigahertz": "GHz", "byte": "bytes", "bytes": "bytes",
    "kilobytes": "KB", "megabytes": "MB", "gigabytes": "GB", "terabytes": "TB",
    "petabytes": "PB", "exabytes": "EB", "knot": "knots", "knots": "knots",
    "decibel": "dB", "decibels": "dB", "carat": "carats", "carats": "carats",
    "megapixels": "MP", "light years": "light years", "light-years": "light years",
    "nautical miles": "nautical miles",
    "miles per hour": "mph", "kilometres per hour": "km/h", "kilometers per hour": "km/h",
    "metres per second": "m/s", "meters per second": "m/s",
}
_SQUARE = regex(r"(?:square|cubic)[^\S\n]+")
_CANONICAL = {**_SYMBOLS, **_ATTACHED_ONLY, **_WORDS}
_SPACED = trie_pattern([*_SYMBOLS, *_WORDS])
_ANY = trie_pattern([*_SYMBOLS, *_ATTACHED_ONLY, *_WORDS])
_PER = trie_pattern(["s", "h", "hr", "min", "m", "km", "kg", "cm³", "cm2", "cm²", "m²", "m2",
                     "l", "L", "day", "year", "s2", "s²", "h2"])
# A unit ends where a word would: not before a letter, digit or another "/".
_END = r"(?![\w/])"
UNIT_AFTER = regex(
    # written against the number, any unit
    rf"(?P<attached>(?:(?:square|cubic)[^\S\n]+)?{_ANY})(?:/(?P<per>{_PER}))?{_END}"
    # after a space or a hyphen, the units that cannot be read as a word
    rf"|(?:[^\S\n]+|-)(?P<spaced>(?:(?:square|cubic)[^\S\n]+)?{_SPACED})"
    rf"(?:/(?P<per2>{_PER}))?{_END}"
)
# "12 ft 2 in", "5 feet and 2 inches", "6ft 2in", "5-foot-11": a length in two units.
INCHES_AFTER = regex(
    r"(?:[^\S\n]+and)?[^\S\n]*(?P<inches>\d{1,2}(?:\.\d+)?)[^\S\n]*(?:in|inches|inch|\")(?![\w/])"
    r"|-(?P<hyphened>\d{1,2})(?!\d|[.,]\d|-\w)"  # "5-foot-11"
)


# The first word of every unit, for a quick test before the pattern runs.
UNIT_FIRST_WORDS = frozenset(
    [*(w.split()[0].split("/")[0] for w in (*_SYMBOLS, *_ATTACHED_ONLY, *_WORDS)),
     "square", "cubic"])


def unit_name(match: re.Match[str]) -> str:
    """The canonical name of the unit ``UNIT_AFTER`` matched."""
    written = match.group("attached") or match.group("spaced")
    square = _SQUARE.match(written)
    prefix = ""
    if square is not None:
        prefix = "square " if written.startswith("square") else "cubic "
        written = written[square.end():]
    name = prefix + _CANONICAL.get(written, written)
    per = match.group("per") or match.group("per2")
    if per:
        name = f"{name}/{'h' if per == 'hr' else per}"
        if name in ("km/h", "km/hr"):
            name = "km/h"
    return name
