"""Solves a scheduling engine's problem, written out as its slot catalogue, with OR-Tools CP-SAT.

Usage: cpsat_schedule.py INSTANCE.json SOLUTION.json

The instance (written by scheduling-optimality-benchmark) lists every session's candidate slots
with their exact costs; this script only adds the pairwise rules and terms:
  - one candidate per session (every session with a candidate is placed);
  - an optional invitee attends where the candidate allows them and no other session they attend
    overlaps it, and is absent otherwise (the engine's attendance rule);
  - no participant attends two overlapping sessions, no venue holds two at once;
  - score: candidate costs, attendance and absence costs, same-day pairs per attendee and local day
    (not between sessions of one occurrence of a program), series drift and weekday changes against
    the series' first occurrence on the organiser's clock, conference spread per occurrence.
Costs are scaled to integers (1/SCALE of a point); the script fails if a weight does not scale.

It starts from a given assignment (the engine's) as a hint when the instance names one, and
it also scores given assignments (the engine's) in the same model with every choice fixed, so that
the model and the engine can be compared both ways. Prints nothing; writes SOLUTION.json.
"""

import json
import sys
import time
from collections import defaultdict

from ortools.sat.python import cp_model

SCALE = 240


def scaled(value):
    result = round(value * SCALE)
    if abs(result - value * SCALE) > 1e-6:
        raise SystemExit(f"cost {value} does not scale to an integer at 1/{SCALE}")
    return result


def build(instance, fixed=None, hint=None):
    model = cp_model.CpModel()
    sessions = instance["sessions"]
    objective = []
    x = []  # x[s][c]
    attend = []  # attend[s][j][c]: optional invitee j of s attends at candidate c (only where allowed)
    items = defaultdict(list)  # participant -> [(start, end, literal, session, day)]
    venue_items = defaultdict(list)
    for s, session in enumerate(sessions):
        candidates = session["candidates"]
        literals = [model.NewBoolVar(f"x{s}_{c}") for c in range(len(candidates))]
        x.append(literals)
        if candidates:
            model.AddExactlyOne(literals)
        choice = fixed[s] if fixed is not None else None
        if hint is not None and hint[s] is not None:
            for c, literal in enumerate(literals):
                model.AddHint(literal, c == hint[s][0])
        if fixed is not None:
            for c, literal in enumerate(literals):
                model.Add(literal == (1 if choice is not None and choice[0] == c else 0))
        required = session["required"]
        optional = session["optional"]
        per_optional = []
        for c, candidate in enumerate(candidates):
            start, end, venue, cost, optional_costs, days = candidate[:6]
            if cost:
                objective.append(scaled(cost) * literals[c])
            for position, participant in enumerate(required):
                items[participant].append((start, end, literals[c], s, days[position]))
            if venue is not None:
                venue_items[venue].append((start, end, literals[c]))
        for j, participant in enumerate(optional):
            literals_j = {}
            for c, candidate in enumerate(candidates):
                optional_cost = candidate[4][j]
                if optional_cost is None:
                    continue
                literal = model.NewBoolVar(f"a{s}_{j}_{c}")
                model.AddImplication(literal, literals[c])
                literals_j[c] = literal
                if hint is not None and hint[s] is not None:
                    model.AddHint(literal, c == hint[s][0] and participant in hint[s][1])
                if optional_cost:
                    objective.append(scaled(optional_cost) * literal)
                items[participant].append(
                    (candidate[0], candidate[1], literal, s, candidate[5][len(required) + j]))
            per_optional.append(literals_j)
            if candidates:
                # Absent unless attending at the chosen candidate.
                absence = scaled(session["absence"])
                objective.append(absence)
                objective.extend(-absence * literal for literal in literals_j.values())
            if choice is not None:
                attending = participant in choice[1]
                for c, literal in literals_j.items():
                    model.Add(literal == (1 if attending and c == choice[0] else 0))
        attend.append(per_optional)

    # No participant in two places at once; no venue booked twice.
    def no_overlap(entries):
        if len(entries) < 2:
            return
        intervals = [
            model.NewOptionalFixedSizeIntervalVar(start // 60, (end - start) // 60, literal, "")
            for start, end, literal, *_ in entries
        ]
        model.AddNoOverlap(intervals)

    for entries in items.values():
        no_overlap(entries)
    for entries in venue_items.values():
        no_overlap(entries)

    # The attendance rule: an optional invitee the chosen candidate allows attends unless another
    # session they attend overlaps it.
    for s, session in enumerate(sessions):
        for j, participant in enumerate(session["optional"]):
            others = sorted(
                (entry for entry in items[participant] if entry[3] != s), key=lambda entry: entry[0])
            starts = [entry[0] for entry in others]
            for c, literal in attend[s][j].items():
                start, end = session["candidates"][c][0], session["candidates"][c][1]
                clashes = [entry[2] for entry in others if entry[0] < end and entry[1] > start]
                model.AddBoolOr([x[s][c].Not(), literal] + clashes)

    # Same-day pairs of each participant, but for two sessions of one occurrence.
    group_of = [session["group"] for session in sessions]
    pair = scaled(instance["sameDayPair"])
    if pair:
        for participant, entries in items.items():
            by_day = defaultdict(lambda: defaultdict(list))  # day -> session -> literals
            for _, _, literal, s, day in entries:
                by_day[day][s].append(literal)
            for day, by_session in by_day.items():
                if len(by_session) < 2:
                    continue
                groups = defaultdict(list)
                for s in by_session:
                    groups[group_of[s]].append(s)
                if len(groups) < 2:
                    continue
                if all(len(members) == 1 for members in groups.values()):
                    count = sum(literal for literals in by_session.values() for literal in literals)
                    pairs = model.NewIntVar(0, len(by_session) * (len(by_session) - 1) // 2, "")
                    for k in range(1, len(by_session)):
                        model.Add(pairs >= k * count - k * (k + 1) // 2)
                    objective.append(pair * pairs)
                else:
                    sessions_here = sorted(by_session)
                    for a in range(len(sessions_here)):
                        for b in range(a + 1, len(sessions_here)):
                            first, second = sessions_here[a], sessions_here[b]
                            if group_of[first] == group_of[second]:
                                continue
                            both = model.NewBoolVar("")
                            model.Add(both >= sum(by_session[first]) + sum(by_session[second]) - 1)
                            objective.append(pair * both)

    # Series: drift and weekday changes of later occurrences from the first.
    series = defaultdict(list)
    for s, session in enumerate(sessions):
        if session["series"] is not None and session["candidates"]:
            series[session["series"]].append(s)
    drift = instance["seriesDriftPerHour"] * SCALE / 60
    if abs(drift - round(drift)) > 1e-9:
        raise SystemExit("series drift weight does not scale")
    drift = round(drift)
    change = scaled(instance["seriesWeekdayChange"])

    def minute_and_weekday(s):
        candidates = sessions[s]["candidates"]
        minute = model.NewIntVar(0, 1439, "")
        weekday = model.NewIntVar(0, 6, "")
        model.Add(minute == sum(candidate[6] * x[s][c] for c, candidate in enumerate(candidates)))
        model.Add(weekday == sum(candidate[7] * x[s][c] for c, candidate in enumerate(candidates)))
        return minute, weekday

    for members in series.values():
        members.sort(key=lambda s: sessions[s]["occurrence"])
        anchor_minute, anchor_weekday = minute_and_weekday(members[0])
        for s in members[1:]:
            minute, weekday = minute_and_weekday(s)
            if drift:
                difference = model.NewIntVar(-1439, 1439, "")
                model.Add(difference == minute - anchor_minute)
                distance = model.NewIntVar(0, 1439, "")
                model.AddAbsEquality(distance, difference)
                around = model.NewIntVar(0, 1440, "")
                model.Add(around == 1440 - distance)
                circular = model.NewIntVar(0, 720, "")
                model.AddMinEquality(circular, [distance, around])
                objective.append(drift * circular)
            if change:
                changed = model.NewBoolVar("")
                model.Add(weekday == anchor_weekday).OnlyEnforceIf(changed.Not())
                objective.append(change * changed)

    # Conference spread: minutes from the first start to the last end beyond the longest session.
    spread = instance["conferenceSpreadPerHour"] * SCALE / 60
    if abs(spread - round(spread)) > 1e-9:
        raise SystemExit("conference spread weight does not scale")
    spread = round(spread)
    occurrences = defaultdict(list)
    for s, session in enumerate(sessions):
        if session["conference"] and session["candidates"]:
            occurrences[session["group"]].append(s)
    for members in occurrences.values():
        if len(members) < 2 or not spread:
            continue
        starts, ends, lengths = [], [], []
        low = min(candidate[0] for s in members for candidate in sessions[s]["candidates"]) // 60
        high = max(candidate[1] for s in members for candidate in sessions[s]["candidates"]) // 60
        for s in members:
            candidates = sessions[s]["candidates"]
            start = model.NewIntVar(low, high, "")
            end = model.NewIntVar(low, high, "")
            model.Add(start == sum(candidate[0] // 60 * x[s][c] for c, candidate in enumerate(candidates)))
            model.Add(end == sum(candidate[1] // 60 * x[s][c] for c, candidate in enumerate(candidates)))
            length = model.NewIntVar(0, high - low, "")
            model.Add(length == end - start)
            starts.append(start)
            ends.append(end)
            lengths.append(length)
        first = model.NewIntVar(low, high, "")
        last = model.NewIntVar(low, high, "")
        longest = model.NewIntVar(0, high - low, "")
        model.AddMinEquality(first, starts)
        model.AddMaxEquality(last, ends)
        model.AddMaxEquality(longest, lengths)
        objective.append(spread * (last - first - longest))

    model.Minimize(sum(objective))
    return model, x, attend


def solve(instance, fixed=None, hint=None, time_limit=60.0, workers=2):
    model, x, attend = build(instance, fixed, hint)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = 1
    started = time.monotonic()
    status = solver.Solve(model)
    wall = time.monotonic() - started
    result = {"status": solver.StatusName(status), "wall": wall, "cpu": solver.UserTime()}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        result["objective"] = solver.ObjectiveValue() / SCALE
        result["bound"] = solver.BestObjectiveBound() / SCALE
        choices = []
        for s, session in enumerate(instance["sessions"]):
            chosen = next((c for c, literal in enumerate(x[s]) if solver.Value(literal)), None)
            if chosen is None:
                choices.append(None)
                continue
            attending = [
                participant
                for j, participant in enumerate(session["optional"])
                if chosen in attend[s][j] and solver.Value(attend[s][j][chosen])
            ]
            choices.append([chosen, attending])
        result["choices"] = choices
    return result


def main():
    instance_path, solution_path = sys.argv[1], sys.argv[2]
    with open(instance_path) as handle:
        instance = json.load(handle)
    hint = instance.get("score", {}).get(instance["hint"]) if instance.get("hint") else None
    solution = solve(
        instance, hint=hint, time_limit=instance.get("timeLimit", 60.0), workers=instance.get("workers", 2))
    solution["scored"] = {}
    for name, fixed in instance.get("score", {}).items():
        scored = solve(instance, fixed=fixed, time_limit=30.0, workers=1)
        solution["scored"][name] = {"status": scored["status"], "objective": scored.get("objective")}
    with open(solution_path, "w") as handle:
        json.dump(solution, handle)


if __name__ == "__main__":
    main()
