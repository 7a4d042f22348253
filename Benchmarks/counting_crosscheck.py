"""Cross-checks `tabella count` against independent implementations on random profiles.

Instant-runoff and STV against stvpoll (its IRV and its Scottish STV: Droop quota, weighted inclusive Gregory
transfers with ballot values rounded to 5 decimals, backward tie-breaking on earlier rounds), Schulze against
schulze-condorcet (given Tabella's winning-votes link strength). Each profile is drawn from the seed; the
candidates are handed to stvpoll in Tabella's tie-break order with its fallback tie-break set to that order, so that
both sides break ties alike. Every difference is classified by the rule that explains it, or reported as
unexplained (exit status 1). See Docs/mixnet.md, "Counting methods", for the rules and the last results.
"""

import argparse
import json
import random
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from fractions import Fraction

from schulze_condorcet import schulze_evaluate
from stvpoll.irv import calculate_irv
from stvpoll.scottish_stv import calculate_scottish_stv
from stvpoll.types import CandidateStatus


def random_profile(rng, method):
    """A profile of 3 to 7 candidates and up to 40 ballot lines, some truncated, some invalid."""
    size = rng.randint(3, 7)
    candidates = [f"c{i}" for i in range(size)]
    ballots = []
    for _ in range(rng.randint(1, 40)):
        ranking = rng.sample(range(size), rng.randint(1, size))
        if rng.random() < 0.05:
            ranking = ranking + [ranking[0]]  # repeated: invalid
        elif rng.random() < 0.03:
            ranking = ranking + [size]  # unknown index: invalid
        ballots.append({"ranking": ranking, "weight": rng.choice([1, 1, 1, 2, 3])})
    profile = {"candidates": candidates, "ballots": ballots, "seed": rng.randbytes(8).hex()}
    seats = rng.randint(2, max(2, size - 1)) if method == "stv" else None
    return profile, seats


def run_tabella(tabella, profile, method, seats):
    command = [tabella, "count", "--method", method, "--json"]
    if seats is not None:
        command += ["--seats", str(seats)]
    output = subprocess.run(command, input=json.dumps(profile), capture_output=True, text=True, check=True)
    return json.loads(output.stdout)


def valid_ballots(profile):
    """The valid ballots by Docs/mixnet.md (known, distinct candidates, 1 to all ranked), as (names, weight)."""
    names = profile["candidates"]
    valid = []
    for ballot in profile["ballots"]:
        ranking = ballot["ranking"]
        if all(0 <= c < len(names) for c in ranking) and len(set(ranking)) == len(ranking) and ranking:
            valid.append(([names[c] for c in ranking], ballot["weight"]))
    return valid


def first_difference(ours, theirs):
    """The index of the first round where the counts differ (who is elected or excluded, or a tally beyond
    stvpoll's rounding), with a description, or (None, "") when they agree throughout."""
    for number, (mine, other) in enumerate(zip(ours, theirs)):
        decided = mine["elected"] if mine["elected"] else [mine["eliminated"]]
        status = CandidateStatus.Elected if mine["elected"] else CandidateStatus.Excluded
        if set(other.selected) != set(decided) or other.status != status:
            return number, f"round {number + 1}: {decided} against {list(other.selected)} ({other.status.value})"
        for tally in mine["tallies"]:
            exact = Fraction(tally["votes"])
            if abs(Decimal(exact.numerator) / Decimal(exact.denominator) - other.votes[tally["candidate"]]) > 1e-3:
                return number, f"round {number + 1}: {tally['candidate']} has {tally['votes']} against " \
                                f"{other.votes[tally['candidate']]}"
    if len(ours) != len(theirs):
        return min(len(ours), len(theirs)), f"{len(ours)} rounds against {len(theirs)}"
    return None, ""


def transfer_once_per_ballot(ballots, vote_count, transfers, standing, quota, decrease_value):
    """stvpoll's serial transfer with Tabella's rule for several candidates elected in one round: a ballot moves
    with the surplus of the candidate it counts for (the first of it among that candidate, the standing ones and
    the elected ones still to transfer), so it is reduced by that candidate's transfer value only."""
    log = Counter()
    exhausted = Decimal(0)
    counts = dict(vote_count)
    queue = list(transfers)
    while queue:
        candidate = queue.pop(0)
        factor = (counts[candidate] - quota) / counts[candidate] if decrease_value else Decimal(1)
        holders = tuple(standing) + tuple(queue)
        for ballot in ballots:
            if ballot.get_next_preference((candidate,) + holders) != candidate:
                continue
            ballot.decrease_value(factor)
            target = ballot.get_next_preference(holders)
            if target is None:
                exhausted += ballot.value
            else:
                log[(candidate, target)] += ballot.value
                counts[target] += ballot.value
    return log, exhausted, {c: counts[c] for c in standing}


def near_tie(result, index):
    """Whether Tabella's round `index` has, after a fractional transfer, a tally within 0.001 of the quota or of
    another tally: where stvpoll's 5-decimal rounding of ballot values can decide differently."""
    rounds = result["rounds"]
    if index >= len(rounds) or not any(Fraction(t["transferValue"]).denominator > 1
                                       for r in rounds[:index] for t in r["transfers"]):
        return False
    quota = Fraction(result["quota"])
    votes = sorted(Fraction(t["votes"]) for t in rounds[index]["tallies"])
    return any(abs(v - quota) < Fraction(1, 1000) for v in votes) or \
        any(b - a < Fraction(1, 1000) for a, b in zip(votes, votes[1:]) if a != b)


def irv_majority_rule(result, index):
    """Whether stvpoll's IRV agrees up to Tabella's last round, where Tabella's winner has a majority of the ballots
    not exhausted but not stvpoll's quota of all valid ballots."""
    last = result["rounds"][-1]
    votes = {t["candidate"]: Fraction(t["votes"]) for t in last["tallies"]}
    return index == len(result["rounds"]) - 1 and bool(last["elected"]) and \
        votes[last["elected"][0]] < result["validWeight"] // 2 + 1


def compare(result, theirs):
    """(index of the first differing round or None, description), counting the elected as a set."""
    index, where = first_difference(result["rounds"], theirs.rounds)
    if index is None and set(theirs) != set(result["elected"]):
        return len(result["rounds"]), f"elected {result['elected']} against {list(theirs)}"
    return index, where


def check_transfer(tabella, rng, method):
    profile, seats = random_profile(rng, method)
    result = run_tabella(tabella, profile, method, seats)
    valid = valid_ballots(profile)
    assert result["validBallots"] == len(valid), "valid ballot counts differ"
    assert result["invalid"]["count"] == len(profile["ballots"]) - len(valid), "invalid ballot counts differ"
    order = tuple(result["tieBreakOrder"])
    ballots = [(tuple(names), weight) for names, weight in valid]

    def stvpoll(**options):
        if method == "stv":
            return calculate_scottish_stv(order, ballots, seats, random_shuffle=False, pedantic_order=True,
                                          **options)
        return calculate_irv(order, ballots, random_shuffle=False, **options)

    theirs = stvpoll()
    index, where = compare(result, theirs)
    if index is None:
        return "agree", None
    explanation = None
    if method == "instant-runoff":
        # Where the rule explains it, stvpoll's STV for one seat (which elects the last standing candidate) must
        # elect Tabella's winner, after the same rounds up to Tabella's last.
        one_seat = calculate_scottish_stv(order, ballots, 1, random_shuffle=False, pedantic_order=True)
        prefix, _ = first_difference(result["rounds"][:-1], one_seat.rounds[:len(result["rounds"]) - 1])
        if irv_majority_rule(result, index) and prefix is None and list(one_seat) == result["elected"]:
            explanation = "IRV majority of the ballots not exhausted"
    else:
        variant_index, _ = compare(result, stvpoll(transfer_strategy=transfer_once_per_ballot))
        if variant_index is None:
            explanation = "STV serial transfer of several elected in one round (agrees with that rule changed)"
        elif near_tie(result, variant_index):
            explanation = "STV 5-decimal rounding at a near tie"
    detail = {"profile": profile, "seats": seats, "tabella": result["elected"], "other": list(theirs),
              "first difference": where, "explanation": explanation}
    return (f"explained ({explanation})" if explanation else "unexplained"), detail


def check_schulze(tabella, rng):
    profile, _ = random_profile(rng, "schulze")
    result = run_tabella(tabella, profile, "schulze", None)
    valid = valid_ballots(profile)
    names = profile["candidates"]
    votes = []
    for ranked, weight in valid:
        unranked = [c for c in names if c not in ranked]
        text = ">".join(ranked) + ((">" + "=".join(unranked)) if unranked else "")
        votes += [text] * weight

    def strength(*, support, opposition, totalvotes):
        return support if support > opposition else 0

    if not votes:
        return ("agree", None) if not result["elected"] else ("unexplained", {"profile": profile})
    levels = [level.split("=") for level in schulze_evaluate(votes, names, strength=strength).split(">")]
    table = result["schulze"]
    order = result["tieBreakOrder"]
    same_winners = sorted(levels[0]) == sorted(table["winners"])
    expected_elected = min(levels[0], key=order.index)
    if not same_winners or result["elected"] != [expected_elected]:
        return "unexplained", {"profile": profile, "tabella": table["winners"], "other": levels[0]}
    # schulze-condorcet recomputes the strongest paths among the remaining candidates for each later level; Tabella
    # ranks once by the paths among all candidates (Schulze's relation), so only the winners must agree.
    flat = [c for level in levels for c in sorted(level, key=order.index)]
    return ("agree", None) if flat == table["ranking"] else ("agree-winners", None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tabella", required=True)
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--profiles", type=int, default=100, help="profiles per method")
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    unexplained = 0
    for method in ["instant-runoff", "stv", "schulze"]:
        outcomes = {}
        for _ in range(arguments.profiles):
            if method == "schulze":
                outcome, detail = check_schulze(arguments.tabella, rng)
            else:
                outcome, detail = check_transfer(arguments.tabella, rng, method)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            if detail:
                print(json.dumps({"method": method, "outcome": outcome, **detail}), file=sys.stderr)
            unexplained += outcome == "unexplained"
        summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items()))
        print(f"{method}: {arguments.profiles} profiles (seed {arguments.seed}): {summary}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
