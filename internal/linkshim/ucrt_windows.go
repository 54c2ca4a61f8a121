//go:build windows && amd64 && debian_mingw

package linkshim

/*
#include <stdarg.h>
#include <stddef.h>

// Debian's libwinpthread was compiled for msvcrt, whose two-argument _setjmp UCRT exports as
// __intrinsic_setjmpex (mingw-w64's setjmp.h maps it so for _UCRT on Win64). A jump, not a call:
// setjmp must record its caller's frame, so the alias may not add one of its own.
__asm__(
	".text\n"
	".globl _setjmp\n"
	"_setjmp:\n"
	"\tjmp __intrinsic_setjmpex\n");

// DuckDB's re2 calls _snprintf, which UCRT provides only as an inline function in its headers.
int _vsnprintf(char *dest, size_t count, const char *format, va_list args);

int _snprintf(char *dest, size_t count, const char *format, ...) {
	va_list ap;
	int n;
	va_start(ap, format);
	n = _vsnprintf(dest, count, format, ap);
	va_end(ap);
	return n;
}
*/
import "C"
