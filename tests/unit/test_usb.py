"""The USB presence probe (sysfs on Linux, SetupAPI on Windows at its seam),
BJCA's driver table, and the check that tells a driver at fault from a port
at fault (guide 3.3 ② and ④)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ukey_renew import usb
from ukey_renew.errors import KeyNotOnUsb, KeyNotRecognised, Listed, TokenNotPresent, UkeyError
from ukey_renew.token import pcsc
from ukey_renew.troubleshoot import checks
from ukey_renew.troubleshoot.checks import CheckContext, run_one
from ukey_renew.troubleshoot.faq import load_faq

LONGMAI = (0x055C, 0xE618)
# As Device Manager shows them: the Longmai key, a composite Feitian key's
# interface beside its device, a HID child, a root hub and a mouse.
WINDOWS_IDS = [
    r"USB\ROOT_HUB30\4&2851D18&0&0",
    r"USB\VID_055C&PID_E618\6&2A8F3C1D&0&2",
    r"USB\VID_096E&PID_0303&MI_00\7&1C2E4F0&0&0000",
    r"HID\VID_055C&PID_E618\7&3B1A0C2&0&0000",
    r"USB\VID_046D&PID_C077\5&15F0DA6&0&1",
]


def _sysfs(root: Path, devices: dict[str, tuple[str, str, str]]) -> Path:
    """A /sys/bus/usb/devices tree: name -> (idVendor, idProduct, product)."""
    root.mkdir()
    for name, (vid, pid, product) in devices.items():
        folder = root / name
        folder.mkdir()
        (folder / "idVendor").write_text(vid + "\n")
        (folder / "idProduct").write_text(pid + "\n")
        (folder / "product").write_text(product + "\n")
        (root / f"{name}:1.0").mkdir()  # its interface: no ids of its own
    return root


@pytest.fixture
def longmai_plugged(tmp_path: Path) -> Path:
    hub, key = ("1d6b", "0002", "xHCI Host Controller"), ("055c", "e618", "GM3000")
    return _sysfs(tmp_path / "usb", {"usb1": hub, "1-2": key})


@pytest.fixture
def nothing_plugged(tmp_path: Path) -> Path:
    return _sysfs(tmp_path / "usb", {"usb1": ("1d6b", "0002", "xHCI Host Controller")})


def test_the_table_is_bjcas(monkeypatch: pytest.MonkeyPatch) -> None:
    """DESIGN §3's models with the SKF DLL BJCA's service loads for each; the
    ATR table beside it still reads."""
    table = usb.known_keys()
    drivers = {(key.vid, key.pid): key.driver for key in table.values()}
    assert drivers[LONGMAI] == "gm3000_bjca.dll" and table[LONGMAI].model == "UKEY-Mini(LM3KM3)"
    assert drivers[0x096E, 0x0303] == "FTGM.dll"
    assert drivers[0x6588, 0x1514] == "lgu3073_p1514_gm.dll"
    assert drivers[0x465A, 0x1053] == "SmartCTCAPIHID.dll"
    assert {(0x5448, pid) for pid in (1, 3, 4)} <= set(table)  # HaiTai, CSP only
    assert pcsc.known_cards()[0].practice


def test_sysfs(longmai_plugged: Path) -> None:
    found = usb.devices("linux", longmai_plugged)
    assert found is not None
    assert [(device.ids, device.product, device.where) for device in found] == [
        ("055C:E618", "GM3000", "1-2"),
        ("1D6B:0002", "xHCI Host Controller", "usb1"),
    ]
    (plugged,) = usb.plugged_keys(found, usb.known_keys())
    assert plugged.describe() == "龙脉 GM3000 UKEY-Mini(LM3KM3)（USB 055C:E618）"


def test_systems_that_cannot_be_asked(tmp_path: Path) -> None:
    assert usb.devices("linux", tmp_path / "no-sysfs") is None  # a container without /sys/bus/usb
    assert usb.devices("darwin", tmp_path) is None


@pytest.mark.parametrize(
    ("instance_id", "ids"),
    [
        (r"USB\VID_055C&PID_E618\6&2A8F3C1D&0&2", "055C:E618"),
        (r"usb\vid_096e&pid_0303\FT20210726001", "096E:0303"),  # the serial as its id, lower case
        (r"USB\VID_096E&PID_0303&MI_01\7&1C2E4F0&0&0001", None),  # an interface: its device is listed
        (r"HID\VID_055C&PID_E618\7&3B1A0C2&0&0000", None),
        (r"USB\ROOT_HUB30\4&2851D18&0&0", None),
        (r"USB\VID_055C&PID_E6\6&2A8F3C1D&0&2", None),
    ],
)
def test_instance_ids(instance_id: str, ids: str | None) -> None:
    device = usb.parse_instance_id(instance_id)
    assert (device.ids if device else None) == ids
    if device is not None:
        assert device.where == instance_id


def test_windows_at_its_seam(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(usb, "_windows_instance_ids", lambda: WINDOWS_IDS)
    found = usb.devices("win32")
    assert found is not None and [device.ids for device in found] == ["055C:E618", "046D:C077"]

    def refused() -> list[str]:
        raise OSError(5, "Access is denied")

    monkeypatch.setattr(usb, "_windows_instance_ids", refused)
    assert usb.devices("win32") is None


def test_diagnosis() -> None:
    (plugged,) = usb.plugged_keys([usb.UsbDevice(*LONGMAI)], usb.known_keys())
    assert usb.diagnose(True, [plugged]) is None and usb.diagnose(True, []) is None
    driver = usb.diagnose(False, [plugged])
    assert isinstance(driver, KeyNotRecognised) and "龙脉 GM3000" in driver.message
    assert "指南 3.2、3.3 ④" in driver.next_step and driver.guide == "3.3"
    port = usb.diagnose(False, [])
    assert isinstance(port, KeyNotOnUsb) and "别的 USB 接口（指南 3.3 ②）" in port.next_step
    unknown = usb.diagnose(False, None)
    assert type(unknown) is TokenNotPresent


@pytest.fixture
def context(home: Path, monkeypatch: pytest.MonkeyPatch) -> CheckContext:
    """A Linux computer whose backends see no key."""

    def no_service(context: CheckContext) -> tuple[str, str]:
        raise UkeyError("BJCA 证书应用环境没有运行。")

    monkeypatch.setattr(checks, "_key_xtxapp", no_service)
    monkeypatch.setattr(checks, "_key_pkcs11", lambda context: ("warn", "没有检测到 Ukey"))
    return CheckContext(home, "https://127.0.0.1:9/", "https://127.0.0.1:9/", platform="linux")


def test_key_plugged_but_not_seen_means_reinstall(context: CheckContext, longmai_plugged: Path) -> None:
    context.usb_devices = longmai_plugged
    result = run_one("key.detected", context)
    assert result.status == "fail" and result.faq == "3.3"
    assert "检测到已插入 龙脉 GM3000 UKEY-Mini(LM3KM3)（USB 055C:E618）" in result.detail
    assert "重新下载并安装 BJCA 证书助手（指南 3.2、3.3 ④）" in result.detail and "练习" not in result.detail
    assert run_one("usb.key", context).status == "ok"


def test_no_key_hardware_means_another_port(context: CheckContext, nothing_plugged: Path) -> None:
    context.usb_devices = nothing_plugged
    result = run_one("key.detected", context)
    assert result.status == "fail" and result.detail.startswith("未检测到 Ukey：电脑的 USB 设备中没有红色 Ukey")
    assert "别的 USB 接口（指南 3.3 ②）" in result.detail
    assert "证书助手" not in result.detail
    usb_key = run_one("usb.key", context)
    assert usb_key.status == "fail" and "别的 USB 接口" in usb_key.detail


def test_windows_key_seen_by_the_service(
    context: CheckContext, monkeypatch: pytest.MonkeyPatch, nothing_plugged: Path
) -> None:
    monkeypatch.setattr(checks, "_key_xtxapp", lambda context: ("ok", "BJCA 证书应用环境在运行，证书：电信测试1"))
    monkeypatch.setattr(usb, "_windows_instance_ids", lambda: WINDOWS_IDS)
    context.platform, context.usb_devices = "win32", nothing_plugged  # Windows never reads sysfs
    result = run_one("key.detected", context)
    assert result.status == "ok"
    assert result.detail.endswith("电信测试1（USB：龙脉 GM3000 UKEY-Mini(LM3KM3)（USB 055C:E618））")


def test_without_a_usb_listing_the_advice_stays_general(context: CheckContext, tmp_path: Path) -> None:
    context.usb_devices = tmp_path / "no-sysfs"
    result = run_one("key.detected", context)
    assert result.status == "fail" and result.detail.startswith("未检测到 Ukey。请插入红色 Ukey")
    assert run_one("usb.key", context).status == "skip"


def test_the_33_tree_follows_the_guides_order() -> None:
    """Guide 3.3: another USB port (②), restart (③), reinstall (④), each checked
    by whether the key is seen; a key still unseen goes on to the next step."""
    entry = load_faq().entries["3.3"]
    order, node = [], entry.nodes["port"]
    while node.kind == "check":
        assert node.data["check"] == "key.detected" and node.after("ok") == "found"
        order.append(entry.mark(node.id))
        node = entry.nodes[str(node.after("fail"))]
    assert order == ["②", "③", "④"] and entry.mark(node.id) == "⑤"
    assert {"usb.no_key", "usb.not_recognised"} <= set(entry.errors)


def test_a_list_of_keys_in_english(context: CheckContext, tmp_path: Path) -> None:
    """Names listed in a finding or an error are joined with "、", and with its translation (", ") in
    English: "Ukey on USB: A, B", not "A、B"."""
    key = ("055c", "e618", "GM3000")
    context.usb_devices = _sysfs(tmp_path / "two", {"1-2": key, "1-3": key})
    said = run_one("usb.key", context).said
    assert said is not None and str(said).count("、") == 1
    english = {"USB 上有 Ukey：{keys}": "Ukey on USB: {keys}", "、": ", "}
    shown = said.translated(lambda text: english.get(text, text))
    assert shown.startswith("Ukey on USB: 龙脉") and shown.count(", ") == 1 and "、" not in shown
    error = usb.diagnose(False, usb.plugged_keys(usb.devices("linux", context.usb_devices) or [], usb.known_keys()))
    assert isinstance(error, KeyNotRecognised) and error.message.count("、") == 1
    keys = error.values["keys"]
    assert isinstance(keys, Listed) and keys.joined(", ").count(", ") == 1  # as the window fills it in
