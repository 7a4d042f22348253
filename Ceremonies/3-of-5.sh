#!/usr/bin/env bash
# A 3-of-5 key ceremony: five trustees run all rounds at the same time against one ceremony folder.
# Expected: every trustee ends with the same election key, equal to the exported record's; share files are 0600.
source "$(dirname "$0")/lib.sh"

names=(alice bob carol dave erin)
trustees "${names[@]}"
"$TABELLA" trustee setup --dir ceremony --threshold 3 --session "3-of-5-rehearsal" \
    $(for n in "${names[@]}"; do echo "$n.key.pub.json"; done) >/dev/null

pids=()
for n in "${names[@]}"; do
    "$TABELLA" trustee join --dir ceremony --key "$n.key" --timeout 60 --quiet >"$n.log" 2>&1 &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || fail "a trustee's join failed: $(cat ./*.log)"; done

"$TABELLA" trustee export --dir ceremony --out record.json >/dev/null
key="$(json_field record.json groupKey)"
[ -n "$key" ] || fail "the record has no election key"
for n in "${names[@]}"; do
    expect_equal "$n's election key" "$(sed -n 's/^  election key: //p' "$n.log")" "$key"
    expect_equal "$n's share file mode" "$(stat -c %a "$n.key.share")" "600"
done
"$TABELLA" trustee status --dir ceremony | grep -q "Round 1: 5/5 posted; signatures: 5/5." || fail "status"
echo "PASS 3-of-5: five trustees agree on $key"
