"""The one entry point other apps use to know where a relationship stands.

``assess(workspace, people) -> {person_id: Assessment}`` gathers the evidence for
a batch of people in a fixed number of queries (never one per person) and
applies the rules in ``journey.rules``. A pinned stage wins over the derived one.
"""

from dataclasses import dataclass, field

from amity.journey.stages import Stage


@dataclass
class Assessment:
    stage: str                       # a Stage value
    derived: str                     # the stage the evidence gives, even when pinned
    pinned: bool
    evidence: list[str] = field(default_factory=list)   # "why this stage", in plain words
    next_action: str = ""            # the next best action, one sentence

    @property
    def label(self) -> str:
        return Stage(self.stage).label


def assess(workspace, people) -> dict[int, Assessment]:
    """Placeholder until the rule set lands: everyone is 'noticed' unless pinned."""
    result = {}
    for person in people:
        stage = person.stage_pin or Stage.NOTICED
        result[person.pk] = Assessment(stage=stage, derived=Stage.NOTICED,
                                       pinned=bool(person.stage_pin))
    return result


def assess_one(workspace, person) -> Assessment:
    return assess(workspace, [person])[person.pk]
