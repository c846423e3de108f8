/* Stand-in for Windows 10's bcryptprimitives.dll, which Wine 8 lacks.
 * Rust's standard library (cryptography's _rust.pyd) imports ProcessPrng from it.
 * Windows' contract: fill the buffer with random bytes and return TRUE, never fail.
 * Here the bytes come from RtlGenRandom (advapi32!SystemFunction036), which Wine has. */
#include <windows.h>

typedef BOOLEAN(WINAPI *gen_random_fn)(PVOID, ULONG);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    static gen_random_fn gen_random;
    if (!gen_random)
        gen_random = (gen_random_fn)GetProcAddress(LoadLibraryA("advapi32.dll"), "SystemFunction036");
    while (size > 0) {
        ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        if (!gen_random || !gen_random(data, chunk))
            RaiseException(0xE0000001, EXCEPTION_NONCONTINUABLE, 0, NULL); /* a rig fault, loudly */
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
