/*
 * A stand-in for Windows' bcryptprimitives.dll, for TESTS UNDER WINE ONLY (never shipped).
 *
 * Rust's standard library on Windows draws random numbers (HashMap seeds) from
 * ProcessPrng in bcryptprimitives.dll, which every Windows 10 and 11 has but Wine 8 (Debian
 * 12) does not. scripts/check-windows.sh builds this file with mingw-w64 and puts the DLL
 * beside the copies of kyoten.exe and the C example it runs under wine.
 */
#include <windows.h>

/* RtlGenRandom, exported by advapi32 as SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, n)) {
            return FALSE;
        }
        data += n;
        length -= n;
    }
    return TRUE;
}
