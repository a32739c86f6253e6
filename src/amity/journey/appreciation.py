"""Appreciation: who to thank, after an introduction that worked out or someone
joining an initiative, until a thank-you is in the ledger.

Three bounded queries whatever the size of the network: the recent
introductions with a good outcome, the recent joiners, and the thank-yous
already given to those people since.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Max

WINDOW_DAYS = 30


@dataclass
class ThankYou:
    person: object      # people.Person
    why: str            # "your introduction to Ben Okafor helped"
    since: date         # when it happened; a thank-you on or after it clears the prompt
    suggestion: str     # the ledger entry a thank-you would record


def thank_you_prompts(workspace, today: date, limit: int = 8) -> list[ThankYou]:
    from amity.connector.models import Introduction, IntroStatus, Outcome
    from amity.exchange.models import Direction, EntryKind, LedgerEntry
    from amity.initiatives.models import Participant

    start = today - timedelta(days=WINDOW_DAYS)
    candidates: list[ThankYou] = []
    intros = (Introduction.objects.in_workspace(workspace)
              .filter(status=IntroStatus.INTRODUCED, outcome__in=[Outcome.MET, Outcome.HELPED],
                      outcome_on__gte=start, outcome_on__lte=today)
              .select_related("person_a", "person_b").order_by("-outcome_on", "-id")[:limit])
    for intro in intros:
        went = "helped" if intro.outcome == Outcome.HELPED else "led to a meeting"
        for person, other in ((intro.person_a, intro.person_b), (intro.person_b, intro.person_a)):
            candidates.append(ThankYou(
                person, f"your introduction to {other.display_name} {went}", intro.outcome_on,
                f"Thanked them for following up the introduction to {other.display_name}"))
    joined = (Participant.objects.in_workspace(workspace)
              .filter(joined_on__gte=start, joined_on__lte=today)
              .select_related("person", "initiative").order_by("-joined_on", "-id")[:limit])
    for participant in joined:
        role = f" as {participant.role}" if participant.role else ""
        candidates.append(ThankYou(
            participant.person, f"joined {participant.initiative.name}{role}",
            participant.joined_on,
            f"Thanked them for joining {participant.initiative.name}"))
    candidates = [c for c in candidates if c.person.archived_at is None]
    if not candidates:
        return []
    # The people come from this workspace's rows: select by person (their index),
    # not by workspace, which would read the whole workspace's ledger.
    thanked = dict(LedgerEntry.objects
                   .filter(person_id__in={c.person.pk for c in candidates},
                           direction=Direction.TO_THEM, kind=EntryKind.APPRECIATION,
                           occurred_on__gte=min(c.since for c in candidates))
                   .values("person_id").annotate(last=Max("occurred_on")).order_by()
                   .values_list("person_id", "last"))
    prompts, seen = [], set()
    for c in sorted(candidates, key=lambda c: (-c.since.toordinal(), c.person.display_name)):
        last = thanked.get(c.person.pk)
        if c.person.pk in seen or (last is not None and last >= c.since):
            continue
        seen.add(c.person.pk)
        prompts.append(c)
    return prompts[:limit]
