"""Turning a fact into a phrase about its person, in the third or second person:
the one place that knows whether a fact's first word is a verb (the initiative
drafts and the connector's reasons both ask here).

People write facts both ways: an offer as a noun ("grant writing") or as what
the person does ("writes grant applications", "can lend a van"); a goal as a
thing ("a second food pantry") or as an action ("open a second food pantry").
A small, predictable word list tells the two apart, so a reason reads
"offers grant writing" or "writes grant applications", and a draft says
"you write grant applications" — never "offers writes ...".
"""

from amity.people.models import FactKind

AUXILIARIES = {"can": "can", "could": "could", "will": "will", "would": "would", "may": "may",
               "might": "might", "is": "are", "was": "were", "has": "have", "had": "had",
               "does": "do", "did": "did", "used": "used",
               # Bare forms people also write: "have a van", "know journalists".
               "have": "have", "know": "know"}
_VERBS = """
act advise analyse analyze apply bake book bring build buy care chair change coach code complete
compost connect consult cook coordinate counsel create deliver design develop do donate double
draft draw drive edit end establish expand facilitate farm film find finish fix form fund garden get
give grow help hire host improve increase interpret introduce join keep know launch lead learn
lend make manage map meet mend mentor moderate move offer open organise organize own paint pass
photograph plan play print program protect provide publish raise reach read recruit reduce
register rent repair research restore retire review run save scale secure sell set sew share
sing sit speak sponsor start stop store study support take teach train translate travel turn
tutor visit volunteer win work write
"""
VERBS = frozenset(_VERBS.split())
# After these, "maps", "books" or "prints" are nouns: "maps of the north side".
NOUN_NEXT = frozenset({"", "of", "and", "or", "from", "by"})


def lower_first(text: str) -> str:
    """"Grant writing" -> "grant writing", "A seed library" -> "a seed library";
    "NGO law" and "I ..." stay as they are."""
    text = " ".join(text.split())
    first = text.split(" ", 1)[0] if text else ""
    if first and first != "I" and first[0].isupper() and (len(first) == 1
                                                          or first[1:].islower()):
        return text[0].lower() + text[1:]
    return text


def verb_base(word: str, following: str = "") -> str | None:
    """"writes" -> "write", "teaches" -> "teach", "carries" -> "carry"; None if not a verb."""
    if word in AUXILIARIES:
        return AUXILIARIES[word]
    if following.split(" ", 1)[0].lower() in NOUN_NEXT:
        return None
    if word.endswith("ies") and word[:-3] + "y" in VERBS:
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2] in VERBS:
        return word[:-2]
    if word.endswith("s") and word[:-1] in VERBS:
        return word[:-1]
    return None


def _split(text: str) -> tuple[str, str]:
    text = lower_first(text)
    first, _, rest = text.partition(" ")
    return first, rest


def about(kind: str, text: str) -> str:
    """The third person, after a name: "offers grant writing", "wants to open ..."."""
    text = lower_first(text)
    first, rest = _split(text)
    if kind == FactKind.OFFER:
        return text if verb_base(first.lower(), rest) else f"offers {text}"
    if kind == FactKind.GOAL:
        if first.lower() == "to" and rest:
            return f"wants {text}"
        return f"wants to {text}" if first.lower() in VERBS else f"is working towards {text}"
    if kind == FactKind.VALUE:
        return f"values {text}"
    return f"cares about {text}"


def to_you(kind: str, text: str) -> str:
    """The second person, for a message: "you write grant applications"."""
    text = lower_first(text)
    first, rest = _split(text)
    if kind == FactKind.OFFER:
        base = verb_base(first.lower(), rest)
        if base:
            return f"you {base} {rest}".rstrip()
        return f"you offer {text}"
    if kind == FactKind.GOAL:
        if first.lower() == "to" and rest:
            return f"you want {text}"
        return (f"you want to {text}" if first.lower() in VERBS
                else f"you are working towards {text}")
    if kind == FactKind.VALUE:
        return f"you value {text}"
    return f"you care about {text}"
