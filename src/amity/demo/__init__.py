"""A realistic demo network, so a newcomer sees a living agenda at once.

``generate(workspace, people=60)`` fills a workspace with people from many
cultures, their organisations, what matters to them, a year of conversations
and the follow-ups those left, with the maintained columns (last contact,
check-in due) exactly as the actions would have left them. The same seed
gives the same network (dates are relative to today).

On top of that, the relationship craft: people at every stage of the journey,
who knows whom, what was given and asked both ways, introductions in every
state, initiatives with personal invitations, events, goals and a focus list
(``demo.craft`` and ``demo.together``), and the question bank when the
questions app offers ``ensure_bank``.

Small networks go through Django's ``bulk_create``; large ones (and
``fast=True``) write rows straight through the DB-API: ``executemany`` on
SQLite, ``COPY`` on PostgreSQL. Either way the whole network is written in
one transaction, and the search index is rebuilt before it commits.
"""

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from amity.errors import Invalid

MAX_PEOPLE = 1_000_000
SMALL = 2_000  # up to this many people, the ORM is fast enough

ProgressCallback = Callable[[int, int, str], None]


def generate(workspace, people: int = 60, seed: int = 1,
             progress: ProgressCallback | None = None, *, fast: bool | None = None) -> dict:
    """Make a demo network of ``people`` people in ``workspace``; returns what it made.

    ``progress(done, total, stage)`` is called as it goes: first with people
    planned out of ``people`` (stage "planning"), then with rows written out
    of all rows to write, the search index counting one row per person.
    ``fast`` forces (or forbids) the DB-API path; by default it is used above
    ``SMALL`` people.
    """
    from amity.conversations.models import Conversation
    from amity.demo.plan import make_plan
    from amity.demo.rows import WITH_IDS, Ids, tables
    from amity.demo.write import Progress, allocate_ids, bulk_settings, write_fast, write_orm
    from amity.organisations.models import Organisation
    from amity.people.models import Person, Tag
    from amity.search import index

    people = _check_size(people)
    if fast is None:
        fast = people > SMALL

    def planned(done: int) -> None:
        if progress is not None:
            progress(done, people, "planning")

    plan = make_plan(people, int(seed), timezone.localdate(), timezone.now(), on_person=planned)
    with bulk_settings(people), transaction.atomic():
        existing = {t.name.casefold(): t.pk for t in Tag.objects.in_workspace(workspace)}
        new_tags = [i for i, name in enumerate(plan.tags) if name.casefold() not in existing]
        fresh = iter(allocate_ids(Tag, len(new_tags)))
        tag_ids = [existing.get(name.casefold()) or next(fresh) for name in plan.tags]
        # The bank first: the questions the demo asks point at its rows.
        bank = _question_bank(workspace)
        questions = _curated_ids(workspace) if bank else {}
        ids = Ids(people=allocate_ids(Person, people),
                  organisations=allocate_ids(Organisation, len(plan.organisations)),
                  tags=tag_ids, conversations=allocate_ids(Conversation,
                                                           plan.conversation_count),
                  new_tags=new_tags, questions=questions,
                  **{name: allocate_ids(model, len(getattr(plan, name)))
                     for model, name in WITH_IDS})
        to_write = tables(plan, ids, workspace.pk)
        already = Person.objects.in_workspace(workspace).count()
        meter = Progress(progress, sum(t.count for t in to_write) + already + people)
        (write_fast if fast else write_orm)(to_write, meter)
        written = meter.done

        def indexing(done: int, total: int) -> None:
            meter.advance(written + done - meter.done, "search index")

        indexed = index.rebuild(workspace, progress=indexing)
    return {
        "people": people,
        "organisations": len(plan.organisations),
        "affiliations": len(plan.affiliations),
        "tags": len(new_tags),
        "person_tags": len(plan.person_tags),
        "emails": len(plan.emails),
        "phones": len(plan.phones),
        "facts": len(plan.facts),
        "facts_from_conversations": sum(1 for f in plan.facts if f[4] is not None),
        "conversations": plan.conversation_count,
        "participations": plan.participation_count,
        "follow_ups": len(plan.follow_ups),
        "open_follow_ups": sum(1 for f in plan.follow_ups if f[4] is None),
        "relationships": len(plan.relationships),
        "introductions": len(plan.introductions),
        "initiatives": len(plan.initiatives),
        "invitations": len(plan.invitations),
        "initiative_participants": len(plan.participants),
        "ledger_entries": len(plan.ledger),
        "events": len(plan.events),
        "attendances": len(plan.attendances),
        "goals": len(plan.goals),
        "focus": len(plan.focus),
        "stage_pins": sum(1 for p in plan.people if p.get("stage_pin")),
        "questions": bank,
        "asked_questions": sum(1 for a in plan.asked if a[1] in questions),
        "indexed": indexed,
        "rows": sum(t.count for t in to_write),
    }


def _question_bank(workspace) -> int:
    """The curated question bank, when the questions app can seed it; how many questions."""
    from amity.questions import actions

    ensure_bank = getattr(actions, "ensure_bank", None)
    if ensure_bank is None:
        return 0
    ensure_bank(workspace)
    from amity.questions.models import Question

    return Question.objects.in_workspace(workspace).count()


def _curated_ids(workspace) -> dict[str, int]:
    """Curated key -> question id, for the questions still in use."""
    from amity.questions.models import Question

    return dict(Question.objects.in_workspace(workspace).exclude(builtin_key="")
                .filter(retired_at__isnull=True).values_list("builtin_key", "id"))


def _check_size(people) -> int:
    try:
        people = int(people)
    except (TypeError, ValueError):
        raise Invalid(field="people", message=f"{people!r} is not a number of people.") from None
    if not 1 <= people <= MAX_PEOPLE:
        raise Invalid(field="people",
                      message=f"A demo network has 1 to {MAX_PEOPLE:,} people, not {people:,}.")
    return people
