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


def rounds_agree(ours, theirs):
    """Compares round by round: who is elected or excluded, and the tallies (within stvpoll's rounding)."""
    if len(ours) != len(theirs):
        return False, f"{len(ours)} rounds against {len(theirs)}"
    for number, (mine, other) in enumerate(zip(ours, theirs), start=1):
        decided = mine["elected"] if mine["elected"] else [mine["eliminated"]]
        status = CandidateStatus.Elected if mine["elected"] else CandidateStatus.Excluded
        if list(other.selected) != decided or other.status != status:
            return False, f"round {number}: {decided} against {list(other.selected)} ({other.status.value})"
        for tally in mine["tallies"]:
            exact = Fraction(tally["votes"])
            if abs(Decimal(exact.numerator) / Decimal(exact.denominator) - other.votes[tally["candidate"]]) > 1e-3:
                return False, f"round {number}: {tally['candidate']} has {tally['votes']} against " \
                              f"{other.votes[tally['candidate']]}"
    return True, ""


def explain_transfer_difference(result):
    """The rule behind an STV or IRV difference, from Tabella's rounds, or None."""
    rounds = result["rounds"]
    if result["method"] == "instant-runoff":
        quota = result["validWeight"] // 2 + 1
        last = rounds[-1]
        votes = {t["candidate"]: Fraction(t["votes"]) for t in last["tallies"]}
        if last["elected"] and votes[last["elected"][0]] < quota:
            return "majority of the ballots not exhausted (Tabella) against a majority of all valid ballots " \
                   "(stvpoll, which then stops without a winner)"
        return None
    for number, round in enumerate(rounds, start=1):
        if len(round["elected"]) > 1 and round["transfers"]:
            return f"two or more elected in round {number}: stvpoll reduces a ballot that ranks a later-elected " \
                   "candidate above an earlier one by both transfer values"
        votes = sorted(Fraction(t["votes"]) for t in round["tallies"])
        if any(b - a < Fraction(1, 1000) and b != a for a, b in zip(votes, votes[1:])):
            return f"round {number}: tallies closer than 0.001, within stvpoll's 5-decimal rounding of ballot values"
        equal = [v for v in votes if votes.count(v) > 1]
        if round["elected"] and equal and any(Fraction(t["votes"]) in equal for t in round["tallies"]
                                             if t["candidate"] in round["elected"]):
            return f"round {number}: candidates elected with equal votes are ordered by earlier rounds (Tabella) " \
                   "against the candidate order (stvpoll)"
    return None


def check_transfer(tabella, rng, method):
    profile, seats = random_profile(rng, method)
    result = run_tabella(tabella, profile, method, seats)
    valid = valid_ballots(profile)
    assert result["validBallots"] == len(valid), "valid ballot counts differ"
    assert result["invalid"]["count"] == len(profile["ballots"]) - len(valid), "invalid ballot counts differ"
    order = tuple(result["tieBreakOrder"])
    ballots = [(tuple(names), weight) for names, weight in valid]
    if method == "stv":
        theirs = calculate_scottish_stv(order, ballots, seats, random_shuffle=False)
    else:
        theirs = calculate_irv(order, ballots, random_shuffle=False)
    same_winners = list(theirs) == result["elected"]
    same_rounds, where = rounds_agree(result["rounds"], theirs.rounds)
    if same_winners and same_rounds:
        return "agree", None
    explanation = explain_transfer_difference(result)
    detail = {"profile": profile, "seats": seats, "tabella": result["elected"], "other": list(theirs),
              "first difference": where, "explanation": explanation}
    return ("explained" if explanation else "unexplained"), detail


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
