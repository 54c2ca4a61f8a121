/*
 * A stand-in bcryptprimitives.dll for Wine 8.0, used only by scripts/wine-smoke.sh.
 *
 * Go (1.22 and later) takes its random numbers from ProcessPrng in bcryptprimitives.dll, which
 * every Windows since 8 has but Debian's Wine 8.0 does not: rapor.exe would stop at start-up with
 * "bcryptprimitives.dll not found". This DLL exports ProcessPrng on top of Wine's own
 * BCryptGenRandom, the same system generator. It is never shipped with rapor.
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
