# Shared by the end-to-end scripts: counters and the checks they are made of. Source it after
# setting $work (a scratch folder); each check prints "ok" or "FAIL" and counts.

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; [ -f "$work/out" ] && sed 's/^/     | /' "$work/out" | head -20; }

# run NAME EXPECTED-STATUS COMMAND...: runs COMMAND with stdout+stderr in $work/out and checks
# the exit status. Every command gets a time limit, so a stuck lock fails instead of hanging.
run() {
  local name=$1 expected=$2; shift 2
  timeout 60 "$@" >"$work/out" 2>"$work/err"; local status=$?
  cat "$work/err" >>"$work/out"
  if [ "$status" -eq "$expected" ]; then return 0; fi
  echo "     (exit status $status, expected $expected)" >>"$work/out"
  fail "$name"; return 1
}
contains() { grep -qF -- "$2" "$work/out" && ok "$1" || fail "$1: no \"$2\""; }
lacks() { grep -qF -- "$2" "$work/out" && fail "$1: \"$2\" is there" || ok "$1"; }
# check NAME COMMAND...: ok when COMMAND succeeds; its output explains a failure.
check() {
  local name=$1; shift
  "$@" >"$work/out" 2>&1 && ok "$name" || fail "$name"
}

# The time in microseconds, for deadlines.
now_us() { echo "${EPOCHREALTIME/./}"; }
# poll TIMEOUT COMMAND...: runs COMMAND every 50 ms until it succeeds (true) or TIMEOUT seconds pass.
poll() {
  local deadline=$(( $(now_us) + ${1%.*} * 1000000 )); shift
  while :; do
    "$@" && return 0
    [ "$(now_us)" -ge "$deadline" ] && return 1
    sleep 0.05
  done
}
