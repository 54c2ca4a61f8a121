//go:build linux && static_libstdcxx

package linkshim

/*
#include <stdint.h>
#include <errno.h>
#include <sys/random.h>

// The kernel's generator, as glibc's own arc4random uses; it blocks only before the pool is
// first seeded at boot.
uint32_t arc4random(void) {
	uint32_t v;
	for (;;) {
		ssize_t n = getrandom(&v, sizeof v, 0);
		if (n == (ssize_t)sizeof v) {
			return v;
		}
		if (n < 0 && errno != EINTR) {
			__builtin_trap();
		}
	}
}
*/
import "C"
