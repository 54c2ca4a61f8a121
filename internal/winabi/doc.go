// Package winabi bridges the one C++ ABI difference between DuckDB's Windows libraries and
// Debian's mingw-w64 toolchain, so that scripts/release.sh can cross-build rapor.exe on Linux.
//
// duckdb-go-bindings' lib/windows-amd64 archives were compiled against the UCRT C runtime, where
// mbstate_t is the struct _Mbstatet; Debian's libstdc++ (mingw-w64 10) was compiled against
// msvcrt, where it is an int. Every libstdc++ symbol that mentions std::fpos<mbstate_t> is
// therefore spelt differently. Only one such symbol is referenced: the vtable of an httplib
// stream buffer points at std::basic_streambuf<char>::seekpos, which it does not override.
// The shim defines that symbol with the base class's behaviour (seeking is unsupported: return
// pos_type(off_type(-1))). The release build links UCRT itself (see scripts/release.sh).
//
// The file with the shim is built only with the debian_mingw tag: a native UCRT toolchain
// (MSYS2) provides the real symbol, and a second definition would clash.
package winabi
