# Compares the figures of `kizuki aggregate`'s report.json with DuckDB's, run on the rows
# that the same run wrote (rows.parquet), with the queries of tests/bench/aggregate-duckdb*.sql.
# Run by tests/bench/duckdb-check.sh in a scratch directory holding report.json, the rows
# and the SQL file:  python duckdb-check.py checklist|course|stress QUERIES.sql
#
# Every figure the report shows is compared; hidden ones (groups under the minimum, small
# cells) are skipped, as the queries give raw counts. Counts compare as integers. Rates and
# means compare exactly as numbers with one decimal: the queries round as the report does
# (rates: half up on integers, `(part * 1000 + whole // 2) // whole / 10`; means of the
# 判定図 and active minutes: `round()` of the double mean, half away from zero, as Rust's
# f64::round), so any difference, even in the last decimal, fails.
import json
import sys

import duckdb

kind, sql_path = sys.argv[1], sys.argv[2]
report = json.load(open("report.json"))
statements = [
    s
    for s in open(sql_path).read().split(";\n")
    if any(l.strip() and not l.strip().startswith("--") for l in s.splitlines())
]
db = duckdb.connect()
db.execute(statements[0])
checks = []


def same(what, got, want):
    checks.append((what, got, want))


def shown(group):
    """A group's figures when the report shows them, else None."""
    return group.get("shown") if isinstance(group, dict) else None


def number(value):
    """DuckDB's DECIMAL or DOUBLE as a float (one decimal), None as None."""
    return None if value is None else float(value)


def checklist():
    figures = report["checklist"]
    files, complete, mean = db.execute(statements[1]).fetchone()
    same("files", files, report["files_valid"])
    same("complete files", complete, figures["complete_files"])
    same("mean score", number(mean), figures["mean_percent"]["shown"])
    bands = dict(db.execute(statements[2]).fetchall())
    for band in figures["size_bands"]:
        if shown(band["figures"]):
            same(f"size {band['id']}", bands.get(band["id"], 0), band["figures"]["shown"]["files"])
    answers = {}
    for item, choice, n, applies in db.execute(statements[3]).fetchall():
        answers.setdefault(item, {"applies": int(applies), "choices": {}})["choices"][choice] = n
    for item in figures["items"]:
        numbers = shown(item["answers"])
        if not numbers:
            continue
        got = answers.get(item["id"], {"applies": 0, "choices": {}})
        same(f"{item['id']} applies", got["applies"], numbers["applies"])
        for choice, n in numbers["choices"].items():
            if n is not None:
                same(f"{item['id']} {choice}", got["choices"].get(choice, 0), n)
        if numbers["unanswered"] is not None:
            same(f"{item['id']} unanswered", got["choices"].get(None, 0), numbers["unanswered"])
    reasons = {r: (a, f) for r, a, f in db.execute(statements[4]).fetchall()}
    for reason, tally in figures["why_not_overall"]["shown"]["why_not"].items():
        answers_n, files_n = reasons.get(reason, (0, 0))
        if tally["answers"] is not None:
            same(f"why not {reason} answers", answers_n, tally["answers"])
        if tally["files"] is not None:
            same(f"why not {reason} files", files_n, tally["files"])


def course():
    figures = report["course"]
    records, completed, completion, answered, improved, improved_percent = db.execute(
        statements[1]
    ).fetchone()
    same("records", records, report["files_valid"])
    same("completed course", completed, figures["completed_course"])
    same("completion rate", number(completion), figures["completion_rate_percent"])
    follow_up = shown(figures["follow_up"])
    if follow_up:
        same("follow-up answered", answered, follow_up["answered"])
        same("follow-up improved", improved, follow_up["improved"])
        same("improved %", number(improved_percent), follow_up["improved_percent"])
    columns = [d[0] for d in db.execute(statements[2]).description]
    modules = {row[0]: dict(zip(columns, row)) for row in db.execute(statements[2]).fetchall()}
    # Every module DuckDB finds started is one of the report's (which lists every module).
    same("modules not in the report", sorted(set(modules) - {m["id"] for m in figures["modules"]}), [])
    for module in figures["modules"]:
        numbers = shown(module["figures"])
        if not numbers:
            continue
        got = modules.get(module["id"], {})
        name = module["id"]
        same(f"{name} started", got.get("started"), numbers["started"])
        same(f"{name} completed", got.get("completed"), numbers["completed"])
        same(f"{name} completion %", number(got.get("completion_rate_percent")), numbers["completion_rate_percent"])
        same(f"{name} mean active minutes", number(got.get("mean_active_minutes")), numbers["mean_active_minutes"])
        quiz = shown(numbers["quiz"])
        if quiz:
            same(f"{name} quiz attempted", got.get("attempted"), quiz["attempted"])
            same(f"{name} quiz passed", got.get("passed"), quiz["passed"])
            same(f"{name} pass rate", number(got.get("pass_rate_percent")), quiz["pass_rate_percent"])
        for feedback in numbers["feedback"]:
            answers = shown(feedback["figures"])
            if not answers:
                continue
            prefix = {"understanding": "understanding", "usefulness": "useful"}[feedback["question"]]
            same(f"{name} {prefix} answered", got.get(f"{prefix}_answered"), answers["answered"])
            same(f"{name} {prefix} positive", got.get(f"{prefix}_positive"), answers["positive"])
            label = "有益度 %" if prefix == "useful" else "理解度 %"
            same(f"{name} {label}", number(got.get(f"{prefix}_percent")), answers["positive_percent"])
    whole = {q: (a, p, pc) for q, a, p, pc in db.execute(statements[3]).fetchall()}
    for feedback in figures["course_feedback"]:
        answers = shown(feedback["figures"])
        if not answers:
            continue
        question = feedback["question"]
        a, p, pc = whole.get(question, (None, None, None))
        same(f"course {question} answered (people)", a, answers["answered"])
        same(f"course {question} positive (people)", p, answers["positive"])
        same(f"course {question} %", number(pc), answers["positive_percent"])
        if feedback["target_percent"] is not None:
            meets = None if pc is None else number(pc) >= feedback["target_percent"]
            same(f"course {question} meets {feedback['target_percent']} %", meets, feedback["meets_target"])


def stress():
    figures = report["questionnaire"]
    counted, incomplete = db.execute(statements[1]).fetchone()
    same("counted", counted, figures["files_counted"])
    same("incomplete", incomplete, figures["files_incomplete"])
    columns = [d[0] for d in db.execute(statements[2]).description]
    cells = {}
    for row in db.execute(statements[2]).fetchall():
        cell = dict(zip(columns, row))
        cells[(cell["split"], cell["group"])] = cell

    def means(label, got, want):
        same(f"{label} people", got.get("people"), want["n"])
        for measure, value in want["measures"].items():
            same(f"{label} {measure}", number(got.get(measure)), value)

    # The same groups, hidden ones included (a group DuckDB finds that the report lacks fails).
    listed = {(s.get("value"), None) for s in figures["splits"]}
    listed |= {(s.get("value"), g["group"]) for s in figures["splits"] for g in s["groups"]}
    same("splits and groups", sorted(cells, key=str), sorted(listed, key=str))
    for split in figures["splits"]:
        whole = shown(split["whole"])
        if whole:
            means(f"{split.get('value')}", cells.get((split.get("value"), None), {}), whole)
        for group in split["groups"]:
            numbers = shown(group["figures"])
            if numbers:
                key = (split.get("value"), group["group"])
                means(f"{split.get('value')} {group['group']}", cells.get(key, {}), numbers)


{"checklist": checklist, "course": course, "stress": stress}[kind]()
bad = [c for c in checks if c[1] != c[2]]
print(f"{kind}: {len(checks)} figures compared on {report['files_valid']} files, {len(bad)} differ")
for what, got, want in bad[:20]:
    print(f"  {what}: duckdb {got}, kizuki {want}")
raise SystemExit(1 if bad or not checks else 0)
