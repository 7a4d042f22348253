#!/usr/bin/env bash
# Runs one election shape with Belenios (Debian's belenios-tool 2.0, installed here if missing) and with Tabella,
# and compares the CPU seconds of each phase. The shape (issue 6): one question, choose 1 to 3 of 10 options,
# N voters (1,000 by default), 3 trustees with threshold 2, one trustee absent at decryption.
#
# Belenios runs as a user runs it, one belenios-tool process per step, in a temporary directory; each phase's CPU
# time is the user + system time of the processes it started (bash's `times`, before and after). Tabella runs
# `tabella bench election` in its default group and in integer-4096 when that command exists; otherwise only the
# Belenios column is printed. Method and figures: Docs/benchmarks.md, "Belenios comparison".
set -euo pipefail
export LC_ALL=C

usage() {
    cat <<'EOF'
Usage: Benchmarks/belenios-comparison.sh [options]

  --voters N              voters (default 1000)
  --out FILE              also write the comparison as JSON to FILE
  --tabella PATH          tabella executable (default: .build/release/tabella, built with
                          `swift build -c release --product tabella` when missing)
  --build                 rebuild tabella (incrementally) even if the executable exists
  --belenios-group GROUP  Belenios group (default BELENIOS-2048, the group of Belenios's own demos)
  --keep DIR              run Belenios in DIR (created, must be empty) and keep it instead of a removed temp dir
  -h, --help              this text
EOF
}

repo=$(cd "$(dirname "$0")/.." && pwd)
voters=1000
out=""
tabella="$repo/.build/release/tabella"
build=0
belenios_group="BELENIOS-2048"
keep=""
while (($#)); do
    case "$1" in
        --voters) voters=${2:?--voters needs a value}; shift 2 ;;
        --out) out=${2:?--out needs a file}; shift 2 ;;
        --tabella) tabella=${2:?--tabella needs a path}; shift 2 ;;
        --build) build=1; shift ;;
        --belenios-group) belenios_group=${2:?--belenios-group needs a value}; shift 2 ;;
        --keep) keep=${2:?--keep needs a directory}; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "error: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
if ! [[ $voters =~ ^[1-9][0-9]*$ ]]; then
    echo "error: --voters must be a positive integer, got '$voters'" >&2
    exit 2
fi
if [[ -n $out ]]; then
    out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
fi
command -v python3 >/dev/null || { echo "error: python3 is needed to read and write JSON" >&2; exit 1; }

# Progress lines only on a terminal.
progress() { if [[ -t 1 ]]; then printf '\r\033[K%s' "$*"; fi; }
progress_done() { if [[ -t 1 ]]; then printf '\r\033[K'; fi; }

# --- Belenios installation -------------------------------------------------------------------------------------
if ! command -v belenios-tool >/dev/null; then
    echo "== installing belenios-tool (apt-get)"
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y belenios-tool
fi
belenios_version=$(belenios-tool --version)
if [[ $belenios_version != 2.0* ]]; then
    echo "warning: belenios-tool $belenios_version is not the 2.0 the reference figures were taken with" >&2
fi

# --- Working directory -----------------------------------------------------------------------------------------
if [[ -n $keep ]]; then
    mkdir -p "$keep"
    work=$(cd "$keep" && pwd)
    if [[ -n $(ls -A "$work") ]]; then
        echo "error: --keep directory '$work' is not empty" >&2
        exit 2
    fi
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/belenios-comparison.XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi
log="$work/belenios.log"
times_file="$work/.times"

# --- CPU and wall clocks ---------------------------------------------------------------------------------------
# `times` prints, on its second line, the user and system time of every finished child of this shell as "XmY.ZZZs".
# It runs in this shell (never in a command substitution, whose children counters would start at zero).
seconds_to_ms() { # "XmY.ZZZs" -> milliseconds, in the variable named by $2
    local v=$1 minutes whole fraction
    minutes=${v%%m*}
    v=${v#*m}
    v=${v%s}
    whole=${v%.*}
    fraction=${v#*.}
    printf -v "$2" '%d' $(((10#$minutes * 60 + 10#$whole) * 1000 + 10#$fraction))
}
children_cpu_ms() { # total user + system milliseconds of finished children, in CPU_MS
    local user sys u s
    times >"$times_file"
    { read -r _ _ && read -r user sys; } <"$times_file"
    seconds_to_ms "$user" u
    seconds_to_ms "$sys" s
    CPU_MS=$((u + s))
}
wall_us() { WALL_US=${EPOCHREALTIME/./}; }

declare -A phase_cpu phase_wall
phase_order=()
phase_begin() {
    phase_name=$1
    progress "belenios: $1"
    children_cpu_ms
    phase_cpu0=$CPU_MS
    wall_us
    phase_wall0=$WALL_US
}
phase_end() {
    children_cpu_ms
    wall_us
    phase_cpu[$phase_name]=$((CPU_MS - phase_cpu0))
    phase_wall[$phase_name]=$(((WALL_US - phase_wall0) / 1000))
    phase_order+=("$phase_name")
    progress_done
    printf '  %-20s %9.2f s CPU %9.2f s wall\n' "$phase_name" \
        "${phase_cpu[$phase_name]}e-3" "${phase_wall[$phase_name]}e-3"
}

# Every belenios-tool call goes through here: its diagnostics go to the log, and a failure stops the run with them.
bt() {
    if ! belenios-tool "$@" 2>>"$log"; then
        echo >&2
        echo "error: belenios-tool $* failed; last lines of $log:" >&2
        tail -n 20 "$log" >&2
        exit 1
    fi
}

cd "$work"
echo "== Belenios $belenios_version, group $belenios_group, $voters voters, 3 trustees, threshold 2 (in $work)"
load_before=$(uptime)
group=(--group "$belenios_group")
ceremony() { bt setup generate-trustee-key-threshold "${group[@]}" "$@"; }

# --- Setup: credentials, threshold key ceremony, election, archive ---------------------------------------------
phase_begin setup
uuid=$(bt setup generate-token)
bt setup generate-credentials --uuid "$uuid" "${group[@]}" --count "$voters" >/dev/null
mv ./*.pubcreds public_creds.json
mv ./*.privcreds private_creds.txt
for _ in 1 2 3; do ceremony --step 1; done
cat ./*.cert >certs.jsons
ceremony --certs certs.jsons --step 2
for key in ./*.key; do
    ceremony --certs certs.jsons --key "$key" --step 3 --threshold 2
done >polynomials.jsons
ceremony --certs certs.jsons --step 4 --polynomials polynomials.jsons
for key in ./*.key; do
    ceremony --certs certs.jsons --key "$key" --step 5 <"${key%.key}.vinput" >"${key%.key}.voutput"
done
cat ./*.voutput | ceremony --certs certs.jsons --step 6 --polynomials polynomials.jsons >threshold.json
: >public_keys.jsons # no trustee outside the threshold group
bt setup make-trustees
python3 - >template.json <<'EOF'
import json
print(json.dumps({
    "name": "Benchmark", "description": "Tabella's Belenios comparison",
    "questions": [{"question": "Choose 1 to 3 of 10", "answers": ["Option %d" % i for i in range(1, 11)],
                   "min": 1, "max": 3}],
}))
EOF
bt setup make-election --uuid "$uuid" "${group[@]}" --template template.json
bt archive init
rm -f election.json trustees.json public_creds.json
phase_end

# --- Voters' inputs (not timed): one credential file and one random valid choice file per voter -----------------
mkdir creds choices ballots
while read -r id credential; do
    printf '%s\n' "$credential" >"creds/$id"
done <private_creds.txt
python3 - "$voters" <<'EOF'
import json, random, sys
voters = int(sys.argv[1])
rng = random.SystemRandom()
expected = [0] * 10
for voter in range(1, voters + 1):
    chosen = rng.sample(range(10), rng.randint(1, 3))
    for option in chosen:
        expected[option] += 1
    with open("choices/%d.json" % voter, "w") as f:
        f.write(json.dumps([[1 if option in chosen else 0 for option in range(10)]]) + "\n")
with open("expected.json", "w") as f:
    json.dump([expected], f)
EOF
mapfile -t voter_ids < <(cut -d ' ' -f 1 private_creds.txt)
if ((${#voter_ids[@]} != voters)); then
    echo "error: belenios-tool made ${#voter_ids[@]} credentials for $voters voters" >&2
    exit 1
fi

# --- Ballot creation: one generate-ballot per voter ----------------------------------------------------------
phase_begin ballots
n=0
for id in "${voter_ids[@]}"; do
    n=$((n + 1))
    bt election generate-ballot --privcred "creds/$id" --ballot "choices/$n.json" >"ballots/$n.json"
    if ((n % 25 == 0)); then progress "belenios: ballots $n/$voters"; fi
done
phase_end

# --- Checking the cast ballots: append each (Belenios checks nothing on append), then one verify ---------------
phase_begin check
for ((n = 1; n <= voters; n++)); do
    bt archive add-event --type=Ballot <"ballots/$n.json"
    if ((n % 25 == 0)); then progress "belenios: appending ballots $n/$voters"; fi
done
bt election verify >/dev/null
phase_end

# --- Tally: close the ballot box, compute and publish the encrypted tally -------------------------------------
phase_begin tally
bt archive add-event --type=EndBallots </dev/null
bt election compute-encrypted-tally >encrypted_tally.json
bt archive add-event --type=EncryptedTally <encrypted_tally.json
phase_end

# --- Two partial decryptions: trustees 1 and 2 (in certificate order); trustee 3 is absent --------------------
phase_begin partialDecryptions
keys=(./*.key)
for trustee in 1 2; do
    key=${keys[trustee - 1]}
    bt election decrypt-threshold --key "$key" --decryption-key "${key%.key}.dkey" --trustee-id "$trustee" \
        >"partial_decryption_$trustee.json"
    bt archive add-event --type=PartialDecryption <"partial_decryption_$trustee.json"
done
phase_end

# --- Result -------------------------------------------------------------------------------------------------
phase_begin result
bt election compute-result >result.json
bt archive add-event --type=Result <result.json
phase_end

# --- Final verification -------------------------------------------------------------------------------------
phase_begin verify
bt election verify >/dev/null
phase_end
load_after=$(uptime)

# The published result must be the count of the choices the voters made.
python3 - <<'EOF'
import json, sys
result = json.load(open("result.json"))
counts = result.get("result", result)
expected = json.load(open("expected.json"))
if counts != expected:
    sys.exit("error: Belenios's result %s is not the count of the cast choices %s" % (counts, expected))
print("  result %s matches the cast choices" % json.dumps(counts))
EOF

belenios_json="$work/belenios-figures.json"
{
    printf '{"version": "%s", "group": "%s", "voters": %d, "loadBefore": "%s", "loadAfter": "%s", "phases": {' \
        "$belenios_version" "$belenios_group" "$voters" "$load_before" "$load_after"
    sep=""
    for name in "${phase_order[@]}"; do
        printf '%s"%s": {"cpu": %d.%03d, "wall": %d.%03d}' "$sep" "$name" \
            $((phase_cpu[$name] / 1000)) $((phase_cpu[$name] % 1000)) \
            $((phase_wall[$name] / 1000)) $((phase_wall[$name] % 1000))
        sep=", "
    done
    printf '}}\n'
} >"$belenios_json"

# --- Tabella ------------------------------------------------------------------------------------------------
tabella_runs=()
cd "$repo"
if [[ $build == 1 || ! -x $tabella ]]; then
    echo "== building tabella (swift build -c release --product tabella)"
    swift build -c release --product tabella
    tabella="$repo/.build/release/tabella"
fi
bench_commands=$("$tabella" bench --help | awk '/^SUBCOMMANDS:/ {on = 1; next} on && NF {print $1}')
if grep -qx election <<<"$bench_commands"; then
    for tabella_group in default integer-4096; do
        args=(bench election --voters "$voters" --options 10 --min 1 --max 3 --trustees 3 --threshold 2 --absent 1)
        if [[ $tabella_group != default ]]; then args+=(--group "$tabella_group"); fi
        echo "== tabella ${args[*]} --json"
        "$tabella" "${args[@]}" --json >"$work/tabella-$tabella_group.json"
        tabella_runs+=("$work/tabella-$tabella_group.json")
    done
else
    echo "== $tabella has no 'bench election' command yet: Belenios figures only"
fi

# --- Comparison table (and JSON with --out) ------------------------------------------------------------------
python3 - "$belenios_json" "$out" "${tabella_runs[@]}" <<'EOF'
import json, sys

belenios = json.load(open(sys.argv[1]))
out = sys.argv[2]
runs = [json.load(open(path)) for path in sys.argv[3:]]
compared = ["ballots", "check", "tally", "partialDecryptions", "result", "verify"]
for path, run in zip(sys.argv[3:], runs):
    missing = [k for k in ["group", "voters", "phases", "totalCPU", "totalWall"] if k not in run]
    missing += ["phases." + n for n in compared if n not in run.get("phases", {})]
    if missing:
        sys.exit("error: tabella bench election's JSON (%s) lacks %s" % (path, ", ".join(missing)))
    if run["voters"] != belenios["voters"]:
        sys.exit("error: tabella bench election ran %s voters, Belenios %d" % (run["voters"], belenios["voters"]))
labels = {
    "setup": "setup (credentials, ceremony)", "ballots": "ballot creation", "check": "checking the cast ballots",
    "tally": "tally", "partialDecryptions": "two partial decryptions", "result": "result",
    "verify": "final verification",
}
phases = belenios["phases"]

def ratio(ours, theirs):
    return round(theirs / ours, 1) if ours and ours > 0 else None

rows = []
for name in ["setup"] + compared:
    row = {"phase": name, "belenios": phases[name]["cpu"], "tabella": {}, "ratio": {}}
    for run in runs:
        cpu = run["phases"].get(name)
        if cpu is not None:
            row["tabella"][run["group"]] = cpu
            row["ratio"][run["group"]] = ratio(cpu, phases[name]["cpu"])
    rows.append(row)

six = {"phase": "total of the six compared phases", "belenios": round(sum(phases[n]["cpu"] for n in compared), 3),
       "tabella": {}, "ratio": {}}
whole = {"phase": "total, whole run", "belenios": round(sum(p["cpu"] for p in phases.values()), 3),
         "tabella": {}, "ratio": {}}
for run in runs:
    g = run["group"]
    six["tabella"][g] = round(sum(run["phases"][n] for n in compared), 3)
    six["ratio"][g] = ratio(six["tabella"][g], six["belenios"])
    whole["tabella"][g] = run["totalCPU"]
    whole["ratio"][g] = ratio(run["totalCPU"], whole["belenios"])
rows += [six, whole]

groups = [run["group"] for run in runs]
header = ["phase (CPU seconds)", "Belenios"]
for g in groups:
    header += ["Tabella " + g, "Belenios/Tabella"]
table = [header]
for row in rows:
    cells = [labels.get(row["phase"], row["phase"]), "%.2f" % row["belenios"]]
    for g in groups:
        t = row["tabella"].get(g)
        r = row["ratio"].get(g)
        cells += ["-" if t is None else "%.3f" % t, "-" if r is None else "%.1fx" % r]
    table.append(cells)
if runs:
    cells = ["Tabella total wall time", "-"]
    for run in runs:
        cells += ["%.3f" % run["totalWall"], ""]
    table.append(cells)
widths = [max(len(line[i]) for line in table) for i in range(len(header))]
print()
print("Belenios %s (%s), %d voters; load before: %s" % (
    belenios["version"], belenios["group"], belenios["voters"], belenios["loadBefore"].strip()))
for i, line in enumerate(table):
    print("  " + "  ".join(c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in enumerate(zip(line, widths))))
    if i == 0:
        print("  " + "  ".join("-" * w for w in widths))
print("Load after: %s" % belenios["loadAfter"].strip())
if not runs:
    print("(no Tabella figures: `tabella bench election` is not available)")

if out:
    with open(out, "w") as f:
        json.dump({"voters": belenios["voters"], "belenios": belenios, "tabella": runs, "rows": rows}, f, indent=2)
        f.write("\n")
    print("JSON written to %s" % out)
EOF
