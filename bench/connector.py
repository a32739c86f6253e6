"""The connector's benchmark: introduction suggestions on 10,000 people,
warm paths on 100,000.

    .venv/bin/python bench/connector.py                       # both parts, fresh SQLite
    .venv/bin/python bench/connector.py --paths-from /tmp/conn100k
        # warm paths on an existing `amity demo --people 100000` data folder
        # (AMITY_DATA_DIR=/tmp/conn100k amity demo --people 100000; read only)
    .venv/bin/python bench/connector.py --quick               # a smoke test: 1,000 / 5,000

Part 1, suggestions: two workspaces of 10,000 people each, (a) `amity demo`'s
network (amity.demo.generate) and (b) a synthetic one with exactly 5 facts per
person whose texts vary (topics drawn from ~2,400 two-word phrases, Zipf-like,
so some words are everywhere and most are rare: the case the posting-list cap
is for). Timed: building the term index, ``suggest(limit=50)``, and
``suggest_for(person)`` cold (first call: it builds the cached index) and warm.

Part 2, warm paths: a synthetic 100,000-person workspace (organisations with
a long tail of sizes, one or two affiliations each, 150,000 relationships,
who-introduced-whom, a last contact for 40%), or an existing demo folder with
--paths-from. Timed: ``warm_paths()`` to 30 people and 10 organisations.

The database is AMITY_DATABASE_URL if set (give it a database of its own),
else a SQLite file in a fresh temporary folder, deleted at the end. Figures
are wall-clock milliseconds: median and 95th percentile (nearest rank).
"""

import argparse
import math
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

ADJECTIVES = ("urban", "community", "youth", "rural", "cooperative", "public", "local",
              "tenant", "seasonal", "coastal", "digital", "legal", "migrant", "senior",
              "school", "faith", "regional", "open", "green", "night", "weekend", "mobile",
              "shared", "indigenous", "small", "mutual", "food", "river", "street", "civic",
              "neighbourhood", "women's", "accessible", "affordable", "student", "family",
              "worker", "independent", "volunteer", "heritage")
NOUNS = ("beekeeping", "composting", "gardening", "housing", "lending", "radio", "theatre",
         "cycling", "fundraising", "orchards", "kitchens", "pantries", "libraries", "markets",
         "forestry", "fisheries", "transit", "childcare", "mentoring", "journalism",
         "translation", "mapping", "archives", "festivals", "choirs", "clinics", "bakeries",
         "allotments", "repair", "energy", "water", "playgrounds", "murals", "podcasts",
         "apprenticeships", "tutoring", "budgeting", "advocacy", "research", "soil", "seeds",
         "welding", "carpentry", "coding", "photography", "policy", "zoning", "elections",
         "landlords", "grants", "sponsorship", "storage", "vans", "printing", "catering",
         "accounting", "insurance", "design", "surveys", "evaluation")
PLACES = ("in Eastgate", "for the spring appeal", "on the north side", "before winter",
          "for the harvest festival", "in Millbrook", "near the bus line", "this year",
          "for the tenants' union", "at the seed library", "", "", "", "")
NEED_FORMS = ("a volunteer for {t} {p}", "someone who knows {t}", "help with {t} {p}",
              "advice on {t}", "funding for {t} {p}", "a partner for {t}")
OFFER_FORMS = ("can teach {t}", "has years of {t} experience", "writes about {t}",
               "runs a {t} group {p}", "knows everyone in {t}", "can lend kit for {t}")
GOAL_FORMS = ("launch a {t} project {p}", "grow {t} {p}", "publish a guide to {t}")
VALUES = ("dignity over charity", "slow, patient organising", "racial equity",
          "transparency", "keeping money local", "accessible meetings", "food sovereignty",
          "intergenerational knowledge", "tenants' right to organise", "ecological repair",
          "open data", "consent and care", "worker ownership", "radical hospitality")
AVOIDS = ("the council vote", "the old board dispute", "party politics", "the lawsuit")
KINDS = ("need", "offer", "interest", "interest", "value", "goal", "need", "offer")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--suggest-people", type=int, default=10_000)
    parser.add_argument("--paths-people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="runs of suggest() (default 3)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--paths-from", metavar="DIR",
                        help="an `amity demo` data folder: warm paths on its network only")
    parser.add_argument("--skip-demo", action="store_true",
                        help="suggestions on the synthetic network only")
    parser.add_argument("--quick", action="store_true", help="1,000 and 5,000 people")
    args = parser.parse_args()
    if args.quick:
        args.suggest_people, args.paths_people, args.runs = 1_000, 5_000, 1
    return args


def setup_django(data_dir: str | None) -> str | None:
    temporary = None
    if data_dir:
        os.environ["AMITY_DATA_DIR"] = data_dir
        os.environ.pop("AMITY_DATABASE_URL", None)
    elif not os.environ.get("AMITY_DATABASE_URL"):
        temporary = tempfile.mkdtemp(prefix="amity-bench-connector-")
        os.environ["AMITY_DATA_DIR"] = temporary
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.settings")
    import django

    django.setup()
    if not data_dir:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    return temporary


def database() -> str:
    from django.db import connection

    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("SHOW server_version")
            return f"PostgreSQL {cur.fetchone()[0]}"
        cur.execute("SELECT sqlite_version()")
        return f"SQLite {cur.fetchone()[0]} ({os.environ.get('AMITY_DATA_DIR')})"


def percentile(values, q):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


def counted(fn):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        ms, result = timed(fn)
    return ms, result, len(captured.captured_queries)


def report(label, times, queries=None):
    extra = f"  queries ≤ {queries}" if queries is not None else ""
    print(f"  {label:<44} p50 {statistics.median(times):>9.1f} ms   "
          f"p95 {percentile(times, 0.95):>9.1f} ms  (n={len(times)}){extra}")


def new_workspace(name):
    from amity.workspaces.models import Workspace

    return Workspace.objects.create(name=f"{name} {datetime.now():%H%M%S%f}")


# -- part 1: suggestions ------------------------------------------------------------------

_CUMULATIVE: dict[tuple[int, float], list[float]] = {}


def zipf_choice(rng, items, s=1.1):
    """The i-th item with weight 1/(i+1)^s: a few very common, a long tail of rare ones."""
    key = (len(items), s)
    if key not in _CUMULATIVE:
        total, cumulative = 0.0, []
        for i in range(len(items)):
            total += 1 / (i + 1) ** s
            cumulative.append(total)
        _CUMULATIVE[key] = cumulative
    return rng.choices(items, cum_weights=_CUMULATIVE[key])[0]


def fact_text(rng, kind: str, topic: str, place: str) -> str:
    if kind == "interest":
        return topic
    if kind == "value":
        return rng.choice(VALUES)
    forms = {"need": NEED_FORMS, "offer": OFFER_FORMS, "goal": GOAL_FORMS}[kind]
    return rng.choice(forms).format(t=topic, p=place)


def synthetic_facts(workspace, people: int, seed: int) -> int:
    """``people`` people with exactly 5 facts each whose texts vary."""
    from django.db import transaction
    from django.utils import timezone

    from amity.people.models import Fact, Person

    rng = random.Random(seed)
    topics = [f"{a} {n}" for a in ADJECTIVES for n in NOUNS]
    rng.shuffle(topics)
    now = timezone.now()
    with transaction.atomic():
        persons = Person.objects.bulk_create(
            [Person(workspace=workspace, display_name=f"Person {i:05d}",
                    importance=rng.choice((1, 2, 2, 3)),
                    last_contact_at=(now - timedelta(days=rng.randint(0, 700))
                                     if rng.random() < 0.6 else None))
             for i in range(people)], batch_size=2000)
        facts = []
        for person in persons:
            for _ in range(5):
                kind = rng.choice(KINDS)
                text = fact_text(rng, kind, zipf_choice(rng, topics, 0.9), rng.choice(PLACES))
                if rng.random() < 0.03:
                    kind, text = "avoid", rng.choice(AVOIDS)
                facts.append(Fact(workspace=workspace, person=person, kind=kind,
                                  text=" ".join(text.split())))
        Fact.objects.bulk_create(facts, batch_size=5000)
    return len(facts)


def measure_suggestions(label, workspace, runs: int) -> None:
    from amity.connector import matching, termindex
    from amity.connector.matching import suggest, suggest_for
    from amity.people.models import Fact, Person

    people = Person.objects.in_workspace(workspace).count()
    facts = Fact.objects.in_workspace(workspace).count()
    print(f"\n{label}: {people:,} people, {facts:,} facts")
    build_ms, index = timed(lambda: termindex.build(workspace))
    print(f"  term index: {index.people:,} people with facts, "
          f"{sum(len(p) for p in index.postings.values()):,} terms by kind")
    report("build the term index (one query)", [build_ms])
    times, found = [], []
    for _ in range(runs):
        matching._ranking_cache.clear()
        ms, found, queries = counted(lambda: suggest(workspace, limit=50))
        times.append(ms)
    report("suggest(limit=50), computed", times, queries)
    kept = []
    for _ in range(max(runs, 5)):
        ms, _, queries = counted(lambda: suggest(workspace, limit=50))
        kept.append(ms)
    report("suggest(limit=50), ranking kept (same facts)", kept, queries)
    for s in found[:3]:
        print(f"    {s.person_a.display_name} + {s.person_b.display_name}: {s.reason}")
    termindex.forget(workspace)
    sample = list(Person.objects.in_workspace(workspace).filter(facts__kind="need")
                  .distinct().order_by("?")[:21])
    cold, _, _ = counted(lambda: suggest_for(workspace, sample[0]))
    report("suggest_for(person), first call (builds)", [cold])
    warm, most = [], 0
    for person in sample[1:]:
        ms, _, queries = counted(lambda p=person: suggest_for(workspace, p))
        warm.append(ms)
        most = max(most, queries)
    report("suggest_for(person), cached index", warm, most)
    termindex.forget(workspace)


def part_suggestions(args) -> None:
    print(f"\nPart 1 — introduction suggestions, {args.suggest_people:,} people")
    if not args.skip_demo:
        from amity.demo import generate

        ws = new_workspace("Bench demo")
        ms, _ = timed(lambda: generate(ws, people=args.suggest_people, seed=args.seed))
        print(f"  (amity demo network generated in {ms / 1000:.1f} s)")
        measure_suggestions("(a) amity demo network", ws, args.runs)
    ws = new_workspace("Bench synthetic facts")
    ms, facts = timed(lambda: synthetic_facts(ws, args.suggest_people, args.seed))
    print(f"  (synthetic network: {facts:,} facts written in {ms / 1000:.1f} s)")
    measure_suggestions("(b) synthetic, 5 varied facts each", ws, args.runs)


# -- part 2: warm paths ---------------------------------------------------------------------

def synthetic_graph(workspace, people: int, seed: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from amity.connector.models import Relationship
    from amity.organisations.models import Affiliation, Organisation
    from amity.people.models import Person

    rng = random.Random(seed)
    now, today = timezone.now(), timezone.localdate()
    with transaction.atomic():
        persons = Person.objects.bulk_create(
            [Person(workspace=workspace, display_name=f"Member {i:06d}",
                    importance=rng.choice((1, 2, 2, 3)),
                    last_contact_at=(now - timedelta(days=rng.randint(0, 900))
                                     if rng.random() < 0.4 else None))
             for i in range(people)], batch_size=5000)
        ids = [p.pk for p in persons]
        orgs = Organisation.objects.bulk_create(
            [Organisation(workspace=workspace, name=f"Organisation {i:04d}")
             for i in range(max(10, people // 120))], batch_size=2000)
        affiliations = []
        for pk in ids:
            for _ in range(1 if rng.random() < 0.8 else 2):
                org = zipf_choice(rng, orgs, 0.8)
                ended = today - timedelta(days=400) if rng.random() < 0.1 else None
                affiliations.append(Affiliation(workspace=workspace, person_id=pk,
                                                organisation=org, end_on=ended))
        Affiliation.objects.bulk_create(affiliations, batch_size=5000)
        edges = set()
        while len(edges) < int(people * 1.5):
            a, b = rng.sample(ids, 2)
            edges.add((min(a, b), max(a, b)))
        Relationship.objects.bulk_create(
            [Relationship(workspace=workspace, person_id=a, other_id=b,
                          strength=rng.choice((1, 2, 2, 3))) for a, b in edges],
            batch_size=5000)
        introduced = rng.sample(persons, people // 20)
        for person in introduced:
            person.introduced_by_id = rng.choice(ids)
        Person.objects.bulk_update([p for p in introduced if p.introduced_by_id != p.pk],
                                   ["introduced_by"], batch_size=5000)


def part_paths(args, workspace=None) -> None:
    from amity.connector.models import Relationship
    from amity.connector.paths import warm_paths
    from amity.organisations.models import Affiliation, Organisation
    from amity.people.models import Person

    if workspace is None:
        workspace = new_workspace("Bench paths")
        ms, _ = timed(lambda: synthetic_graph(workspace, args.paths_people, args.seed))
        print(f"\nPart 2 — warm paths, synthetic network (written in {ms / 1000:.1f} s)")
    else:
        print("\nPart 2 — warm paths, existing demo network")
    people = Person.objects.in_workspace(workspace).count()
    print(f"  {people:,} people, "
          f"{Relationship.objects.in_workspace(workspace).count():,} relationships, "
          f"{Organisation.objects.in_workspace(workspace).count():,} organisations, "
          f"{Affiliation.objects.in_workspace(workspace).count():,} affiliations")
    rng = random.Random(args.seed)
    ids = list(Person.objects.in_workspace(workspace).values_list("pk", flat=True))
    targets = Person.objects.in_workspace(workspace).in_bulk(rng.sample(ids, 31))
    orgs = list(Organisation.objects.in_workspace(workspace).order_by("id"))
    org_targets = rng.sample(orgs, min(10, len(orgs)))
    warm_paths(workspace, targets.popitem()[1])  # warm the database's cache
    for label, chosen in (("warm_paths(person)", list(targets.values())),
                          ("warm_paths(organisation)", org_targets)):
        times, most, lengths = [], 0, []
        for target in chosen:
            ms, found, queries = counted(lambda t=target: warm_paths(workspace, t))
            times.append(ms)
            most = max(most, queries)
            lengths.append(len(found))
        report(label, times, most)
        print(f"    paths found per target: median {statistics.median(lengths)}, "
              f"none for {lengths.count(0)} of {len(lengths)}")
    example = warm_paths(workspace, list(targets.values())[0])
    for path in example[:3]:
        print(f"    e.g. {path.explanation}")


def main() -> int:
    args = parse_args()
    temporary = setup_django(args.paths_from)
    try:
        print(f"Amity connector benchmark — {datetime.now():%Y-%m-%d %H:%M}")
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"machine: {os.cpu_count()} CPUs, load average {load}; database: {database()}")
        if args.paths_from:
            from amity.workspaces.actions import local_workspace

            part_paths(args, local_workspace())
        else:
            part_suggestions(args)
            part_paths(args)
    finally:
        if temporary:
            from django.db import connection

            connection.close()
            shutil.rmtree(temporary, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
