"""Every write for initiatives, their needs, participants and personal invitations.

One transaction each; the web views, the API and the CLI call these. An
invitation is always one person, one initiative, one message: there is no
bulk send, by design.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from amity.errors import Invalid, NotFound
from amity.initiatives.models import (
    Initiative,
    InitiativeKind,
    InitiativeStatus,
    Invitation,
    InvitationStatus,
    Need,
    NeedKind,
    Participant,
)
from amity.parsing import MAX_NAME, MAX_TEXT, clean_text, fold, parse_date
from amity.workspaces.scoping import get_in_workspace, resolve_named

MAX_NEEDS = 30
NO_ANSWER_AFTER_DAYS = 7

# Which answers may follow which status: strict, so the history stays true.
# A late reply after "no answer" is still welcome.
TRANSITIONS = {
    InvitationStatus.DRAFTED: {InvitationStatus.SENT},
    InvitationStatus.SENT: {InvitationStatus.ACCEPTED, InvitationStatus.DECLINED,
                            InvitationStatus.NO_ANSWER},
    InvitationStatus.NO_ANSWER: {InvitationStatus.ACCEPTED, InvitationStatus.DECLINED},
    InvitationStatus.ACCEPTED: set(),
    InvitationStatus.DECLINED: set(),
}


# -- access -------------------------------------------------------------------

def access_initiative(workspace, pk) -> Initiative:
    return get_in_workspace(Initiative.objects, workspace, pk, "initiative")


def access_invitation(workspace, pk) -> Invitation:
    return get_in_workspace(Invitation.objects.select_related("person", "initiative"),
                            workspace, pk, "invitation")


def access_participant(workspace, pk) -> Participant:
    return get_in_workspace(Participant.objects.select_related("person", "initiative"),
                            workspace, pk, "participant")


def resolve_initiative(workspace, ref) -> Initiative:
    """An initiative by id (``3`` or ``#3``) or by part of its name; never a guess."""
    return resolve_named(Initiative.objects, workspace, ref, what="initiative",
                         order=("name", "id"))


# -- initiatives --------------------------------------------------------------

def parse_needs(value, default_kind: str = NeedKind.SKILL) -> list[tuple[str, str]]:
    """``"grant writing, role: treasurer"`` or a list of such strings -> [(kind, text)].

    A need may start with its kind ("skill:", "interest:", "role:"); otherwise
    it takes ``default_kind``. Duplicates are dropped, order kept.
    """
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    needs: dict[tuple[str, str], None] = {}
    for raw in items:
        if not isinstance(raw, str):
            raise Invalid(field="needs", message=f"Each need is a piece of text, not {raw!r}.")
        kind, sep, text = raw.partition(":")
        if sep and fold(kind.strip()) in NeedKind.values:
            kind = fold(kind.strip())
        else:
            kind, text = default_kind, raw
        text = " ".join(text.split())
        if not text:
            continue
        if len(text) > 200:
            raise Invalid(field="needs", message=f"The need {text[:40]!r}… is {len(text)} "
                                                 "characters; the limit is 200.")
        if "\x00" in text:
            raise Invalid(field="needs", message="A need contains a NUL character.")
        needs.setdefault((kind, text), None)
    if len(needs) > MAX_NEEDS:
        raise Invalid(field="needs", message=f"{len(needs)} needs; say what matters most "
                                             f"(at most {MAX_NEEDS}).")
    return list(needs)


def _choice(field: str, value, choices, what: str) -> str:
    lookup = {fold(v): v for v in choices.values}
    lookup.update({fold(label): v for v, label in choices.choices})
    lookup.update({fold(v).replace("_", " "): v for v in choices.values})
    lookup.update({fold(v).replace("_", "-"): v for v in choices.values})
    found = lookup.get(fold(str(value or "")).strip())
    if found is None:
        raise Invalid(field=field, message=f"{value!r} is not {what} (one of: "
                                           f"{', '.join(choices.values)}).")
    return found


def _clean_initiative(data: dict, *, creating: bool, current: Initiative | None = None) -> dict:
    clean, errors = {}, {}

    def attempt(fn):
        try:
            fn()
        except Invalid as exc:
            errors.update(exc.errors)

    if creating or "name" in data:
        attempt(lambda: clean.__setitem__("name", clean_text(
            "name", data.get("name"), limit=MAX_NAME, required=True, label="initiative's name")))
    if "description" in data:
        attempt(lambda: clean.__setitem__("description", clean_text(
            "description", data["description"], limit=MAX_TEXT)))
    if data.get("kind") not in (None, ""):
        attempt(lambda: clean.__setitem__("kind", _choice(
            "kind", data["kind"], InitiativeKind, "a kind of initiative")))
    if data.get("status") not in (None, ""):
        attempt(lambda: clean.__setitem__("status", _choice(
            "status", data["status"], InitiativeStatus, "a status")))
    for field in ("starts_on", "ends_on"):
        if field in data:
            attempt(lambda f=field: clean.__setitem__(f, parse_date(data[f], f)))
    if "needs" in data:
        attempt(lambda: clean.__setitem__("needs", parse_needs(
            data["needs"], data.get("need_kind") or NeedKind.SKILL)))
    if data.get("need_kind") not in (None, ""):
        attempt(lambda: _choice("need_kind", data["need_kind"], NeedKind, "a kind of need"))
    starts = clean.get("starts_on", current.starts_on if current else None)
    ends = clean.get("ends_on", current.ends_on if current else None)
    if starts and ends and ends < starts and "ends_on" not in errors:
        errors["ends_on"] = f"It ends ({ends:%d %b %Y}) before it starts ({starts:%d %b %Y})."
    if errors:
        raise Invalid(errors)
    return clean


def _write_needs(workspace, initiative: Initiative, needs: list[tuple[str, str]]) -> None:
    """Make the initiative's needs exactly ``needs``, keeping rows that stay the same."""
    existing = {(n.kind, n.text): n for n in initiative.needs.all()}
    keep = set(needs)
    Need.objects.filter(pk__in=[n.pk for key, n in existing.items() if key not in keep]).delete()
    Need.objects.bulk_create([Need(workspace=workspace, initiative=initiative, kind=kind, text=text)
                              for kind, text in needs if (kind, text) not in existing])


@transaction.atomic
def create_initiative(workspace, **data) -> Initiative:
    """``data``: name, kind, description, status, starts_on, ends_on, needs
    (a comma-separated string or a list of strings) and need_kind (their default kind)."""
    clean = _clean_initiative(data, creating=True)
    needs = clean.pop("needs", [])
    initiative = Initiative.objects.create(workspace=workspace, **clean)
    _write_needs(workspace, initiative, needs)
    return initiative


@transaction.atomic
def update_initiative(workspace, initiative: Initiative, **data) -> Initiative:
    """Change the fields given; ``needs``, when given, replaces the whole list."""
    clean = _clean_initiative(data, creating=False, current=initiative)
    needs = clean.pop("needs", None)
    for field, value in clean.items():
        setattr(initiative, field, value)
    initiative.save()
    if needs is not None:
        _write_needs(workspace, initiative, needs)
    return initiative


@transaction.atomic
def close_initiative(workspace, initiative: Initiative) -> Initiative:
    if initiative.is_closed:
        raise Invalid(field="status", message=f"{initiative.name} is already closed.")
    initiative.status = InitiativeStatus.CLOSED
    initiative.save(update_fields=["status"])
    return initiative


@transaction.atomic
def delete_initiative(workspace, initiative: Initiative) -> None:
    # Ledger entries keep their history (their link is set to null); the
    # "no answer yet" follow-ups go with the invitations they were about.
    from amity.followups.models import FollowUp

    follow_ups = list(initiative.invitations.exclude(follow_up=None)
                      .values_list("follow_up_id", flat=True))
    initiative.delete()
    FollowUp.objects.in_workspace(workspace).filter(pk__in=follow_ups,
                                                    done_at__isnull=True).delete()


# -- participants -------------------------------------------------------------

def _check_person(workspace, person) -> None:
    if person.workspace_id != workspace.pk:
        raise NotFound("person", f"#{person.pk}")


@transaction.atomic
def add_participant(workspace, initiative: Initiative, person, role: str = "") -> Participant:
    """Record that someone takes part, with their role: collaboration on the journey."""
    _check_person(workspace, person)
    if initiative.workspace_id != workspace.pk:
        raise NotFound("initiative", f"#{initiative.pk}")
    role = clean_text("role", role, limit=200)
    if person.archived_at is not None:
        raise Invalid(field="person", message=f"{person.display_name} is archived: unarchive "
                                              "them before adding them to an initiative.")
    if Participant.objects.filter(initiative=initiative, person=person).exists():
        raise Invalid(field="person", message=f"{person.display_name} already takes part in "
                                              f"{initiative.name}.")
    return Participant.objects.create(workspace=workspace, initiative=initiative, person=person,
                                      role=role, joined_on=timezone.localdate())


@transaction.atomic
def update_participant(workspace, participant: Participant, role: str) -> Participant:
    participant.role = clean_text("role", role, limit=200)
    participant.save(update_fields=["role"])
    return participant


@transaction.atomic
def remove_participant(workspace, participant: Participant) -> None:
    participant.delete()


# -- invitations --------------------------------------------------------------

@transaction.atomic
def draft_invitation(workspace, initiative: Initiative, person) -> Invitation:
    """Write a personal draft for one person: nothing is sent until ``mark_sent``."""
    from amity.initiatives.messages import draft_message
    from amity.initiatives.ranking import fit

    _check_person(workspace, person)
    if initiative.workspace_id != workspace.pk:
        raise NotFound("initiative", f"#{initiative.pk}")
    who = person.display_name
    if initiative.is_closed:
        raise Invalid(field="initiative", message=f"{initiative.name} is closed: reopen it "
                                                  f"before inviting {who}.")
    if person.archived_at is not None:
        raise Invalid(field="person", message=f"{who} is archived: unarchive them before "
                                              "inviting them.")
    if Invitation.objects.filter(initiative=initiative, person=person).exists():
        raise Invalid(field="person", message=f"{who} is already invited to {initiative.name}: "
                                              "open that invitation instead.")
    if Participant.objects.filter(initiative=initiative, person=person).exists():
        raise Invalid(field="person", message=f"{who} already takes part in {initiative.name}.")
    match = fit(workspace, initiative, person)
    return Invitation.objects.create(
        workspace=workspace, initiative=initiative, person=person,
        message=draft_message(workspace, initiative, person, match),
        reason=(match.reason if match else "")[:500])


@transaction.atomic
def update_invitation(workspace, invitation: Invitation, *, message: str) -> Invitation:
    """Change the draft's message (callers show ``generic_warnings`` after saving)."""
    if invitation.status != InvitationStatus.DRAFTED:
        raise Invalid(field="message", message=f"The invitation of "
                      f"{invitation.person.display_name} was already "
                      f"{invitation.get_status_display().lower()}: its message cannot change.")
    invitation.message = clean_text("message", message, limit=MAX_TEXT)
    invitation.save(update_fields=["message"])
    return invitation


def _move(invitation: Invitation, to: str) -> None:
    if to not in TRANSITIONS[invitation.status]:
        who, what = invitation.person.display_name, invitation.initiative.name
        now = invitation.get_status_display().lower()
        label = InvitationStatus(to).label.lower()
        if invitation.status == InvitationStatus.DRAFTED:
            hint = "mark it sent first"
        elif not TRANSITIONS[invitation.status]:
            hint = "that answer is final"
        else:
            hint = "it can only be " + " or ".join(
                InvitationStatus(s).label.lower() for s in sorted(TRANSITIONS[invitation.status]))
        raise Invalid(field="status", message=f"The invitation of {who} to {what} is {now}: "
                                              f"it cannot become {label} ({hint}).")
    invitation.status = to


def _close_follow_up(invitation: Invitation) -> None:
    if invitation.follow_up_id:
        from amity.followups.models import FollowUp

        follow_up = FollowUp.objects.filter(pk=invitation.follow_up_id).first()
        if follow_up is not None:
            follow_up.complete()


@transaction.atomic
def mark_sent(workspace, invitation: Invitation) -> Invitation:
    """Sent: a follow-up for a week's time if no answer comes, and a ledger entry."""
    from amity.exchange.actions import record_entry
    from amity.followups.actions import create_follow_up

    initiative, person = invitation.initiative, invitation.person
    if initiative.is_closed:
        raise Invalid(field="status", message=f"{initiative.name} is closed: the invitation of "
                                              f"{person.display_name} cannot be sent.")
    _move(invitation, InvitationStatus.SENT)
    today = timezone.localdate()
    invitation.sent_on = today
    invitation.follow_up = create_follow_up(
        workspace, person, action=f"No answer yet from {person.display_name} about "
                                  f"{initiative.name}?"[:300],
        due_on=today + timedelta(days=NO_ANSWER_AFTER_DAYS))
    invitation.save(update_fields=["status", "sent_on", "follow_up"])
    record_entry(workspace, person, direction="to_them", kind="invitation",
                 description=f"Invited to {initiative.name}"[:300], invitation=invitation)
    return invitation


def _answer(invitation: Invitation, to: str) -> Invitation:
    _move(invitation, to)
    invitation.answered_on = timezone.localdate()
    invitation.save(update_fields=["status", "answered_on"])
    _close_follow_up(invitation)
    return invitation


@transaction.atomic
def mark_accepted(workspace, invitation: Invitation, role: str = "") -> Invitation:
    """Accepted: they take part (with ``role``, if given) from today."""
    role = clean_text("role", role, limit=200)
    _answer(invitation, InvitationStatus.ACCEPTED)
    participant = Participant.objects.filter(initiative=invitation.initiative,
                                             person=invitation.person).first()
    if participant is None:
        Participant.objects.create(workspace=workspace, initiative=invitation.initiative,
                                   person=invitation.person, role=role,
                                   joined_on=timezone.localdate())
    elif role and not participant.role:
        participant.role = role
        participant.save(update_fields=["role"])
    return invitation


@transaction.atomic
def mark_declined(workspace, invitation: Invitation) -> Invitation:
    return _answer(invitation, InvitationStatus.DECLINED)


@transaction.atomic
def mark_no_answer(workspace, invitation: Invitation) -> Invitation:
    return _answer(invitation, InvitationStatus.NO_ANSWER)


STATUS_ALIASES = {"sent": InvitationStatus.SENT, "accepted": InvitationStatus.ACCEPTED,
                  "accept": InvitationStatus.ACCEPTED, "declined": InvitationStatus.DECLINED,
                  "decline": InvitationStatus.DECLINED, "no_answer": InvitationStatus.NO_ANSWER,
                  "no-answer": InvitationStatus.NO_ANSWER, "no answer": InvitationStatus.NO_ANSWER}


def set_status(workspace, invitation: Invitation, status: str, *, role: str = "") -> Invitation:
    """One door for the web, the API and the CLI: ``status`` is sent, accepted,
    declined or no_answer (no-answer too)."""
    to = STATUS_ALIASES.get(fold(str(status or "")).strip())
    if to is None:
        raise Invalid(field="status", message=f"{status!r} is not an answer to record (sent, "
                                              "accepted, declined or no_answer).")
    if to == InvitationStatus.SENT:
        return mark_sent(workspace, invitation)
    if to == InvitationStatus.ACCEPTED:
        return mark_accepted(workspace, invitation, role=role)
    if to == InvitationStatus.DECLINED:
        return mark_declined(workspace, invitation)
    return mark_no_answer(workspace, invitation)
