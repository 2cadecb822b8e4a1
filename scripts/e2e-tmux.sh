# The tmux side of the end-to-end scripts: a private tmux server and the checks on what its panes
# show. Source it after e2e-lib.sh, with $work set, as `source e2e-tmux.sh NAME`: the server gets
# its own socket (named after NAME and the script's pid) inside $work, no user configuration,
# and is killed, with $work removed, when the script exits.

export TMUX_TMPDIR="$work"
unset TMUX
sock="omnigap-e2e-$1-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() {
  tm kill-server 2>/dev/null
  rm -f "$work/tmux-$(id -u)/$sock"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# The pane the screen helpers look at; set before each block.
pane=""
shows() { tm capture-pane -p -t "$pane" >"$work/out" 2>&1 && grep -qF -- "$1" "$work/out"; }
# wait_for TEXT [TIMEOUT]: true once the pane shows TEXT (polled every 50 ms, 10 s by default);
# the last capture stays in $work/out.
wait_for() { poll "${2:-10}" shows "$1"; }
# see NAME TEXT [TIMEOUT]: the check that the pane comes to show TEXT.
see() { wait_for "$2" "${3:-10}" && ok "$1" || fail "$1: the screen never showed \"$2\""; }
# gone NAME TEXT: the check that TEXT leaves the pane (5 s at most).
hides() { tm capture-pane -p -t "$pane" >"$work/out" 2>&1 && ! grep -qF -- "$1" "$work/out"; }
gone() { poll 5 hides "$2" && ok "$1" || fail "$1: \"$2\" is still on the screen"; }
# on_line NAME ANCHOR TEXT: the pane comes to show a line with both ANCHOR and TEXT (3 s at most).
line_has() { tm capture-pane -p -t "$pane" >"$work/out" 2>&1 && grep -F -- "$1" "$work/out" | grep -qF -- "$2"; }
on_line() { poll 3 line_has "$2" "$3" && ok "$1" || fail "$1: the line with \"$2\" has no \"$3\""; }
# not_on_line NAME ANCHOR TEXT: on the last capture, the line with ANCHOR does not have TEXT.
not_on_line() { grep -F -- "$2" "$work/out" | grep -qF -- "$3" && fail "$1: the line with \"$2\" has \"$3\"" || ok "$1"; }
# flag NAME FORMAT EXPECTED: a tmux format of the pane, such as #{alternate_on}.
flag() {
  local got; got=$(tm display -p -t "$pane" "$2")
  [ "$got" = "$3" ] && ok "$1" || { echo "     ($2 is \"$got\", expected \"$3\")" >"$work/out"; fail "$1"; }
}
# The app's pid: the child of the pane's shell.
app_pid() { pgrep -P "$(tm display -p -t "$pane" '#{pane_pid}')" -x omnigap; }
# sq WORD: WORD in single quotes for sh, whatever it holds (spaces, non-ASCII, ESC).
sq() { printf "'%s'" "${1//\'/\'\\\'\'}"; }
