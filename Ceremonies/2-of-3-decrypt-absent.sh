#!/usr/bin/env bash
# A 2-of-3 ceremony run one round at a time, then a decryption by trustees 1 and 3 with trustee 2 absent.
# Then a decryption where trustee 1's partial decryption is corrupted: it is named and left out, and the
# decryption goes on with trustees 2 and 3. Expected plaintexts: 3, 0, 17, 42.
source "$(dirname "$0")/lib.sh"

trustees alice bob carol
"$TABELLA" trustee setup --dir ceremony --threshold 2 --session "2-of-3-rehearsal" \
    alice.key.pub.json bob.key.pub.json carol.key.pub.json >/dev/null
for round in 1 2 3; do
    for n in alice bob carol; do "$TABELLA" trustee join --dir ceremony --key "$n.key" --round "$round" >/dev/null; done
done
"$TABELLA" trustee export --dir ceremony --out record.json >/dev/null
"$TABELLA" trustee encrypt-check --record record.json --values 3,0,17,42 --out ciphertexts.json >/dev/null

# Bob is absent.
"$TABELLA" trustee decrypt --share alice.key.share --ciphertexts ciphertexts.json --out alice.partial.json >/dev/null
"$TABELLA" trustee decrypt --share carol.key.share --ciphertexts ciphertexts.json --out carol.partial.json >/dev/null
"$TABELLA" trustee combine --record record.json --ciphertexts ciphertexts.json --json \
    alice.partial.json carol.partial.json >absent.json
expect_equal "values with bob absent" "$(tr -d ' \n' <absent.json | sed 's/.*"values":\[\([^]]*\)\].*/\1/')" "3,0,17,42"
expect_equal "trustees used" "$(tr -d ' \n' <absent.json | sed 's/.*"trustees":\[\([^]]*\)\].*/\1/')" "1,3"

# Alice's partial decryption is altered (its first value swapped with its second): alice is named, bob replaces her.
"$TABELLA" trustee decrypt --share bob.key.share --ciphertexts ciphertexts.json --out bob.partial.json >/dev/null
python3 - <<'PY'
import json
p = json.load(open("alice.partial.json"))
p["values"][0], p["values"][1] = p["values"][1], p["values"][0]
json.dump(p, open("alice.partial.json", "w"), indent=2)
PY
"$TABELLA" trustee combine --record record.json --ciphertexts ciphertexts.json \
    alice.partial.json bob.partial.json carol.partial.json >cheat.txt
grep -q "^Excluded trustee 1 (alice): the proof of trustee 1 for ciphertext 1 does not verify" cheat.txt \
    || fail "alice not named: $(cat cheat.txt)"
expect_equal "values without alice" "$(sed -n 's/^  ciphertext [0-9]*: //p' cheat.txt | paste -sd,)" "3,0,17,42"

# With alice excluded and carol absent, one valid share is not enough: the combination fails.
if "$TABELLA" trustee combine --record record.json --ciphertexts ciphertexts.json \
    alice.partial.json bob.partial.json >short.txt 2>&1; then
    fail "decryption succeeded with one valid share"
fi
grep -q "excluded trustees: 1" short.txt || fail "the failure does not name alice: $(cat short.txt)"
echo "PASS 2-of-3: decrypted with one trustee absent; a cheating trustee was named and excluded"
