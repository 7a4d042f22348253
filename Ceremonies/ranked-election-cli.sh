#!/usr/bin/env bash
# A ranked and write-in election through the command line: three trustees enroll and run the key ceremony on a
# board, five voters rank three candidates (instant-runoff) and answer a write-in contest (one challenges first),
# the authority closes; the three trustees shuffle in turn (`trustee mix`; the manifest asks for three mixers,
# above the threshold of two), two of them decrypt the mixed list (the third is absent), the authority posts the count and the homomorphic tally, and the verifier checks the whole
# board, including the mix-net's checks 12 to 15 (check 7 is not applicable: no contest is tallied homomorphically).
# Expected: chair elects bob (first preferences ada 2, bob 2, cy 1; cy's ballot moves to bob); motto: "onward"
# written twice beats the listed option "forward" chosen once.
source "$(dirname "$0")/lib.sh"
GROUP="${ELECTION_GROUP:-ristretto255}"

start_board ranked-test

cat >manifest.json <<JSON
{"electionID": "ranked-test", "title": "Ranked CLI test", "group": "$GROUP", "trustees": 3, "threshold": 2, "mixers": 3,
 "opens": 0, "closes": 4102444800, "weightFunction": {"onePerVoter": {}},
 "contests": [
  {"id": "chair", "question": "Rank the candidates", "kind": "ranked", "method": "instant-runoff",
   "minimumSelections": 1, "maximumSelections": 3,
   "options": [{"id": "ada", "text": "Ada"}, {"id": "bob", "text": "Bob"}, {"id": "cy", "text": "Cy"}],
   "rule": {"quorum": {"numerator": 0, "denominator": 1}, "threshold": {"numerator": 0, "denominator": 1},
            "strict": false}},
  {"id": "motto", "question": "Pick or write a motto", "kind": "write-in", "maximumWriteInBytes": 20,
   "minimumSelections": 0, "maximumSelections": 1, "options": [{"id": "forward", "text": "Forward"}],
   "rule": {"quorum": {"numerator": 0, "denominator": 1}, "threshold": {"numerator": 0, "denominator": 1},
            "strict": false}}]}
JSON
create_and_open 5

# A ranking that names a candidate twice, and an answer over the limit, are refused before anything is posted.
if "$TABELLA" vote cast "${ON[@]}" --credential creds/voter-0001.json --select chair=ada,ada >twice.txt 2>&1; then
    fail "a ranking naming a candidate twice was cast"
fi
grep -q "names an option twice" twice.txt || fail "ranking twice: $(cat twice.txt)"
if "$TABELLA" vote cast "${ON[@]}" --credential creds/voter-0001.json --select chair=ada \
    --write-in motto=abcdefghijklmnopqrstuvwxyz >long.txt 2>&1; then fail "an over-long answer was cast"; fi
grep -q "motto" long.txt || fail "over-long answer: $(cat long.txt)"

"$TABELLA" vote cast "${ON[@]}" --credential creds/voter-0001.json --select chair=cy,ada --write-in motto=onward \
    --challenge >challenge.txt
grep -q "chair: cy, ada" challenge.txt && grep -q "onward" challenge.txt || fail "challenge: $(cat challenge.txt)"
vote() { "$TABELLA" vote cast "${ON[@]}" --credential "creds/voter-000$1.json" --select "chair=$2" "${@:3}" \
    >/dev/null; }
vote 1 ada,bob --write-in motto=onward
vote 2 bob --select motto=forward
vote 3 cy,bob --write-in motto=onward
vote 4 bob,ada
vote 5 ada,cy --write-in "motto=per aspera"
"$TABELLA" election close "${ON[@]}" --key authority.key >/dev/null

"$TABELLA" election tally "${ON[@]}" --key authority.key --wait 120 --decision-out decision.note >tally.out 2>&1 &
tally=$!
for _ in $(seq 1 100); do
    "$TABELLA" election status "${ON[@]}" | grep -q "input posted: true" && break; sleep 0.2; done
"$TABELLA" trustee mix "${ON[@]}" --key t1.key >mix-1.out || fail "mix 1: $(cat mix-1.out)"
"$TABELLA" trustee mix "${ON[@]}" --key t2.key >mix-2.out || fail "mix 2: $(cat mix-2.out)"
if "$TABELLA" trustee mix "${ON[@]}" --key t2.key >mix-again.out 2>&1; then fail "a second shuffle by trustee 2"; fi
"$TABELLA" trustee mix "${ON[@]}" --key t3.key >mix-3.out || fail "mix 3: $(cat mix-3.out)"
"$TABELLA" trustee decrypt-mix "${ON[@]}" --key t1.key --share t1.share >/dev/null
"$TABELLA" trustee decrypt-mix "${ON[@]}" --key t2.key --share t2.share >/dev/null
for _ in $(seq 1 100); do
    "$TABELLA" election status "${ON[@]}" | grep -q "phase tallied" && break; sleep 0.2; done
"$TABELLA" trustee decrypt-tally "${ON[@]}" --key t1.key --share t1.share >/dev/null
"$TABELLA" trustee decrypt-tally "${ON[@]}" --key t2.key --share t2.share >/dev/null
for _ in $(seq 1 100); do
    "$TABELLA" election status "${ON[@]}" | grep -q "result posted: true" && break; sleep 0.2; done
"$TABELLA" trustee cosign "${ON[@]}" --key t1.key >/dev/null
"$TABELLA" trustee cosign "${ON[@]}" --key t2.key >/dev/null
wait $tally || fail "tally: $(cat tally.out)"
grep -q "chair: elected bob" tally.out || fail "chair: $(cat tally.out)"
grep -q "motto: elected write-in:onward" tally.out || fail "motto: $(cat tally.out)"

"$TABELLA" verify "$BOARD" --vkey "$VKEY" >verify.txt || fail "verification: $(cat verify.txt)"
grep -q "14 of 14 applicable steps passed" verify.txt || fail "verification: $(cat verify.txt)"
echo "PASS ranked and write-in election through the CLI: three shuffles, decryption with a trustee absent, verified"
