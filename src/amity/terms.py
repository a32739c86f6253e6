"""Words to match on: what the connector and the initiative ranking compare.

``terms("Needs a grant writer for food-security work")`` ->
``{"grant", "writ", "food", "secur"}``: folded (accents and case), split on
anything that is not a letter or digit, stop words dropped, and a light
suffix strip so that "writer" and "writing", "funder" and "funding" meet.
Deliberately simple and predictable; a semantic scorer can replace the scoring
that uses these terms without touching the callers.
"""

import functools
import re

from amity.parsing import fold

_STOP = """
a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each
few for from further get gets getting had has have having he her here hers him his how
i if in into is it its just like looking me more most my need needs new no nor not now
of off on once only or other our out over own really same she should so some someone
something such than that the their them then there these they this those through to
too under until up very want wants was we well were what when where which while who
whom why will with would you your yours us lot lots way ways thing things kind help
helps helping someone people person offer offers offering care cares caring
work works working interested interest interests passionate love loves keen
know knows knew known able make makes making good great one two three four five six
seven eight nine ten first next last year years month months week weeks day days
"""
STOPWORDS = frozenset(_STOP.split())

_WORD = re.compile(r"[^\W_]+")
# Longest first: the first suffix that leaves a stem of four letters or more is
# cut ("spring" stays whole; "writing" becomes "writ"). No "ly": "family" and
# "assembly" are nouns far more often than the adverbs it would help.
_SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "er", "ies", "es", "ed", "ity", "s")


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= (3 if suffix == "s" else 4):
            word = word[: -len(suffix)]
            if suffix == "ies":
                word += "y"
            break
    # "writt" (from "written") and "writ" should meet: collapse a doubled last letter.
    if len(word) > 3 and word[-1] == word[-2]:
        word = word[:-1]
    return word


def terms(text: str) -> frozenset[str]:
    # Plain ASCII only needs lower-casing; fold() (accents) is slow per character.
    folded = (text or "").lower() if (text or "").isascii() else fold(text)
    return frozenset(stem(w) for w in _WORD.findall(folded)
                     if len(w) > 2 and w not in STOPWORDS and not w.isdigit())


def search_prefix(term: str) -> str:
    """The prefix to look a term up by in the full-text index, which holds whole words.

    ``terms()`` turns "communities" into "community", but the indexed words
    "community" and "communities" only share "communit": drop a final "y" so a
    prefix search finds both. A shorter prefix finds more; exact scoring of the
    facts sorts it out.
    """
    return term[:-1] if term.endswith("y") and len(term) > 3 else term
