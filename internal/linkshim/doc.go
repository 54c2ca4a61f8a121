// Package linkshim fills the few symbols that differ between the libraries rapor's release
// binaries are linked from, so that scripts/release.sh can build them on Debian. Each file is
// built only with the tag the release script sets for that target; an ordinary build has none.
//
// Windows (tag debian_mingw): duckdb-go-bindings' lib/windows-amd64 archives were compiled
// against the UCRT C runtime, where mbstate_t is the struct _Mbstatet; Debian's mingw-w64 10 and
// its libstdc++ target msvcrt, where it is an int. The release links UCRT; this package then
// supplies (1) std::basic_streambuf<char>::seekpos under its UCRT spelling (an httplib stream
// buffer's vtable points at it; the base class's behaviour is to refuse: pos_type(off_type(-1))),
// (2) _snprintf, which UCRT has only as an inline function, and (3) _setjmp, msvcrt's name for
// what UCRT calls __intrinsic_setjmpex, used by Debian's winpthreads. A native UCRT toolchain
// (MSYS2) has all three, so they must not be built there.
//
// Linux (tag static_libstdcxx): libstdc++ is linked in so that a server needs no C++ runtime of
// a matching version. Debian 12's libstdc++.a takes std::random_device's bytes from arc4random,
// new in glibc 2.36; defining it here on getrandom (glibc 2.25) keeps the binary running on
// glibc 2.34, the floor of anything linked on Debian 12.
package linkshim
