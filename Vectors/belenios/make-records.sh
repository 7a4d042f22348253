#!/bin/bash
# Makes the Belenios election archives under Vectors/belenios/ with Debian's belenios-tool (2.0+dfsg-1):
#   apt-get install -y belenios-tool && Vectors/belenios/make-records.sh
# Run by hand, not by CI; every run makes new keys, credentials and ballots (the tests read the kept archives).
#
#   threshold.bel  BELENIOS-2048; trustees: one "Single" key (the server's) and a "Pedersen" set of three trustees
#                  with threshold 2, decrypted by two of them; 4 voters, one revote; two questions, the second with
#                  blank votes allowed (min 1, max 2).
#   single.bel     BELENIOS-2048; trustees: two "Single" keys, both needed; 3 voters with weights 1, 2 and 3; one
#                  question (min 0, max 1).
set -euo pipefail
export BELENIOS_USE_URANDOM=1
out="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
group="--group BELENIOS-2048"

# Casts one ballot per line of `votes` (credential line N of private_creds.txt votes line N).
vote() {
    paste <(head -n "$(wc -l < "$1")" private_creds.txt) "$1" | while read -r _ cred ballot; do
        belenios-tool election generate-ballot --privcred <(echo "$cred") --ballot <(echo "$ballot") \
            | belenios-tool archive add-event --type=Ballot
    done
}

# Ends the voting phase and adds the encrypted tally.
tally() {
    belenios-tool archive add-event --type=EndBallots < /dev/null
    belenios-tool election compute-encrypted-tally | belenios-tool archive add-event --type=EncryptedTally
}

# Adds the result and checks the whole archive with belenios-tool itself, then keeps it as $1.
finish() {
    belenios-tool election compute-result | belenios-tool archive add-event --type=Result
    belenios-tool election verify
    cp "$uuid.bel" "$out/$1"
}

threshold() {
    mkdir "$work/threshold" && cd "$work/threshold"
    uuid="$(belenios-tool setup generate-token)"
    belenios-tool setup generate-credentials --uuid "$uuid" $group --count 4 > /dev/null
    mv ./*.pubcreds public_creds.json && mv ./*.privcreds private_creds.txt
    for _ in 1 2 3; do belenios-tool setup generate-trustee-key-threshold $group --step 1; done
    cat ./*.cert > certs.jsons
    belenios-tool setup generate-trustee-key-threshold $group --certs certs.jsons --step 2
    for key in ./*.key; do
        belenios-tool setup generate-trustee-key-threshold $group --certs certs.jsons --key "$key" --step 3 \
            --threshold 2
    done > polynomials.jsons
    belenios-tool setup generate-trustee-key-threshold $group --certs certs.jsons --step 4 \
        --polynomials polynomials.jsons
    for key in ./*.key; do
        belenios-tool setup generate-trustee-key-threshold $group --certs certs.jsons --key "$key" --step 5 \
            < "${key%.key}.vinput" > "${key%.key}.voutput"
    done
    cat ./*.voutput | belenios-tool setup generate-trustee-key-threshold $group --certs certs.jsons --step 6 \
        --polynomials polynomials.jsons > threshold.json
    belenios-tool setup generate-trustee-key $group
    cat ./*.pubkey > public_keys.jsons
    belenios-tool setup make-trustees
    rm threshold.json
    cat > questions.json <<'JSON'
{"description":"Threshold test election","name":"Threshold","questions":[
 {"answers":["Yes","No"],"min":0,"max":1,"question":"Question 1?"},
 {"answers":["A","B","C"],"blank":true,"min":1,"max":2,"question":"Question 2?"}]}
JSON
    belenios-tool setup make-election --uuid "$uuid" $group --template questions.json
    belenios-tool archive init
    rm -f election.json trustees.json public_creds.json
    printf '%s\n' '[[1,0],[0,1,1,0]]' '[[0,1],[0,0,1,0]]' '[[0,0],[1,0,0,0]]' '[[1,0],[0,1,0,0]]' > votes.txt
    vote votes.txt
    printf '%s\n' '[[0,1],[0,0,0,1]]' > revotes.txt
    vote revotes.txt
    tally
    # Trustees 2 and 4 of the Pedersen set (ids 2..4 after the server's Single key, id 1) decrypt; 3 does not.
    local keys=(./*.key)
    belenios-tool election decrypt-threshold --key "${keys[0]}" --decryption-key "${keys[0]%.key}.dkey" \
        --trustee-id 2 | belenios-tool archive add-event --type=PartialDecryption
    belenios-tool election decrypt-threshold --key "${keys[2]}" --decryption-key "${keys[2]%.key}.dkey" \
        --trustee-id 4 | belenios-tool archive add-event --type=PartialDecryption
    for key in ./*.privkey; do
        belenios-tool election decrypt --privkey "$key" --trustee-id 1 \
            | belenios-tool archive add-event --type=PartialDecryption
    done
    finish threshold.bel
}

single() {
    mkdir "$work/single" && cd "$work/single"
    uuid="$(belenios-tool setup generate-token)"
    printf '%s\n' 'voter1@example.com,voter1,1' 'voter2@example.com,voter2,2' 'voter3@example.com,voter3,3' \
        > voters.txt
    belenios-tool setup generate-credentials --uuid "$uuid" $group --file voters.txt > /dev/null
    mv ./*.pubcreds public_creds.json && mv ./*.privcreds private_creds.txt
    belenios-tool setup generate-trustee-key $group
    belenios-tool setup generate-trustee-key $group
    cat ./*.pubkey > public_keys.jsons
    belenios-tool setup make-trustees
    cat > questions.json <<'JSON'
{"description":"Weighted test election","name":"Single","questions":[
 {"answers":["Red","Green","Blue"],"min":0,"max":1,"question":"Colour?"}]}
JSON
    belenios-tool setup make-election --uuid "$uuid" $group --template questions.json
    belenios-tool archive init
    rm -f election.json trustees.json public_creds.json
    printf '%s\n' '[[1,0,0]]' '[[0,1,0]]' '[[0,1,0]]' > votes.txt
    vote votes.txt
    tally
    local id=1
    for key in ./*.privkey; do
        belenios-tool election decrypt --privkey "$key" --trustee-id "$id" \
            | belenios-tool archive add-event --type=PartialDecryption
        id=$((id + 1))
    done
    finish single.bel
}

threshold
single
