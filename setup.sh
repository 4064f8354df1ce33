#!/usr/bin/env bash
# setup.sh — the one set-up script: installs what a bare Debian 12 machine lacks (idempotent, quick
# when all is present), builds yqdrill, then starts the default drill (`run`) or the test suite (`test`).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cmd=${1:-run}
shift || true

build_packages=(build-essential cmake pkg-config liblua5.4-dev libsqlite3-dev libsdl2-dev libsdl2-ttf-dev
                libcjson-dev libfontconfig-dev fonts-noto-cjk fonts-dejavu-core libcairo2-dev libpango1.0-dev libopencc-dev
                libunibreak-dev libcsv-dev libmosquitto-dev mosquitto libxlsxwriter-dev libespeak-ng-dev libespeak-ng1
                espeak-ng-data)
# clang, its libFuzzer/sanitizer runtimes (only recommended by clang, so named) and llvm-symbolizer: tests/fuzz.
test_packages=(xvfb xauth xdotool x11-xserver-utils imagemagick sqlite3 poppler-utils python3 clang libclang-rt-14-dev llvm
               mosquitto-clients python3-openpyxl libreoffice-calc-nogui)

install_missing() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "setup: installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    local dir=$1; shift
    cmake -S "$here" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
    cmake --build "$dir" -j"$(nproc)"
}

case "$cmd" in
run)
    install_missing "${build_packages[@]}"
    build "$here/build"
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        exec "$here/build/yqdrill" run "$@"
    fi
    echo "setup: no display; playing the default drill headless with its reference response"
    exec "$here/build/yqdrill" run city_video --headless \
        --responses "$here/scenarios/city_video/responses/reference.json" "$@"
    ;;
test)
    install_missing "${build_packages[@]}" "${test_packages[@]}"
    dir="$here/build"
    opts=()
    if [ "${1:-}" = "--sanitize" ]; then
        dir="$here/build-asan"
        opts=(-DYQ_SANITIZE=ON)
        export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
        export LSAN_OPTIONS="suppressions=$here/tests/lsan.supp"
    fi
    build "$dir" "${opts[@]}"
    ctest --test-dir "$dir" --output-on-failure -j2 --timeout 600
    ;;
*)
    echo "usage: ./setup.sh run [yqdrill run options] | ./setup.sh test [--sanitize]" >&2
    exit 1
    ;;
esac
