"""Planning what a demo network does together: initiatives with their needs,
participants and personal invitations; events past and coming; goals and the
focus list. A fixed handful of each, whatever the size of the network, with
people drawn by plan index from the planner's random stream (see ``craft``).
"""

from datetime import timedelta

from amity.demo import craft_words as W
from amity.demo import vocabulary as V
from amity.demo.craft import _draw, _people
from amity.demo.plan import MINUTES
from amity.demo.tiers import FIRST, LISTENING, NOTICED, RAPPORT

TOPIC = {name: t for t, (name, _, _) in enumerate(V.NEEDS_AND_OFFERS)}
# Invitations of each initiative still open to people, in order; the first
# active initiative also has a bland draft (the specificity check warns about
# it), the first one in planning a draft to someone you have only just noticed.
INVITATIONS = ("accepted", "declined", "sent_recent", "sent_old", "no_answer", "drafted")
CLOSED_INVITATIONS = ("accepted", "declined")
MORE_INVITATIONS = ("sent_recent", "accepted", "declined", "drafted")
NO_ANSWER_AFTER_DAYS = 7  # a sent invitation's follow-up is due a week on, as in the app


# -- initiatives ------------------------------------------------------------------------------

def initiatives(p, interests: dict[int, list[str]]) -> None:
    """The initiatives, each with its needs, participants (some of them the same
    core people across initiatives, as in life) and invitations."""
    plan, random = p.plan, p.rng.random
    bland = fresh = True
    core: list[int] = []
    for x, (name, kind, status, start, end, description, needs, roles, topics) in enumerate(
            W.INITIATIVES):
        starts_on = plan.today + timedelta(days=start)
        ends_on = None if end is None else plan.today + timedelta(days=end)
        age = (-start if start < 0 else 0) + 15 + int(random() * 30)  # planned before it began
        plan.initiatives.append((name, kind, description, status, starts_on, ends_on,
                                 plan.moment(age, 10 * 60)))
        plan.needs.extend((x, need_kind, text) for need_kind, text in needs)
        # Who fits: people at rapport or beyond who offer what it needs.
        offers: dict[int, str] = {}
        for topic in topics:
            for i, text in plan.offers_by_topic[TOPIC[topic]]:
                if p.tiers[i] >= RAPPORT:
                    offers.setdefault(i, text)
        fits = list(offers)
        top = _people(p, RAPPORT) if len(fits) < 12 else fits
        size = {"closed": 3, "active": 3 + min(37, p.n // 2500),
                "planning": 2 + min(8, p.n // 10000)}[status]
        members = _draw(p, core, size // 2)
        members += _draw(p, fits, size - len(members), members)
        members += _draw(p, top, size - len(members), members)
        core += [i for i in members if i not in core]
        for m, i in enumerate(members):
            joined = starts_on if start < 0 else plan.today - timedelta(days=age - 1)
            if start < 0 and m:
                joined += timedelta(days=int(random() * min(60, -start)))
            plan.participants.append((x, i, roles[0] if m == 0 else p.pick(roles[1:]), joined))
        wanted = list(CLOSED_INVITATIONS if status == "closed" else INVITATIONS)
        if status != "closed":
            wanted += [MORE_INVITATIONS[j % 4] for j in range(min(12, p.n // 10000))]
            if bland and status == "active":
                wanted.append("drafted_bland")
                bland = False
            if fresh and status == "planning":
                wanted.append("drafted_new")
                fresh = False
        _invite(p, x, wanted, members, offers, top, age, interests)


def _invite(p, x: int, wanted, members, offers, top, age, interests) -> None:
    """Personal invitations to initiative ``x``: accepted ones make participants;
    sent ones are ledger entries; one sent long ago has a follow-up."""
    plan, random, pick = p.plan, p.rng.random, p.pick
    name, _, status, start, _, description, _, roles, _ = W.INITIATIVES[x]
    invited = set(members)
    fits = [i for i in offers if i not in invited]
    listeners = _people(p, LISTENING)
    for how in wanted:
        if how == "drafted_new":
            pool = _people(p, NOTICED, FIRST)
        elif how in ("drafted", "drafted_bland"):
            pool = fits if fits and random() < 0.7 else listeners
        else:
            pool = fits if fits and random() < 0.7 else top
        chosen = _draw(p, pool, 1, invited)
        if not chosen:
            continue
        i = chosen[0]
        invited.add(i)
        first = plan.call_names[i]
        interest = (interests.get(i) or [None])[0]
        if how == "drafted_bland":
            message = W.BLAND_INVITATION
        else:
            remember = (pick(W.REMEMBER).format(interest=interest) if interest
                        else W.REMEMBER_NOTHING)
            fit = W.FIT_OFFER.format(offer=offers[i]) if i in offers else W.FIT_INTEREST
            message = W.INVITATION_MESSAGE.format(first=first, remember=remember,
                                                  initiative=name, description=description,
                                                  fit=fit)
        reason = (f"{first} {offers[i]}" if i in offers else
                  f"{first} cares about {interest}" if interest else
                  W.INVITATION_REASON.format(first=first))
        state = {"sent_recent": "sent", "sent_old": "sent", "no_answer": "no_answer",
                 "accepted": "accepted", "declined": "declined"}.get(how, "drafted")
        sent_on = answered_on = follow_up = None
        if state == "drafted":
            created = plan.moment(int(random() * 5), pick(MINUTES))
        else:
            sent_on, answered_on, follow_up = _sent(p, x, i, how, age)
            created = plan.moment((plan.today - sent_on).days + 1, pick(MINUTES))
        if state == "accepted":
            plan.participants.append((x, i, pick(roles[1:]), answered_on))
        plan.invitations.append((x, i, state, message, reason, sent_on, answered_on,
                                 follow_up, created))


def _sent(p, x: int, i: int, how: str, age: int):
    """A sent invitation as the initiatives' actions leave it: a ledger entry, a
    follow-up a week on (done once answered); (sent_on, answered_on, follow-up)."""
    plan, random = p.plan, p.rng.random
    name, _, status, start, *_ = W.INITIATIVES[x]
    if status == "closed":
        days = -start + 10 + int(random() * 20)
    else:
        days = {"sent_recent": 1 + int(random() * 5), "sent_old": 25 + int(random() * 20),
                "no_answer": 50 + int(random() * 30)}.get(how, 8 + int(random() * 40))
    days = min(days, age - 1)
    sent_on, at = plan.today - timedelta(days=days), plan.moment(days, 11 * 60)
    answered_on = done_at = None
    if how in ("accepted", "declined", "no_answer"):  # no answer is marked after two weeks
        answered = max(0, days - (1 + int(random() * 5) if how != "no_answer" else 14))
        answered_on, done_at = plan.today - timedelta(days=answered), plan.moment(answered,
                                                                               17 * 60)
    plan.ledger.append((i, "to_them", "invitation", W.INVITATION_ENTRY.format(initiative=name),
                        sent_on, None, len(plan.invitations), at))
    plan.follow_ups.append((i, None, W.INVITATION_FOLLOW_UP.format(
        name=plan.people[i]["display_name"], initiative=name),
        sent_on + timedelta(days=NO_ANSWER_AFTER_DAYS), done_at, 0, at))
    return sent_on, answered_on, len(plan.follow_ups) - 1


# -- events -----------------------------------------------------------------------------------

def events(p, gathered) -> None:
    """Past events with people met there (the past week's one with new people
    and follow-ups due in a few days), coming ones with people you expect."""
    plan, random = p.plan, p.rng.random
    extra = min(20, p.n // 5000)
    for e, (name, kind, start, days_long, place, url, notes) in enumerate(W.EVENTS):
        starts_on = plan.today + timedelta(days=start)
        ends_on = starts_on + timedelta(days=days_long - 1) if days_long > 1 else None
        announced = (-start if start < 0 else 0) + 10 + int(random() * 30)
        plan.events.append((name, kind, starts_on, ends_on, place, url, notes,
                            plan.moment(announced, 9 * 60)))
        evening = plan.moment(max(0, -start), 21 * 60)
        if e == W.RECENT_EVENT:
            _met_at_recent_event(p, e, gathered, evening)
            continue
        past = start < 0
        pool = _people(p, LISTENING) if past else list(range(p.n))
        for i in _draw(p, pool, (4 if past else 3) + int(random() * 4) + extra):
            plan.attendances.append((e, i, "met" if past else "expected", False,
                                     p.pick(W.MET_NOTES) if past else "",
                                     evening if past else plan.moment(int(random() * 10),
                                                                      12 * 60)))


def _met_at_recent_event(p, e: int, gathered, evening) -> None:
    plan, random = p.plan, p.rng.random
    name, _, start, _, _, _, _ = W.EVENTS[e]
    said = {fact[0]: fact[2] for fact in plan.facts if fact[0] in p.met_at_event}
    prompted = False
    for n, (i, c, new) in enumerate(gathered):
        notes = said.get(i, "") if new else p.pick(W.MET_NOTES)
        plan.attendances.append((e, i, "met", new, notes, evening))
        # Follow-ups due in a few days, for all but the last new person (the
        # agenda prompts for that one) and the first person you knew already.
        last_new = new and not any(g[2] for g in gathered[n + 1:])
        if (new and not last_new) or (not new and not prompted):
            prompted = prompted or not new
            plan.follow_ups.append((i, c, W.EVENT_FOLLOW_UP.format(
                first=plan.call_names[i], event=name),
                plan.today + timedelta(days=1 + int(random() * 4)), None, 0, evening))


# -- goals and focus ---------------------------------------------------------------------------

def goals_and_focus(p) -> None:
    """The goals, then three people to focus on: each with a need one of your
    people can meet, and the introduction you can offer them."""
    plan, random, tiers = p.plan, p.rng.random, p.tiers
    for title, description, status, due, _ in W.GOALS:
        plan.goals.append((title, description, status, plan.today + timedelta(days=due),
                           plan.moment(120 + int(random() * 60), 9 * 60)))
    chosen: set[int] = set()
    for g, (*_, status, _, topics) in enumerate(W.GOALS):
        if status != "active":
            continue
        for topic in topics:
            needs, offers = plan.needs_by_topic[TOPIC[topic]], plan.offers_by_topic[TOPIC[topic]]
            a = next((i for i, _ in _rotated(p, needs)
                      if tiers[i] >= RAPPORT and i not in chosen), None)
            b = next(((i, text) for i, text in _rotated(p, offers) if i != a), None)
            if a is not None and b is not None and len(chosen) < 3:
                chosen.add(a)
                plan.focus.append((a, g, W.FOCUS_OFFER.format(
                    other=plan.call_names[b[0]], offer=b[1]),
                    plan.moment(1 + int(random() * 20), 9 * 60)))
                break
    for least in (RAPPORT, LISTENING, NOTICED):  # in a tiny network, whoever there is
        for i in _draw(p, _people(p, least), 3 - len(chosen), chosen):
            chosen.add(i)
            plan.focus.append((i, None, p.pick(W.FOCUS_FALLBACK),
                               plan.moment(1 + int(random() * 20), 9 * 60)))


def _rotated(p, items: list) -> list:
    """``items`` from a random place onwards, wrapping round."""
    if not items:
        return items
    k = int(p.rng.random() * len(items))
    return items[k:] + items[:k]
