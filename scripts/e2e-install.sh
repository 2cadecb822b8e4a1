#!/usr/bin/env bash
# End-to-end check of installing: scripts/install into a scratch prefix (named with a space and
# parentheses, as a real folder may be), then the installed omnigap used from another folder as
# a facilitator would, its completion scripts loaded in bash, its man page read with man, and
# the uninstall. A release build: a few minutes the first time. The last step of scripts/test.
# Usage: scripts/e2e-install.sh
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/xdg-cache"   # parsed modules are cached here, not in the user's home

# shellcheck source=e2e-lib.sh
source "$root/scripts/e2e-lib.sh"

prefix="$work/pre fix (test)"
bin="$prefix/bin/omnigap"
echo "== scripts/install --prefix (a release build)"
if ! "$root/scripts/install" --prefix "$prefix" >"$work/install.log" 2>&1; then
  cp "$work/install.log" "$work/out"; fail "scripts/install succeeds"
  echo "e2e: $passed passed, $failed failed"; exit 1
fi
ok "scripts/install succeeds"
cp "$work/install.log" "$work/out"
contains "install says where the binary is" "Installed omnigap 0.1.0 in $bin"
contains "install prints the uninstall command, quoted" "scripts/install --prefix '$prefix' --uninstall"

for file in bin/omnigap share/omnigap/Modules/ecommerce.yaml share/man/man1/omnigap.1 share/bash-completion/completions/omnigap \
    share/zsh/site-functions/_omnigap share/fish/vendor_completions.d/omnigap.fish share/doc/omnigap/LICENSE; do
  [ -s "$prefix/$file" ] && ok "installed: $file" || fail "installed: $file"
done
if ldd "$bin" | grep -q libswift; then fail "the installed binary needs no Swift library from the toolchain"
else ok "the installed binary needs no Swift library from the toolchain"; fi

# From another folder, with the prefix on the PATH, as after the README's set-up.
mkdir -p "$work/elsewhere" && cd "$work/elsewhere"
export PATH="$prefix/bin:$PATH"
run "installed: omnigap --version" 0 omnigap --version && contains "the version" "0.1.0"
run "installed: omnigap modules list" 0 omnigap modules list && {
  contains "the modules are found beside the binary" "Modules in $prefix/share/omnigap/Modules (installed beside the executable)"
  contains "and listed" "omnichannel"
}
run "installed: omnigap modules validate" 0 omnigap modules validate && contains "the installed modules are valid, every one shipped" "OK: $(find "$root/Modules" -name "*.yaml" | wc -l) module(s)"
run "installed: omnigap demo --no-ui" 0 omnigap demo --no-ui "$work/demo" && {
  contains "the demo prints its report" "Nordic Home"
  contains "the demo's hint says omnigap, which is on the PATH now" "open it with \`omnigap facilitate $work/demo\`"
}
run "installed: omnigap new" 0 omnigap new "ws (1)" --title "Installed" && contains "new's hint pastes here" "    omnigap join 'ws (1)'"
run "installed: omnigap remove" 0 sh -c 'omnigap record "ws (1)" --participant Tess --department it --done >/dev/null && omnigap remove "ws (1)" --participant Tess --yes' \
  && contains "remove works installed" "Removed Tess (it, 0 answered"

# Completions: the bash script loads, and completes subcommands and option values.
bash_file="$prefix/share/bash-completion/completions/omnigap"
complete_words() {  # complete_words LINE: what bash offers for the last word of LINE
  bash -c 'source "$1" || exit 1
    read -ra COMP_WORDS <<<"$2"; [ "${2: -1}" = " " ] && COMP_WORDS+=("")
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE=$2; COMP_POINT=${#2}
    _omnigap omnigap "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_file" "$1" >"$work/out" 2>&1
}
check "bash loads the completion script" bash -c 'source "$1" && complete -p omnigap' _ "$bash_file"
complete_words "omnigap re" && contains "bash completes the subcommands (remove)" "remove" && contains "bash completes the subcommands (report)" "report"
complete_words "omnigap remove ws --p" && contains "bash completes remove's options" "--participant"
complete_words "omnigap report ws --format " && contains "bash completes option values" "markdown"
for shell in zsh fish; do
  file=$([ "$shell" = zsh ] && echo "$prefix/share/zsh/site-functions/_omnigap" || echo "$prefix/share/fish/vendor_completions.d/omnigap.fish")
  grep -q "remove" "$file" && ok "the $shell completions know remove" || fail "the $shell completions know remove"
  case $shell in
    zsh) check "zsh loads its completion script" zsh -c "autoload -Uz compinit && compinit -u -D && source '$file'" ;;
    fish) check "fish loads its completion script and completes remove" \
      sh -c "fish -c \"source '$file'; complete -C 'omnigap rem'\" | grep -q '^remove'" ;;
  esac
done

# The man page: found by man from the PATH, rendered without warnings, and it documents remove.
man_file="$prefix/share/man/man1/omnigap.1"
if ! command -v man >/dev/null; then
  fail "man is installed (scripts/install-test-tools installs man-db)"
else
  run "man finds the page from the PATH" 0 env -u MANPATH man -w omnigap && contains "man -w names the installed page" "$man_file"
  MANWIDTH=80 man -l "$man_file" >"$work/out" 2>"$work/err"
  [ -s "$work/err" ] && { cat "$work/err" >>"$work/out"; fail "the man page renders without warnings"; } || ok "the man page renders without warnings"
  MANWIDTH=80 man -l "$man_file" 2>/dev/null >"$work/out"
  contains "the man page names the tool" "omnigap"
  contains "the man page documents remove" "Take a participant out of the session"
  contains "the man page documents remove's --yes" "--yes"
fi

cd "$work"
run "scripts/install --uninstall" 0 "$root/scripts/install" --prefix "$prefix" --uninstall && {
  left=$(find "$prefix" -type f | wc -l)
  [ "$left" -eq 0 ] && ok "uninstall leaves no file behind" || { find "$prefix" -type f >"$work/out"; fail "uninstall leaves no file behind"; }
  [ -d "$work/elsewhere/ws (1)" ] && ok "uninstall leaves sessions alone" || fail "uninstall leaves sessions alone"
}

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
