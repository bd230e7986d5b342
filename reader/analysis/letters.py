"""The capital letter of the name patterns.

Python's ``re`` has no ``\\p{Lu}``; names in news copy are often Latin-extended or Cyrillic
("Łukasz", "Émilie", "Зеленський"). Spelled out letter by letter, the exact class of capitals is
833 characters long, and the name patterns that hold it took most of the time the command line
needs to start. The class below is exact up to Latin-1 and takes any letter beyond it; a run
found with it is checked letter by letter where it becomes a name (``names.parse_name``), and
single letters are tested with ``str.isupper`` / ``str.islower``.
"""

from __future__ import annotations

CAPITAL = r"(?:[A-ZÀ-ÖØ-Þ]|[^\W\d_\x00-\xff])"
"""A capital letter in name patterns: exact up to Latin-1, any letter beyond it ("Ł", "З",
and also "ł"). A whole expression, not a class body: write ``{CAPITAL}``, not ``[{CAPITAL}]``."""
