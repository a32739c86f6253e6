"""Amity's core benchmark: generate a demo network, then time the pages,
the API and the read models a member uses every day.

    .venv/bin/python bench/core.py --people 100000 [--runs 7]
    .venv/bin/python bench/core.py --quick          # 2,000 people, 3 runs: a smoke test

The database is AMITY_DATABASE_URL if set (use a database of its own: the
benchmark leaves its workspace there), else a SQLite file in a fresh
temporary AMITY_DATA_DIR, deleted at the end unless --keep.

Figures are medians and 95th percentiles (nearest rank: with fewer than 20
runs that is the slowest run) of wall-clock time, after one warm-up call.
Pages go through Django's test Client, signed in with force_login: the whole
Django stack (middleware, views, templates) without a socket. A page that
is missing or fails prints as n/a with its status, so the figures of the
rest still come out. Ratios compare with the anchors measured on this kind
of machine in /work/shared/FIELD-NOTES.md; compare ratios taken in one run.
"""

import argparse
import math
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# (name, milliseconds, what it is) from the field notes.
ANCHOR_OVERDUE = (0.1, "50 most overdue of 1M, maintained column + index (SQLite 0.1 ms)")
ANCHOR_OVERDUE_PG = (0.2, "50 most overdue of 1M, maintained column + index (PG 0.2 ms)")
ANCHOR_FTS = (0.13, "FTS5 first 20 hits of 1M, prefix index (0.13 ms)")
ANCHOR_FTS_RANKED = (23.0, "FTS5 bm25-ranked over all matches (23 ms)")
ANCHOR_JSON = (1.25, "JSON list of 50 people, Django + ORM (~800 req/s)")
ANCHOR_INSERT = (75_000, 106_000)  # raw executemany rows/s into SQLite


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true",
                        help="a smoke test: 2,000 people, 3 runs")
    parser.add_argument("--fast", action=argparse.BooleanOptionalAction, default=None,
                        help="force (or forbid) the demo's DB-API write path")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary SQLite folder and say where it is")
    args = parser.parse_args()
    if args.quick:
        args.people, args.runs = 2_000, 3
    if args.runs < 1 or args.people < 1:
        parser.error("--people and --runs must be at least 1")
    return args


def setup_django() -> str | None:
    """Point Django at the database to measure; returns the temporary folder, if any."""
    temporary = None
    if not os.environ.get("AMITY_DATABASE_URL"):
        temporary = tempfile.mkdtemp(prefix="amity-bench-")
        os.environ["AMITY_DATA_DIR"] = temporary
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.settings")
    # The test Client calls itself "testserver".
    hosts = os.environ.get("AMITY_ALLOWED_HOSTS", "127.0.0.1,localhost")
    os.environ["AMITY_ALLOWED_HOSTS"] = f"{hosts},testserver"
    import django

    django.setup()
    return temporary


def describe_database() -> str:
    from django.db import connection

    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("SHOW server_version")
            return f"PostgreSQL {cur.fetchone()[0]}"
        cur.execute("SELECT sqlite_version()")
        return f"SQLite {cur.fetchone()[0]} (file in {os.environ.get('AMITY_DATA_DIR')})"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


class Result:
    def __init__(self, name: str, anchor=None):
        self.name, self.anchor = name, anchor
        self.times: list[float] = []
        self.queries: int | None = None
        self.error = ""

    @property
    def p50(self) -> float:
        return statistics.median(self.times)

    @property
    def p95(self) -> float:
        return percentile(self.times, 0.95)


def time_call(name: str, fn, runs: int, anchor=None, count_queries=True) -> Result:
    """Warm up once (counting queries), then time ``runs`` calls of ``fn``."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    result = Result(name, anchor)
    try:
        if count_queries:
            with CaptureQueriesContext(connection) as captured:
                problem = fn()
            result.queries = len(captured.captured_queries)
        else:
            problem = fn()
        if problem:
            result.error = problem
            return result
        for _ in range(runs):
            start = time.perf_counter()
            problem = fn()
            result.times.append((time.perf_counter() - start) * 1000)
            if problem:
                result.error = problem
                return result
    except Exception as exc:  # a page another helper has not finished: report, go on
        result.error = f"{type(exc).__name__}: {str(exc)[:60]}"
    return result


def page(client, url: str):
    def get():
        response = client.get(url)
        if response.status_code != 200:
            return f"HTTP {response.status_code}"
        return None
    return get


def generate_network(people: int, seed: int, fast):
    from amity.accounts.models import User
    from amity.demo import generate
    from amity.workspaces.models import Membership, Role, Workspace

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    workspace = Workspace.objects.create(name=f"Benchmark {stamp}")
    user = User.objects.create_user(f"bench-{stamp}-{os.getpid()}", password=None)
    Membership.objects.create(workspace=workspace, user=user, role=Role.OWNER)

    shown = {"stage": None, "tenth": -1}
    stages: list[list] = []  # [stage, time of its last report]

    def progress(done, total, stage):
        if stages and stages[-1][0] == stage:
            stages[-1][1] = time.perf_counter()
        else:
            stages.append([stage, time.perf_counter()])
        tenth = done * 10 // max(total, 1)
        if stage != shown["stage"] or tenth != shown["tenth"]:
            shown.update(stage=stage, tenth=tenth)
            print(f"\r  {stage:<16} {done:>10,} / {total:,}   ", end="", file=sys.stderr,
                  flush=True)

    start = time.perf_counter()
    made = generate(workspace, people=people, seed=seed, progress=progress, fast=fast)
    end = time.perf_counter()
    print(file=sys.stderr)
    # Each stage runs from the previous stage's last report to its own last
    # one; whatever follows the last report is the commit.
    timings, previous = [], start
    for stage, at in stages:
        if timings and timings[-1][0] == stage:  # "tags" twice: the tags, then who has them
            timings[-1][1] += at - previous
        else:
            timings.append([stage, at - previous])
        previous = at
    timings.append(["commit", end - previous])
    return workspace, user, made, end - start, timings


def measure(workspace, user, runs: int) -> list[Result]:
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from amity.agenda.queries import build_agenda, check_ins_due
    from amity.search.index import search_ids

    client = Client(raise_request_exception=False)
    client.force_login(user)
    overdue = ANCHOR_OVERDUE_PG if connection.vendor == "postgresql" else ANCHOR_OVERDUE
    today = timezone.localdate()
    pages = [
        ("page  /  (agenda)", "/", overdue),
        ("page  /people/", "/people/", None),
        ("page  /search/?q=gardening", "/search/?q=gardening", ANCHOR_FTS_RANKED),
        ("page  /search/?q=jose", "/search/?q=jose", ANCHOR_FTS_RANKED),
        ("api   /api/agenda", "/api/agenda", overdue),
        ("api   /api/people", "/api/people", ANCHOR_JSON),
    ]
    pages += craft_pages(workspace)
    results = [time_call(name, page(client, url), runs, anchor) for name, url, anchor in pages]
    reads = [
        ("read  check_ins_due()[:50]", lambda: list(check_ins_due(workspace, today)[:50]) and None,
         overdue),
        ("read  build_agenda()", lambda: build_agenda(workspace) and None, overdue),
        ("read  search_ids('gardening')", lambda: search_ids(workspace, "gardening") and None,
         ANCHOR_FTS),
        ("read  search_ids('jose')", lambda: search_ids(workspace, "jose") and None, ANCHOR_FTS),
    ]
    results += [time_call(name, fn, runs, anchor) for name, fn, anchor in reads]
    return results


def craft_pages(workspace) -> list[tuple]:
    """The relationship craft's pages, on records the demo made: the first focus
    person (a well-known one, with a long history), an open initiative, a goal."""
    from amity.goals.models import FocusEntry, Goal
    from amity.initiatives.models import Initiative, InitiativeStatus

    focus = FocusEntry.objects.in_workspace(workspace).order_by("id").first()
    initiative = (Initiative.objects.in_workspace(workspace)
                  .exclude(status=InitiativeStatus.CLOSED).order_by("id").first())
    goal = Goal.objects.in_workspace(workspace).order_by("id").first()
    pages = [("page  /connector/ (suggestions)", "/connector/", None),
             ("page  /ledger/", "/ledger/", None),
             ("page  /events/", "/events/", None)]
    if focus is not None:
        pk = focus.person_id
        pages += [("page  /people/<focus person>/", f"/people/{pk}/", None),
                  ("page  /brief/<focus person>/", f"/brief/{pk}/", None),
                  ("api   /api/journey/people/<id>", f"/api/journey/people/{pk}", None)]
    if initiative is not None:
        pages.append(("page  /initiatives/<id>/ (ranked)", f"/initiatives/{initiative.pk}/",
                      None))
    if goal is not None:
        pages.append(("page  /goals/<id>/ (aligned)", f"/goals/{goal.pk}/", None))
    return pages


def print_report(args, made, seconds, timings, results, database: str) -> None:
    rows = made["rows"] + made["indexed"]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nAmity core benchmark — {datetime.now():%Y-%m-%d %H:%M}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, load average {load}; "
          f"Python {platform.python_version()}")
    print(f"database: {database}")
    print(f"\ngenerate(people={args.people:,}): {seconds:.1f} s")
    print(f"  {made['people']:,} people, {made['conversations']:,} conversations, "
          f"{made['participations']:,} participants, {made['facts']:,} facts, "
          f"{made['follow_ups']:,} follow-ups, {made['organisations']:,} organisations")
    low, high = ANCHOR_INSERT
    print(f"  {rows:,} rows (search documents included): {rows / seconds:,.0f} rows/s "
          f"= {rows / seconds / high:.2f}–{rows / seconds / low:.2f}x the raw executemany "
          f"anchor ({low // 1000}k–{high // 1000}k rows/s, SQLite, plain inserts)")
    print("  stages (s): " + ", ".join(f"{stage} {secs:.1f}" for stage, secs in timings))
    print(f"\n{args.runs} runs each, after one warm-up (ms):")
    print(f"  {'what':<32} {'p50':>9} {'p95':>9} {'queries':>8}   ratio of p50 to anchor")
    for r in results:
        queries = "" if r.queries is None else str(r.queries)
        if r.error or not r.times:
            print(f"  {r.name:<32} {'n/a':>9} {'n/a':>9} {queries:>8}   {r.error}")
            continue
        ratio = ""
        if r.anchor:
            ms, label = r.anchor
            ratio = f"{r.p50 / ms:,.1f}x  {label}"
        print(f"  {r.name:<32} {r.p50:>9.2f} {r.p95:>9.2f} {queries:>8}   {ratio}")


def main() -> int:
    args = parse_args()
    temporary = setup_django()
    try:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        database = describe_database()
        print(f"Generating {args.people:,} people on {database} ...", file=sys.stderr)
        workspace, user, made, seconds, timings = generate_network(args.people, args.seed,
                                                                   args.fast)
        print(f"Measuring ({args.runs} runs each) ...", file=sys.stderr)
        results = measure(workspace, user, args.runs)
        print_report(args, made, seconds, timings, results, database)
    finally:
        if temporary and not args.keep:
            from django.db import connection

            connection.close()
            shutil.rmtree(temporary, ignore_errors=True)
        elif temporary:
            print(f"\nkept: {temporary}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
