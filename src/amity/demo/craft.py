"""Planning the relationship craft of a demo network, on top of ``demo.plan``.

Who knows whom (mostly colleagues and neighbours), what was given and asked,
introductions in every state of the consent-first workflow, a few initiatives
with needs, participants and personal invitations, events past and coming,
goals and a focus list of three, and a handful of stages pinned by hand.

Everything is drawn from the planner's random stream, by plan index, like the
rest of the plan. The journey tiers (``plan.NOTICED`` … ``plan.TRUSTED``)
decide who may take part in what, so that each stage's evidence stays true:
nobody only noticed is anyone's acquaintance, nothing is given to someone
merely connected, nobody merely at rapport has given you anything.
"""

from datetime import timedelta

from amity.demo import craft_words as W
from amity.demo import vocabulary as V
from amity.demo.plan import MINUTES
from amity.demo.tiers import CONNECTED, FIRST, LISTENING, MUTUAL, RAPPORT, TRUSTED
from amity.journey.stages import Stage

STEPS = ("suggested", "asked_a", "a_agreed", "asked_b", "b_agreed", "introduced")
# (status, outcome, declined by): each state once first, so a small demo shows them all.
INTRO_CYCLE = (
    ("introduced", "helped", ""), ("suggested", "", ""), ("asked_a", "", ""),
    ("a_agreed", "", ""), ("asked_b", "", ""), ("b_agreed", "", ""),
    ("introduced", "met", ""), ("introduced", "nothing", ""), ("introduced", "", ""),
    ("declined", "", "a"), ("declined", "", "b"),
)
INTRO_MORE = INTRO_CYCLE + (("suggested", "", ""), ("introduced", "met", "")) * 2
# What moves an open introduction on, as the connector's workflow sets it:
# (action, days until due, whose follow-up it is).
FOLLOW_UPS = {
    "suggested": ("Ask {a} if they would like to meet {b}", 2, "a"),
    "asked_a": ("Hear back from {a} about meeting {b}", 3, "a"),
    "a_agreed": ("Ask {b} if they would like to meet {a}", 2, "b"),
    "asked_b": ("Hear back from {b} about meeting {a}", 3, "b"),
    "b_agreed": ("Send {a} and {b} the introduction", 1, "a"),
    "introduced": ("Ask {a} whether they and {b} have met", 14, "a"),
}
OUTCOME_LABELS = {"met": "they met", "helped": "it helped", "nothing": "nothing came of it"}
PEOPLE_PER_INTRODUCTION = 250
EVENING = 18 * 60 + 30
# Stages pinned by hand: the tier whose person gets it, and the pin.
PINS = ((LISTENING, Stage.CONNECTED), (CONNECTED, Stage.RAPPORT), (RAPPORT, Stage.TRUSTED),
        (TRUSTED, Stage.COLLABORATING), (FIRST, Stage.LISTENING))


def recent_event_days() -> int:
    return -W.EVENTS[W.RECENT_EVENT][2]


def _draw(p, pool, count: int, taken=()) -> list:
    """Up to ``count`` different members of ``pool`` not in ``taken``, at random."""
    if count <= 0 or not pool:
        return []
    seen = set(taken)
    if len(pool) <= 4 * count + len(seen):  # a small pool: take them all into account
        left = [item for item in pool if item not in seen]
        p.rng.shuffle(left)
        return left[:count]
    chosen: list = []
    random = p.rng.random
    for _ in range(count * 8):
        item = pool[int(random() * len(pool))]
        if item not in seen:
            seen.add(item)
            chosen.append(item)
            if len(chosen) == count:
                break
    return chosen


def _people(p, least: int, most: int = TRUSTED) -> list[int]:
    """Everyone from tier ``least`` to ``most``, in plan order (kept: read-only)."""
    pools = p.__dict__.setdefault("_pools", {})
    if (least, most) not in pools:
        tiers = p.tiers
        pools[least, most] = [i for i in range(p.n) if least <= tiers[i] <= most]
    return pools[least, most]


# -- the past week's event: it comes first, it has conversations of its own ---------

def recent_event(p, starts) -> list[tuple[int, int, bool]]:
    """People met at the past week's event: the new ones (their one conversation
    is that evening) and a few you knew already (one more conversation each).
    Returns (person, conversation, is new)."""
    plan = p.plan
    name = W.EVENTS[W.RECENT_EVENT][0]
    days = recent_event_days()
    day = plan.today - timedelta(days=days)
    summary, notes = W.EVENT_CONVERSATION
    gathered = []
    for i in p.met_at_event:
        c = starts[i]
        plan.conv_minute[c] = EVENING
        p.latest[i] = (EVENING - days * 1440, c)
        first = plan.call_names[i]
        plan.conv_text[c] = ("event", summary.format(first=first, event=name),
                             notes.format(first=first, event=name))
        person = plan.people[i]
        person["met_where"], person["met_event"], person["met_on"] = f"the {name}", name, day
        gathered.append((i, c, True))
    known = _draw(p, _people(p, CONNECTED), 3 + min(12, p.n // 8000))
    for i in known:
        first = plan.call_names[i]
        c = p.extra_conversation(i, days, EVENING, MUTUAL, (
            "event", summary.format(first=first, event=name),
            notes.format(first=first, event=name)))
        gathered.append((i, c, False))
    return gathered


def plan_craft(p, starts, counts, gathered) -> None:
    """Everything after the facts and follow-ups, in a fixed order."""
    from amity.demo import asking, together

    interests = _interests(p.plan)
    pairs = relationships(p)
    introductions(p, pairs, interests)
    together.initiatives(p, interests)
    ledger(p, starts, counts)
    together.events(p, gathered)
    together.goals_and_focus(p)
    stage_pins(p)
    asking.asked_questions(p.plan)


def _interests(plan) -> dict[int, list[str]]:
    """Each person's interests and values: what a reason or a message can refer to."""
    found: dict[int, list[str]] = {}
    for fact in plan.facts:
        if fact[1] in ("interest", "value"):
            found.setdefault(fact[0], []).append(fact[2])
    return found


# -- who knows whom ----------------------------------------------------------------------

def relationships(p) -> set[tuple[int, int]]:
    """About one edge and a half per person from connected up, to colleagues,
    neighbours or someone met elsewhere; never to a first contact or someone
    only noticed. Returns the pairs (low index first)."""
    plan, tiers, n = p.plan, p.tiers, p.n
    random, pick = p.rng.random, p.pick
    orgs: dict[int, list[int]] = {}
    org_of: dict[int, int] = {}
    for i, o, _, _, _, end in plan.affiliations:
        if end is None and tiers[i] >= LISTENING:
            orgs.setdefault(o, []).append(i)
            org_of.setdefault(i, o)
    places: dict[str, list[int]] = {}
    for i, person in enumerate(plan.people):
        if person["location"] and tiers[i] >= LISTENING:
            places.setdefault(person["location"], []).append(i)
    pairs: set[tuple[int, int]] = set()
    if n < 2:
        return pairs
    for i in range(n):
        tier = tiers[i]
        if tier < CONNECTED:
            continue
        want = (1, 1 + (random() < 0.5), 2 + (random() < 0.3))[tier - CONNECTED]
        for _ in range(want):
            for _attempt in range(3):
                roll = random()
                colleagues = orgs.get(org_of.get(i, -1), ())
                neighbours = places.get(plan.people[i]["location"], ())
                if roll < 0.55 and len(colleagues) > 1:
                    j, words = pick(colleagues), W.COLLEAGUES
                elif roll < 0.85 and len(neighbours) > 1:
                    j, words = pick(neighbours), W.NEIGHBOURS
                else:
                    j, words = (i + 1 + int(random() * min(n - 1, 400))) % n, W.ELSEWHERE
                key = (i, j) if i < j else (j, i)
                if j == i or tiers[j] < LISTENING or key in pairs:
                    continue
                pairs.add(key)
                kind, strength, notes = pick(words)
                created = plan.moment(30 + int(random() * 900), pick(MINUTES))
                plan.relationships.append((*key, kind, strength, notes, None, created))
                break
    return pairs


# -- introductions --------------------------------------------------------------------------

def introductions(p, pairs: set, interests: dict[int, list[str]]) -> None:
    """One introduction per 250 people (each state at least once), between people
    at rapport or beyond whose need and offer meet, left as the connector's
    actions leave them: steps, the follow-up that moves each open one on, and
    for the ones made an edge and a gift in the ledger for each person."""
    plan, pick = p.plan, p.pick
    top = _people(p, RAPPORT)
    if len(top) < 2:
        return
    used: set[tuple[int, int]] = set()

    def taken(key: tuple[int, int]) -> bool:
        return key in pairs or key in used

    for s in range(max(len(INTRO_CYCLE), p.n // PEOPLE_PER_INTRODUCTION)):
        status, outcome, declined_by = INTRO_CYCLE[s] if s < len(INTRO_CYCLE) else pick(
            INTRO_MORE)
        found = _matched_pair(p, taken) or _planted_pair(p, top, taken)
        if found is None:
            return
        a, b, need, offer = found
        used.add((a, b) if a < b else (b, a))
        ca, cb = plan.call_names[a], plan.call_names[b]
        theirs = interests.get(b, ())
        shared = next((what for what in interests.get(a, ()) if what in theirs), None)
        reason = f"{ca} needs {need}; {cb} {offer}" + (
            f"; you both care about {shared}." if shared else ".")
        message = "" if status == "suggested" else W.INTRO_MESSAGE.format(
            a=ca, b=cb, need=need, offer=offer,
            shared=W.SHARED_LINE.format(interest=shared) if shared else "")
        x = len(plan.introductions)
        created, days, at = _intro_steps(p, x, a, b, status, declined_by)
        introduced_on = outcome_on = None
        if status == "introduced":
            introduced_on = plan.today - timedelta(days=days)
            pairs.add((a, b) if a < b else (b, a))
            plan.relationships.append((min(a, b), max(a, b), "introduced", 1, "", x, at))
            for one, two in ((a, b), (b, a)):
                plan.ledger.append((one, "to_them", "introduction", W.INTRODUCED_ENTRY.format(
                    other=plan.people[two]["display_name"]), introduced_on, x, None, at))
        if outcome:
            days = max(1, days - 7 - int(p.rng.random() * 30))
            outcome_on, at = plan.today - timedelta(days=days), plan.moment(days, pick(MINUTES))
            plan.intro_steps.append((x, "introduced", W.OUTCOME_STEP.format(
                outcome=OUTCOME_LABELS[outcome], note=pick(W.OUTCOME_NOTES[outcome]).format(
                    other=cb)), at))
            if outcome == "helped":
                plan.ledger.append((a, "from_them", "appreciation", W.THANKED_FOR_INTRO.format(
                    first=ca, other=cb), outcome_on, x, None, at))
        follow_up = None
        if status in FOLLOW_UPS and not outcome:
            follow_up = _intro_follow_up(p, a, b, status, days, at)
        plan.introductions.append((a, b, status, outcome, reason, message, declined_by,
                                   follow_up, introduced_on, outcome_on, created, at))


def _intro_steps(p, x: int, a: int, b: int, status: str, declined_by: str):
    """The steps up to ``status``, a few days apart, ending at most today:
    (first step's moment, days ago of the last, last step's moment)."""
    plan, random, pick = p.plan, p.rng.random, p.pick
    steps = list(STEPS[:STEPS.index(status) + 1]) if status != "declined" else [
        *STEPS[:2 if declined_by == "a" else 4], "declined"]
    days = (40 + int(random() * 200) if status == "introduced" else
            15 + int(random() * 80) if status == "declined" else
            3 * len(steps) + int(random() * 15))
    created = at = None
    for n, step in enumerate(steps):
        if n:
            days = max(0, days - 1 - int(random() * 4))
        at = plan.moment(days, pick(MINUTES))
        created = created or at
        if step in ("asked_a", "asked_b"):
            note = pick(W.ASKED_NOTES)
        elif step in ("a_agreed", "b_agreed"):
            note = pick(W.AGREED_NOTES)
        elif step == "introduced":
            note = pick(W.INTRODUCED_NOTES)
        elif step == "declined":
            who = a if declined_by == "a" else b
            note = W.DECLINED_STEP.format(name=plan.people[who]["display_name"],
                                          note=pick(W.DECLINED_NOTES).format(
                                              first=plan.call_names[who]))
        else:
            note = ""
        plan.intro_steps.append((x, step, note, at))
    return created, days, at


def _intro_follow_up(p, a: int, b: int, status: str, days: int, at) -> int:
    """The follow-up the workflow sets on reaching ``status``, due a few days on."""
    plan = p.plan
    words, due_in, whose = FOLLOW_UPS[status]
    action = words.format(a=plan.call_names[a], b=plan.call_names[b])
    plan.follow_ups.append((b if whose == "b" else a, None, action,
                            plan.today - timedelta(days=days - due_in), None, 0, at))
    return len(plan.follow_ups) - 1


def _matched_pair(p, taken):
    """A need and an offer of the same topic, both people at rapport or beyond."""
    plan, tiers, random = p.plan, p.tiers, p.rng.random
    topics = len(V.NEEDS_AND_OFFERS)
    for _ in range(40):
        t = int(random() * topics)
        needs, offers = plan.needs_by_topic[t], plan.offers_by_topic[t]
        if not needs or not offers:
            continue
        a, need = needs[int(random() * len(needs))]
        b, offer = offers[int(random() * len(offers))]
        key = (a, b) if a < b else (b, a)
        if a != b and tiers[a] >= RAPPORT and tiers[b] >= RAPPORT and not taken(key):
            return a, b, need, offer
    return None


def _planted_pair(p, top: list[int], taken):
    """In a small network, two people who do not know each other yet, given a
    need and an offer that meet (as facts, so the reason stays true)."""
    plan, random = p.plan, p.rng.random
    for _ in range(40):
        a, b = top[int(random() * len(top))], top[int(random() * len(top))]
        if a == b or taken((a, b) if a < b else (b, a)):
            continue
        t = int(random() * len(V.NEEDS_AND_OFFERS))
        _, needs, offers = V.NEEDS_AND_OFFERS[t]
        need, offer = p.pick(needs), p.pick(offers)
        days = 60 + int(random() * 200)
        learned, created = plan.today - timedelta(days=days), plan.moment(days, 12 * 60)
        plan.facts.append((a, "need", need, learned, None, None, created))
        plan.facts.append((b, "offer", offer, learned, None, None, created))
        plan.needs_by_topic[t].append((a, need))
        plan.offers_by_topic[t].append((b, offer))
        return a, b, need, offer
    return None


# -- the give-first ledger ------------------------------------------------------------------

def ledger(p, starts, counts) -> None:
    """Gives, things received and asks, each on the day of one of the person's
    conversations. Listening and connected people have at most an ask; at
    rapport you have given them something; the trusted give and ask back."""
    plan, tiers = p.plan, p.tiers
    random, pick, names = p.rng.random, p.pick, plan.call_names
    entries = plan.ledger
    for i in range(p.n):
        tier, k = tiers[i], counts[i]
        if tier < LISTENING or not k:
            continue
        gives = received = asks_made = asks_received = 0
        if tier == LISTENING:
            asks_made = random() < 0.1
        elif tier == CONNECTED:
            roll = random()
            asks_made, asks_received = roll < 0.18, 0.18 <= roll < 0.3
        elif tier == RAPPORT:
            gives, asks_made = 1 + (random() < 0.5), random() < 0.25
        else:
            gives, received = 2 + (random() < 0.5), 1 + int(random() * 2)
            asks_made, asks_received = random() < 0.4, random() < 0.4
        first = names[i]
        for direction, kind, text in (
                [("to_them", *pick(W.GIVES)) for _ in range(gives)]
                + [("from_them", *pick(W.RECEIVED)) for _ in range(received)]
                + [("to_them", "ask", pick(W.ASKS_MADE)) for _ in range(asks_made)]
                + [("from_them", "ask", pick(W.ASKS_RECEIVED)) for _ in range(asks_received)]):
            c = starts[i] + int(random() * k)
            days = plan.conv_days[c]
            entries.append((i, direction, kind, text.format(first=first),
                            plan.conversation_day(c), None, None, plan.moment(days, 20 * 60)))


# -- stages pinned by hand --------------------------------------------------------------------

def stage_pins(p) -> None:
    """A handful of people whose stage you set yourself: you know more than the record."""
    plan, tiers, random = p.plan, p.tiers, p.rng.random
    for tier, stage in PINS[:max(0, min(len(PINS), p.n // 10))]:
        for _ in range(50):
            i = int(random() * p.n)
            person = plan.people[i]
            if tiers[i] == tier and not person.get("stage_pin"):
                person["stage_pin"] = stage.value
                person["stage_pinned_at"] = plan.moment(1 + int(random() * 40), p.pick(MINUTES))
                break
