"""Which USB devices are plugged in, by vendor and product id.

A key BJCA's service does not list may still be on the USB bus: then the
port works and the driver is at fault (reinstall the certificate assistant,
guide 3.2, 3.3 ④). With no key hardware at all, another USB port is the
guide's next step (3.3 ②). Windows is asked through SetupAPI, Linux through
sysfs; neither opens the device, so a driver holding it is not disturbed.
"""

from __future__ import annotations

import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ukey_renew import paths
from ukey_renew.errors import KeyNotOnUsb, KeyNotRecognised, Listed, TokenError, TokenNotPresent

log = logging.getLogger(__name__)

SYSFS_DEVICES = Path("/sys/bus/usb/devices")
# A USB device's instance id: USB\VID_055C&PID_E618\<serial or port path>. An
# interface of a composite device adds &MI_nn; its device is listed too.
_INSTANCE_ID = re.compile(r"^USB\\VID_([0-9A-F]{4})&PID_([0-9A-F]{4})(&MI_[0-9A-F]{2})?\\", re.IGNORECASE)


@dataclass(frozen=True)
class UsbDevice:
    vid: int
    pid: int
    product: str = ""  # as the device names itself, where the system says
    where: str = ""  # the instance id (Windows) or sysfs name (Linux)

    @property
    def ids(self) -> str:
        return f"{self.vid:04X}:{self.pid:04X}"


@dataclass(frozen=True)
class KnownKey:
    """A key model of BJCA's driver table (resources/tokens.toml ``[[usb]]``)."""

    vid: int
    pid: int
    maker: str
    model: str
    driver: str  # the SKF DLL BJCA's service loads for it; "" where it uses a CSP

    @property
    def name(self) -> str:
        return f"{self.maker} {self.model}".strip()


@dataclass(frozen=True)
class PluggedKey:
    device: UsbDevice
    key: KnownKey

    def describe(self) -> str:
        return f"{self.key.name}（USB {self.device.ids}）"


def known_keys() -> dict[tuple[int, int], KnownKey]:
    table = paths.resource_table("tokens.toml")
    keys = {}
    for entry in table.get("usb", []):
        key = KnownKey(
            vid=int(entry["vid"], 16),
            pid=int(entry["pid"], 16),
            maker=entry.get("maker", ""),
            model=entry["model"],
            driver=entry.get("driver", ""),
        )
        keys[key.vid, key.pid] = key
    return keys


def parse_instance_id(instance_id: str) -> UsbDevice | None:
    """The device an instance id names; None for other buses and for a
    composite device's interfaces (the device itself is listed as well)."""
    match = _INSTANCE_ID.match(instance_id)
    if match is None or match.group(3):
        return None
    return UsbDevice(int(match.group(1), 16), int(match.group(2), 16), where=instance_id)


def _windows_instance_ids() -> list[str]:
    """The instance ids of the USB devices present, as Device Manager lists them."""
    import ctypes
    from ctypes import wintypes

    class DevInfoData(ctypes.Structure):  # SP_DEVINFO_DATA
        _fields_ = [
            ("cbSize", wintypes.DWORD),
            ("ClassGuid", ctypes.c_byte * 16),
            ("DevInst", wintypes.DWORD),
            ("Reserved", ctypes.c_void_p),
        ]

    digcf_present, digcf_allclasses = 0x2, 0x4
    setupapi = ctypes.WinDLL("setupapi", use_last_error=True)  # type: ignore[attr-defined]
    setupapi.SetupDiGetClassDevsW.restype = ctypes.c_void_p
    setupapi.SetupDiGetClassDevsW.argtypes = [ctypes.c_void_p, wintypes.LPCWSTR, wintypes.HWND, wintypes.DWORD]
    setupapi.SetupDiEnumDeviceInfo.argtypes = [ctypes.c_void_p, wintypes.DWORD, ctypes.POINTER(DevInfoData)]
    setupapi.SetupDiGetDeviceInstanceIdW.argtypes = [
        ctypes.c_void_p,
        ctypes.POINTER(DevInfoData),
        wintypes.LPWSTR,
        wintypes.DWORD,
        ctypes.POINTER(wintypes.DWORD),
    ]
    setupapi.SetupDiDestroyDeviceInfoList.argtypes = [ctypes.c_void_p]

    handle = setupapi.SetupDiGetClassDevsW(None, "USB", None, digcf_present | digcf_allclasses)
    if handle in (None, ctypes.c_void_p(-1).value):
        raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined]
    ids = []
    try:
        data = DevInfoData(cbSize=ctypes.sizeof(DevInfoData))
        buffer = ctypes.create_unicode_buffer(512)  # MAX_DEVICE_ID_LEN is 200
        index = 0
        while setupapi.SetupDiEnumDeviceInfo(handle, index, ctypes.byref(data)):
            if setupapi.SetupDiGetDeviceInstanceIdW(handle, ctypes.byref(data), buffer, len(buffer), None):
                ids.append(buffer.value)
            index += 1
    finally:
        setupapi.SetupDiDestroyDeviceInfoList(handle)
    return ids


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


def _sysfs_devices(root: Path) -> list[UsbDevice]:
    found = []
    for folder in sorted(root.iterdir()):
        vid, pid = _read(folder / "idVendor"), _read(folder / "idProduct")  # interfaces have neither
        try:
            found.append(UsbDevice(int(vid, 16), int(pid, 16), _read(folder / "product"), folder.name))
        except ValueError:
            continue
    return found


def devices(platform: str = sys.platform, sysfs: Path = SYSFS_DEVICES) -> list[UsbDevice] | None:
    """The USB devices plugged in; None where this system cannot be asked."""
    try:
        if platform == "win32":
            return [device for device in map(parse_instance_id, _windows_instance_ids()) if device]
        if platform.startswith("linux") and sysfs.is_dir():
            return _sysfs_devices(sysfs)
    except OSError as exc:
        log.warning("USB devices not listed: %s", exc)
    return None


def plugged_keys(found: list[UsbDevice], table: dict[tuple[int, int], KnownKey]) -> list[PluggedKey]:
    """The devices that are keys of BJCA's table."""
    return [PluggedKey(device, table[device.vid, device.pid]) for device in found if (device.vid, device.pid) in table]


def diagnose(seen: bool, plugged: list[PluggedKey] | None) -> TokenError | None:
    """Why no backend sees a key, told by the USB bus (``plugged`` None: it
    could not be asked); None when a backend does see one."""
    if seen:
        return None
    if plugged is None:
        return TokenNotPresent()
    if plugged:
        return KeyNotRecognised(Listed(key.describe() for key in plugged))
    return KeyNotOnUsb()
