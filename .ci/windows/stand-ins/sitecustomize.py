"""Stand-ins for three Wine 8 gaps, loaded by the rig's Windows Python at every start
(docs/windows.md). None touches the program: two remove a fast path that Windows 10
has and Wine lacks, so the standard library takes its fallback; one starts again a
process that Wine lost before it ran."""

import _winapi
import socket

# kernel32 CopyFile2 is not implemented: shutil.copyfile falls back when _winapi lacks it.
if hasattr(_winapi, "CopyFile2"):
    del _winapi.CopyFile2

# ws2_32 refuses TCP_KEEPIDLE/TCP_KEEPINTVL/TCP_KEEPCNT (WSAENOPROTOOPT), which Windows 10
# 1709 and later accept; websocket-client sets them on every connection where socket has them.
for _name in ("TCP_KEEPIDLE", "TCP_KEEPINTVL", "TCP_KEEPCNT"):
    if hasattr(socket, _name):
        delattr(socket, _name)

# Now and then Wine's new process dies in its loader before it runs anything; CreateProcess
# then fails with ERROR_INTERNAL_ERROR (ntdll's NtCreateUserProcess: "!success" with no exit
# code). Nothing was started, so starting it again is what a Windows 10 start would have done.
_ERROR_INTERNAL_ERROR = 1359
_create_process = _winapi.CreateProcess


def _create_process_again_if_lost(*args):
    for _ in range(2):
        try:
            return _create_process(*args)
        except OSError as error:
            if error.winerror != _ERROR_INTERNAL_ERROR:
                raise
    return _create_process(*args)


_winapi.CreateProcess = _create_process_again_if_lost
