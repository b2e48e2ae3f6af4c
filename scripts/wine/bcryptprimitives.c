/*
 * bcryptprimitives.dll for Wine 8, which lacks it: Rust's standard library
 * on Windows imports ProcessPrng from it for random bytes (HashMap keys).
 * This stand-in serves the Windows tests under Wine only (scripts/windows.sh
 * builds it with the mingw-w64 cross compiler and puts it in the test
 * prefix); it is never shipped with rk.exe. Real Windows 10 and later have
 * the DLL.
 */
#include <windows.h>

/* advapi32's RtlGenRandom, which Wine implements. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
