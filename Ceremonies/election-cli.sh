#!/usr/bin/env bash
# A whole election through the command line, as its people run it: three trustees enroll, the authority creates
# the election on a board (`board serve --native`), the trustees run the key ceremony on the board, six voters
# cast (one challenges first, one votes twice: the last ballot counts), the authority closes and tallies, two
# trustees decrypt (the third is absent) and cosign, the decision note is checked offline and handed to an
# --on-decision hook, a receipt is checked, and the verifier checks the whole board.
# Expected: motion yes 4, no 2 -> passed; pick a 3, b 4, c 1 -> elected b, a.
source "$(dirname "$0")/lib.sh"
GROUP="${ELECTION_GROUP:-ristretto255}"

start_board cli-test

cat >manifest.json <<JSON
{"electionID": "cli-test", "title": "CLI test", "group": "$GROUP", "trustees": 3, "threshold": 2,
 "opens": 0, "closes": 4102444800, "weightFunction": {"onePerVoter": {}},
 "contests": [
  {"id": "motion", "question": "Adopt the motion?", "kind": "referendum", "minimumSelections": 1,
   "maximumSelections": 1, "options": [{"id": "yes", "text": "Yes"}, {"id": "no", "text": "No"}],
   "rule": {"quorum": {"numerator": 1, "denominator": 2}, "threshold": {"numerator": 1, "denominator": 2},
            "strict": true}},
  {"id": "pick", "question": "Pick one or two", "kind": "choose", "minimumSelections": 1, "maximumSelections": 2,
   "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}, {"id": "c", "text": "C"}],
   "rule": {"quorum": {"numerator": 0, "denominator": 1}, "threshold": {"numerator": 0, "denominator": 1},
            "strict": false}}]}
JSON
create_and_open 6

# An over-limit choice is refused by the client before anything is posted.
if "$TABELLA" vote cast "${ON[@]}" --credential creds/voter-0001.json --select motion=yes --select pick=a,b,c \
    >overlimit.txt 2>&1; then fail "an over-limit ballot was cast"; fi
grep -q "takes 1 to 2 selections, not 3" overlimit.txt || fail "over-limit message: $(cat overlimit.txt)"

"$TABELLA" vote cast "${ON[@]}" --credential creds/voter-0001.json --select motion=no --select pick=c --challenge \
    >challenge.txt
grep -q "motion: no" challenge.txt && grep -q "pick: c" challenge.txt || fail "challenge: $(cat challenge.txt)"
vote() { "$TABELLA" vote cast "${ON[@]}" --credential "creds/voter-000$1.json" --select "motion=$2" --select "pick=$3" \
    --receipt "receipt-$1.json" >/dev/null; }
vote 1 yes a,b
vote 2 yes b
vote 3 no a
vote 4 yes b,a
vote 5 yes b
vote 6 yes c
vote 6 no c     # voter 6 changes their mind: only this ballot counts
"$TABELLA" election close "${ON[@]}" --key authority.key >/dev/null

"$TABELLA" election tally "${ON[@]}" --key authority.key --wait 120 --decision-out decision.note \
    --on-decision 'cat > hook.json; test -s "$TABELLA_DECISION_NOTE"' >tally.out 2>&1 &
tally=$!
sleep 1
"$TABELLA" trustee decrypt-tally "${ON[@]}" --key t1.key --share t1.share >/dev/null
"$TABELLA" trustee decrypt-tally "${ON[@]}" --key t3.key --share t3.share >/dev/null
for _ in $(seq 1 100); do grep -q "election-result\|cosignatures" tally.out 2>/dev/null && break
    "$TABELLA" election status "${ON[@]}" | grep -q "result posted: true" && break; sleep 0.2; done
"$TABELLA" trustee cosign "${ON[@]}" --key t1.key >/dev/null
"$TABELLA" trustee cosign "${ON[@]}" --key t3.key >/dev/null
wait $tally || fail "tally: $(cat tally.out)"
grep -q "motion: passed (votes 4, 2" tally.out || fail "motion: $(cat tally.out)"
grep -q "pick: elected b, a (votes 3, 4, 1" tally.out || fail "pick: $(cat tally.out)"
grep -q '"outcome":"passed"' hook.json || fail "the hook got: $(cat hook.json)"

"$TABELLA" decision verify decision.note --keys decision.note.keys.json >verified.json
grep -q '"trustees" : \[\s*1,\s*3\s*\]' <(tr -d '\n' <verified.json) || fail "decision signers: $(cat verified.json)"
sed 's/votes 4,2/votes 5,1/' decision.note >forged.note
if "$TABELLA" decision verify forged.note --keys decision.note.keys.json >/dev/null 2>&1; then
    fail "a forged decision note verified"
fi
"$TABELLA" vote check-receipt --receipt receipt-2.json --board "$BOARD" --vkey "$VKEY" >/dev/null
"$TABELLA" board keygen --name "localhost/cli-test" --out impostor.key >impostor.vkey
status=0; "$TABELLA" verify "$BOARD" --vkey "$(tail -1 impostor.vkey | sed 's/.* //')" >impostor.txt || status=$?
[ "$status" = 1 ] && grep -q "First failure: step 11" impostor.txt || fail "wrong board key: $status $(cat impostor.txt)"
status=0; "$TABELLA" verify http://127.0.0.1:1 --vkey "$VKEY" >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "an unreachable board exits with $status, not 2"
"$TABELLA" verify "$BOARD" --vkey "$VKEY" >verify.txt || fail "verification: $(cat verify.txt)"
grep -q "11 of 11 applicable steps passed" verify.txt || fail "verification: $(cat verify.txt)"
echo "PASS election through the CLI: ceremony, challenge, revote, tally with a trustee absent, signed decision, verified"
