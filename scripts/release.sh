#!/usr/bin/env bash
# Builds the release binaries of rapor into dist/ from this Linux machine:
#   dist/rapor-linux-amd64        (needs glibc 2.34+; the C++ runtime is inside)
#   dist/rapor-windows-amd64.exe  (cross-built with Debian's mingw-w64; UCRT, Windows 10 or later)
#   dist/SHA256SUMS
# DuckDB and ECharts are inside each binary: nothing is fetched at run time, nothing to install.
# The version and commit are linked in (-X main.version, -X main.commit) and printed by
# "rapor version"; VERSION=v1.2.3 overrides the one git describes.
#
# Needs: go, gcc, and for Windows x86_64-w64-mingw32-gcc-posix (apt-get install
# gcc-mingw-w64-x86-64-posix g++-mingw-w64-x86-64-posix). TARGETS="linux" builds one only.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${DIST:-dist}
targets=${TARGETS:-linux windows}
version=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
commit=${COMMIT:-$(git rev-parse HEAD 2>/dev/null || echo unknown)}
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  commit="$commit-dirty"
fi
ldflags="-s -w -X main.version=$version -X main.commit=$commit"

./scripts/setup.sh # ECharts is embedded: it must be there before the build
mkdir -p "$out"
rm -f "$out/SHA256SUMS"

# Build logs go to a file: the Windows link prints mingw's full command line on failure.
log=$(mktemp)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$log"' EXIT
build() { # name, build tags, then go build's environment as NAME=VALUE...
  local name=$1 tags=$2
  shift 2
  local start=$SECONDS
  echo "release: building $out/$name ($version, $commit)" >&2
  if ! env "$@" go build -trimpath -tags "$tags" -ldflags "$ldflags" -o "$out/$name" ./cmd/rapor >"$log" 2>&1; then
    grep -v '^/usr/bin/.*-gcc.* -o ' "$log" >&2 || true
    echo "release: building $name failed" >&2
    exit 1
  fi
  echo "release: $out/$name: $(du -m "$out/$name" | cut -f1) MB in $((SECONDS - start)) s" >&2
}

built=()
for t in $targets; do
  case $t in
  linux)
    # libstdc++ goes inside, so a server needs only glibc 2.34 or later (the floor of anything
    # linked on Debian 12: Debian 12, Ubuntu 22.04, RHEL 9 and newer). duckdb-go-bindings asks
    # for -lstdc++ by name: a directory holding only the static archive, searched first, makes
    # the linker take that; internal/linkshim (tag static_libstdcxx) keeps it off glibc 2.36.
    # Not fully static: DuckDB calls getpwuid and dlopen, which a static glibc can serve only
    # from the very glibc it was linked with.
    mkdir -p "$tmp/static"
    ln -sf "$(gcc -print-file-name=libstdc++.a)" "$tmp/static/libstdc++.a"
    build rapor-linux-amd64 duckdb_arrow,static_libstdcxx CGO_ENABLED=1 GOOS=linux GOARCH=amd64 \
      CGO_LDFLAGS="-L$tmp/static"
    if ldd "$out/rapor-linux-amd64" 2>/dev/null | grep -q libstdc++; then
      echo "release: rapor-linux-amd64 still needs libstdc++.so" >&2
      exit 1
    fi
    glibc=$(objdump -T "$out/rapor-linux-amd64" | grep -oE 'GLIBC_2\.[0-9]+' | sort -V | tail -1)
    if [ "$(printf '%s\n' "$glibc" GLIBC_2.34 | sort -V | tail -1)" != GLIBC_2.34 ]; then
      echo "release: rapor-linux-amd64 needs $glibc; it should run on glibc 2.34" >&2
      exit 1
    fi
    if [ "$(go env GOHOSTOS)/$(go env GOHOSTARCH)" = linux/amd64 ]; then
      v=$("$out/rapor-linux-amd64" version)
      case $v in
      "rapor $version (commit $commit, "*) echo "release: $v" >&2 ;;
      *) echo "release: rapor-linux-amd64 version says \"$v\", want $version and $commit" >&2; exit 1 ;;
      esac
    fi
    built+=(rapor-linux-amd64)
    ;;
  windows)
    cc=${WINDOWS_CC:-x86_64-w64-mingw32-gcc-posix}
    if ! command -v "$cc" >/dev/null 2>&1; then
      echo "release: $cc not found (apt-get install gcc-mingw-w64-x86-64-posix g++-mingw-w64-x86-64-posix)" >&2
      exit 1
    fi
    # duckdb-go-bindings' Windows libraries were compiled against the UCRT C runtime; Debian's
    # mingw-w64 links msvcrt by default. A specs file swaps the runtime library, the headers are
    # told the same (__MSVCRT_VERSION__), and internal/winabi (tag debian_mingw) fills the few
    # symbols that differ between the two builds of the C and C++ runtimes.
    "$cc" -dumpspecs | sed 's/-lmsvcrt/-lucrt/g' >"$tmp/ucrt.specs"
    grep -q -- -lucrt "$tmp/ucrt.specs" || { echo "release: $cc's specs do not name msvcrt; cannot switch to UCRT" >&2; exit 1; }
    build rapor-windows-amd64.exe duckdb_arrow,debian_mingw CGO_ENABLED=1 GOOS=windows GOARCH=amd64 \
      CC="$cc" CXX="${WINDOWS_CXX:-x86_64-w64-mingw32-g++-posix}" \
      CGO_CFLAGS="-O2 -g -D__MSVCRT_VERSION__=0xE00" CGO_LDFLAGS="-specs=$tmp/ucrt.specs"
    built+=(rapor-windows-amd64.exe)
    ;;
  *)
    echo "release: unknown target $t (linux, windows)" >&2
    exit 2
    ;;
  esac
done

(cd "$out" && sha256sum "${built[@]}" >SHA256SUMS)
echo "release: $out/SHA256SUMS" >&2
cat "$out/SHA256SUMS"
