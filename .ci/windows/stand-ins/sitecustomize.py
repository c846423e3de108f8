"""Stand-ins for two Wine 8 gaps, loaded by the rig's Windows Python at every start
(docs/windows.md). Neither touches the program: both remove a fast path that
Windows 10 has and Wine lacks, so the standard library takes its fallback."""

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
