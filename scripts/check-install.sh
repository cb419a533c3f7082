#!/usr/bin/env bash
# Checks `make install` as a user would meet it, under a scratch DESTDIR:
#   - the installed binary links no Swift runtime and renders the demo in an environment whose
#     library path cannot reach the toolchain;
#   - `man -l` renders its manual page, which covers every subcommand;
#   - bash, zsh and fish each load their completion script and complete a subcommand or option;
#   - `make uninstall` removes exactly what was installed.
# Prints one line per check and closes with "install: N passed, N failed"; exits non-zero on a
# failure. Part of make test.
set -uo pipefail
cd "$(dirname "$0")/.."
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
passed=0 failed=0
check() {
    local name=$1; shift
    if "$@" >"$dest/check.log" 2>&1; then
        passed=$((passed + 1)); echo "  ok    $name"
    else
        failed=$((failed + 1)); echo "  FAIL  $name"; sed 's/^/        /' "$dest/check.log" | head -20
    fi
}

make --no-print-directory install DESTDIR="$dest/root" PREFIX=/usr >"$dest/install.log" 2>&1 || {
    cat "$dest/install.log"; echo "install: 0 passed, 1 failed"; exit 1; }
prefix="$dest/root/usr"
bin="$prefix/bin/gmmviz"

no_swift_runtime() {
    ! ldd "$bin" | grep -E 'libswift|libFoundation|libdispatch|/opt/swift'
}
renders_the_demo_without_the_toolchain() {
    # A bare environment: no LD_LIBRARY_PATH, and a PATH without the toolchain.
    env -i HOME="$dest" PATH=/usr/bin:/bin "$bin" render --quiet --out "$dest/comb.gif" --frames-dir "$dest/frames" &&
        [ -s "$dest/comb.gif" ] && [ -s "$dest/frames/frame_0000.png" ] &&
        [ "$(head -c 6 "$dest/comb.gif")" = "GIF89a" ]
}
manual_renders_every_subcommand() {
    local page
    page=$(MANPAGER=cat MANWIDTH=100 LC_ALL=C.UTF-8 man -l "$prefix/share/man/man1/gmmviz.1") || return 1
    for word in render fit select generate --data --out --preset --pin; do
        grep -q -- "$word" <<<"$page" || { echo "the manual page does not mention $word"; return 1; }
    done
}
bash_completes() {
    bash -c '
        source /usr/share/bash-completion/bash_completion
        source "$1"
        COMP_WORDS=(gmmviz ren); COMP_CWORD=1; COMP_LINE="gmmviz ren"; COMP_POINT=${#COMP_LINE}
        function=$(complete -p gmmviz | sed "s/.*-F \([^ ]*\) .*/\1/")
        "$function" gmmviz ren gmmviz
        printf "%s\n" "${COMPREPLY[@]}"' bash "$prefix/share/bash-completion/completions/gmmviz" | grep -qx render
}
zsh_loads_and_registers() {
    # Sourced after compinit, the script registers its completion function for gmmviz.
    [ "$(zsh -fc 'autoload -U compinit && compinit -u -D; source "$1" && print -r -- "$_comps[gmmviz]"' zsh \
        "$prefix/share/zsh/site-functions/_gmmviz")" = _gmmviz ]
}
fish_completes() {
    fish -c 'source $argv[1]; complete -C "gmmviz ren"; complete -C "gmmviz render --pre"' \
        "$prefix/share/fish/vendor_completions.d/gmmviz.fish" >"$dest/fish.out" &&
        grep -q '^render' "$dest/fish.out" && grep -q '^--preset' "$dest/fish.out"
}
uninstall_removes_everything() {
    make --no-print-directory uninstall DESTDIR="$dest/root" PREFIX=/usr >/dev/null &&
        [ -z "$(find "$dest/root" -type f)" ]
}

check "the binary links no Swift runtime (ldd)" no_swift_runtime
check "the installed binary renders the demo without the toolchain's libraries" renders_the_demo_without_the_toolchain
check "man -l renders gmmviz.1 with every subcommand" manual_renders_every_subcommand
check "bash loads its completion and completes 'gmmviz ren'" bash_completes
check "zsh loads its completion and registers it for gmmviz" zsh_loads_and_registers
check "fish loads its completion and completes a subcommand and an option" fish_completes
check "make uninstall removes every installed file" uninstall_removes_everything
echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
