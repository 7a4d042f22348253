#!/usr/bin/env bash
# A 2-of-3 ceremony in which bob sends carol a wrong share (correctly encrypted, not matching his commitment).
# Expected: carol's round 2 stops with exit code 3 and names participant 2 (bob); carol never signs, so nobody
# finishes round 3, no share file exists, and the record cannot be exported.
source "$(dirname "$0")/lib.sh"

trustees alice bob carol
"$TABELLA" trustee setup --dir ceremony --threshold 2 --session "corrupt-share-rehearsal" \
    alice.key.pub.json bob.key.pub.json carol.key.pub.json >/dev/null
"$TABELLA" trustee join --dir ceremony --key alice.key --round 1 >/dev/null
"$TABELLA" trustee join --dir ceremony --key bob.key --round 1 --rehearse-corrupt-share-for 3 >/dev/null
"$TABELLA" trustee join --dir ceremony --key carol.key --round 1 >/dev/null

status=0
"$TABELLA" trustee join --dir ceremony --key carol.key --round 2 >carol.out 2>carol.err || status=$?
expect_equal "carol's exit status" "$status" "3"
grep -q "shareMismatch" carol.err || fail "carol's error is not a share mismatch: $(cat carol.err)"
grep -q "^Named: participant 2 (bob)." carol.err || fail "bob is not named: $(cat carol.err)"

# Alice and bob complete round 2 but wait in vain for carol's signature.
for n in alice bob; do "$TABELLA" trustee join --dir ceremony --key "$n.key" --round 2 >/dev/null; done
for n in alice bob; do
    if "$TABELLA" trustee join --dir ceremony --key "$n.key" --round 3 --timeout 1 --quiet >"$n.out" 2>"$n.err"; then
        fail "$n finished the ceremony without carol's signature"
    fi
    grep -q "participant(s) 3" "$n.err" || fail "$n's error does not name the missing signature: $(cat "$n.err")"
    [ ! -e "$n.key.share" ] || fail "$n has a share file"
done
if "$TABELLA" trustee export --dir ceremony --out record.json >/dev/null 2>&1; then fail "export succeeded"; fi
echo "PASS corrupt share: bob was named by carol, and no key was produced"
