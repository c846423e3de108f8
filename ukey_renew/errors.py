"""Every failure the program reports, as a typed error with a stable id.

The id (e.g. ``pin.incorrect``) is what troubleshooting maps to an FAQ entry
and what support summaries quote, so ids never change once released. The
message says what happened in words a clerk understands; ``next_step`` says
what to do; ``guide`` names the section of the renewal guide that covers it.
"""

from __future__ import annotations

import errno

LIST_SEPARATOR = "、"  # Chinese lists; the window translates it (", " in English)


class Listed(tuple[str, ...]):
    """Several names as one value of a message ("电脑检测到已插入 A、B"): joined with "、" here, and with
    the window's translation of it where the window fills the template in, so English reads "A, B"."""

    def __str__(self) -> str:
        return self.joined(LIST_SEPARATOR)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def joined(self, separator: str) -> str:
        return separator.join(self)


class UkeyError(Exception):
    """Base of all errors the program shows to a user."""

    id = "internal"
    message = "程序内部错误。"
    next_step = "请将支持信息复制给 Ukey 运维人员（指南 3.12）。"
    guide = "3.12"
    # A message made with values: ``template`` filled with them. The window translates the
    # template, then fills it, so such a message reads in English too.
    template = ""

    def __init__(self, message: str | None = None, *, detail: str | None = None, **values: object) -> None:
        self.values = values
        if values:
            message = self.template.format(**values)
        if message is not None:
            self.message = message
        # ``detail`` is technical context for the log; never a PIN or phone number.
        self.detail = detail
        super().__init__(self.message)

    def as_dict(self) -> dict[str, str]:
        return {
            "id": self.id,
            "message": self.message,
            "next_step": self.next_step,
            "faq": self.guide,
        }


# --- certificates -----------------------------------------------------------


class CertificateError(UkeyError):
    id = "cert.malformed"
    message = "无法读取证书：文件内容不是有效的 X.509 证书。"
    next_step = "请确认选择的是证书文件（.cer/.crt/.pem）；若证书来自 Ukey，请按指南 3.3 排查。"
    guide = "3.3"


class CertificateEmpty(CertificateError):
    id = "cert.empty"
    message = "证书文件为空。"


# --- the key ------------------------------------------------------------------


class TokenError(UkeyError):
    id = "token.error"
    message = "Ukey 操作失败。"
    next_step = "请拔下 Ukey 后重新插入，再试一次；仍失败请按指南 3.3 排查。"
    guide = "3.3"


class TokenNotPresent(TokenError):
    id = "token.not_present"
    message = "未检测到 Ukey。"
    next_step = "请插入红色 Ukey（指南 1.3）；已插入仍无反应，请换一个 USB 接口（指南 3.3 ②）。"


class PracticeKeyMissing(TokenNotPresent):
    """No practice key made yet: nothing to plug in, so no USB port to try."""

    message = "还没有练习 Ukey。"
    next_step = (
        "运行 ukey-renew practice reset 生成一把（证书同指南示例，密码 111111），"
        "或用 ukey-renew --practice 打开向导练习，它会自动生成。"
    )


class KeyNotOnUsb(TokenNotPresent):
    """No key of BJCA's driver table on the USB bus: the port or the key, not the driver."""

    id = "usb.no_key"
    message = "未检测到 Ukey：电脑的 USB 设备中没有红色 Ukey。"
    next_step = "请把 Ukey 插到别的 USB 接口（指南 3.3 ②）；仍不行请重启电脑（指南 3.3 ③）。"


class KeyNotRecognised(TokenError):
    """The key is on the USB bus but no backend lists it: BJCA's driver or service is at fault."""

    id = "usb.not_recognised"
    next_step = (
        "USB 接口是好的：请重新下载并安装 BJCA 证书助手（指南 3.2、3.3 ④），装好后拔下 Ukey 再插上；"
        "仍不行请重启电脑（指南 3.3 ③）。"
    )

    template = "电脑检测到已插入 {keys}，但 BJCA 证书应用环境没有识别它。"

    def __init__(self, keys: Listed) -> None:
        super().__init__(keys=keys)


class TokenRemoved(TokenError):
    id = "token.removed"
    message = "Ukey 在操作过程中被拔出或断开。"
    next_step = "请重新插入 Ukey 后继续；原证书不会因此丢失。"


class NoSuchContainer(TokenError):
    id = "token.no_container"
    message = "Ukey 中找不到指定的证书容器。"


class TokenWriteFailed(TokenError):
    id = "token.write_failed"
    message = "向 Ukey 写入证书失败，原证书保持不变。"
    next_step = "请保持 Ukey 插好，稍后重试；多次失败请联系 Ukey 运维人员（指南 3.12）。"
    guide = "3.12"


class CertificateKeyMismatch(TokenWriteFailed):
    id = "token.cert_key_mismatch"
    message = "新证书与 Ukey 中生成的密钥不匹配，未写入，原证书保持不变。"


class EnvelopeNotOpened(TokenWriteFailed):
    """The site's encryption key does not open with the key's new signing
    key: what the site sent is at fault, so the next run asks the site again
    for the same order (same id as its parent)."""

    message = "网站下发的加密密钥无法用 Ukey 中的新密钥解开，新证书未启用，原证书保持不变。"
    next_step = (
        "请再次延期：程序会为同一订单重新向网站申请新证书，不会重新下单。多次失败请联系 Ukey 运维人员（指南 3.12）。"
    )


class PinIncorrect(TokenError):
    id = "pin.incorrect"
    guide = "3.6"
    next_step = (
        "没改过的 Ukey 密码是 111111（指南 2.2 ③）；延期或修改过的，是当时设置的新密码。"
        "忘记密码请勿反复尝试，按指南 3.6 申请解锁。"
    )

    message = "Ukey 密码错误。"  # where the key does not tell how many tries are left (PKCS#11)
    template = "Ukey 密码错误，还可以尝试 {retries_left} 次。"

    def __init__(self, retries_left: int | None) -> None:
        self.retries_left = retries_left
        if retries_left is None:
            super().__init__()
        else:
            super().__init__(retries_left=retries_left)


class PinLocked(TokenError):
    id = "pin.locked"
    message = "Ukey 密码已锁定。"
    next_step = "请按指南 3.6 提交解锁申请，并联系 Ukey 运维人员获取解锁授权码。"
    guide = "3.6"


class PinRuleViolated(TokenError):
    id = "pin.rule"
    message = "新密码须为 6–8 位字母和数字的组合。"
    next_step = "请重新输入：长度 6 到 8 位，同时包含字母和数字（指南 3.6 ⑥、3.9 情况 3）。"
    guide = "3.9"


class LoginRequired(TokenError):
    id = "token.login_required"
    message = "此操作需要先输入 Ukey 密码。"


# --- backends ---------------------------------------------------------------


class PracticeKeyBroken(TokenError):
    """The practice key's file is not as this program writes it (cut short,
    edited, from another version): it is refused whole, never half used."""

    id = "practice.broken"
    message = "练习 Ukey 的文件已损坏，无法使用。"
    next_step = "请运行 ukey-renew practice reset 重新生成练习 Ukey。练习 Ukey 只用于练习，真实 Ukey 不受影响。"
    guide = "3.12"


class PracticeKeyOutdated(PracticeKeyBroken):
    """A practice key made by an earlier version (an EC key, no encryption
    certificate): its certificate is not the reference CA's any more."""

    id = "practice.outdated"
    message = "练习 Ukey 是旧版本程序制作的，与真实红色 Ukey 不同，没有使用国密 SM2 证书，无法继续使用。"


class PracticeSiteBroken(PracticeKeyBroken):
    """A file of the built-in practice site (its CA's or TLS CA's key or
    certificate, its database) is not as this program writes it: named, and
    `practice reset` rebuilds the practice world around a new practice key."""

    id = "practice.site_broken"
    next_step = (
        "请运行 ukey-renew practice reset 重建练习环境（练习 Ukey 和练习延期网站一起重建，损坏的文件另存备查）。"
        "练习环境只用于练习，真实 Ukey 不受影响。"
    )

    def __init__(self, path: str) -> None:
        super().__init__(f"练习延期网站的文件已损坏，无法使用：{path}。", detail=path)


class Sm2Unavailable(TokenError):
    """gmssl-pyx has wheels for x86-64 only: elsewhere SM2 cannot be used."""

    id = "sm2.unavailable"
    message = "本电脑上的程序缺少国密 SM2 组件，无法使用 SM2 密钥和证书。"
    next_step = "请安装 64 位（x64）版本的本程序；仍不行请联系 Ukey 运维人员（指南 3.12）。"
    guide = "3.12"


class ModuleNotFound(TokenError):
    id = "pkcs11.module_not_found"
    message = "找不到 Ukey 驱动（PKCS#11 模块）。"
    next_step = "请安装 BJCA 证书助手（指南 3.2）后重试。"
    guide = "3.2"


class ModuleInvalid(TokenError):
    id = "pkcs11.module_invalid"
    message = "Ukey 驱动文件无法加载（不是有效的 PKCS#11 模块）。"
    next_step = "请重新安装 BJCA 证书助手（指南 3.2）。"
    guide = "3.2"


class ModuleWrongArchitecture(ModuleInvalid):
    """A 32-bit driver in our 64-bit program (or the reverse): Windows cannot
    load it, and reinstalling changes nothing. BJCA's own service runs in a
    process of its own and reaches the key whatever the driver's bitness."""

    id = "pkcs11.module_arch"
    next_step = (
        "本程序会改用 BJCA 证书应用环境读取 Ukey：请确认已按指南 3.2 安装证书助手（证书应用环境）；"
        "仍读不到 Ukey，请联系 Ukey 运维人员向 BJCA 索取 64 位驱动（指南 3.12）。"
    )

    def __init__(self, module: str, module_bits: str, program_bits: str) -> None:
        super().__init__(
            f"Ukey 驱动为 {module_bits}（{module}），本程序为 {program_bits}，无法直接加载。",
            detail=f"{module}: {module_bits} module, {program_bits} program",
        )


class ServiceUnavailable(TokenError):
    id = "xtxapp.unavailable"
    message = "BJCA 证书应用环境（XTXApp 本地服务）没有运行。"
    next_step = "请重启电脑；仍不行请重新安装 BJCA 证书助手（指南 3.2、3.3 ③④）。"
    guide = "3.2"


class ServiceBadAnswer(TokenError):
    id = "xtxapp.bad_answer"
    message = "BJCA 证书应用环境返回了无法识别的结果。"
    next_step = "请重新安装 BJCA 证书助手（指南 3.2）后重试。"
    guide = "3.2"


class ServiceSlow(ServiceUnavailable):
    """BJCA's service blocks while it shows its own PIN dialog or progress box."""

    id = "xtxapp.slow"
    message = "BJCA 证书应用环境长时间没有回应。"
    next_step = (
        "请在 BJCA 弹出的窗口中操作（输入 Ukey 密码，或等“正在读取证书”结束；窗口可能在其它窗口后面）；"
        "没有这样的窗口，请重启电脑后再试（指南 3.2）。"
    )


class ServiceRefused(TokenError):
    """A call BJCA's service answered with its failure value; BJCA's own
    code and Chinese message (SOF_GetLastError / SOF_GetLastErrMsg) are kept."""

    id = "xtxapp.refused"
    next_step = "请拔下 Ukey 重新插入后再试；仍失败，请点“复制支持信息”发给 Ukey 运维人员（指南 3.12）。"
    guide = "3.12"

    def __init__(self, func: str, code: int, bjca_message: str) -> None:
        self.code = code
        self.bjca_message = bjca_message.strip()
        super().__init__(
            f"BJCA 证书应用环境报告：{self.bjca_message or '操作失败'}（错误码 0x{code:08X}）。",
            detail=f"{func}: 0x{code:08X} {self.bjca_message}",
        )


class EnvelopeRefused(ServiceRefused, EnvelopeNotOpened):
    """BJCA's ImportEncCert refused the site's envelope (too short, a session
    key of another size, not opened): BJCA's code and words are kept, and,
    as what the site sent is at fault, the site is asked again."""

    next_step = EnvelopeNotOpened.next_step


class EntrySkipped(TokenError):
    """One entry of BJCA's user list that cannot be used; the others are still read."""

    id = "xtxapp.entry_skipped"
    next_step = "若这是已拔下的其它 Ukey，可以忽略；若是正在使用的 Ukey，请拔下重新插入（指南 3.3）。"

    def __init__(self, entry: str, *, detail: str) -> None:
        super().__init__(f"BJCA 证书列表中的一项无法读取，已跳过：{entry}。", detail=detail)


class PortTaken(UkeyError):
    """The XTXApp simulator's port is held by another program: BJCA's service itself, or another simulator."""

    id = "xtxapp.port_taken"
    next_step = "请先退出占用该端口的程序，或用 --port 指定另一个端口（指南 3.2）。"
    guide = "3.2"


class ReaderUnavailable(TokenError):
    id = "pcsc.unavailable"
    message = "系统的智能卡服务不可用。"
    next_step = "请重启电脑后再试（指南 3.3 ③）。"


class PcscNotInstalled(TokenError):
    """pyscard is an extra on Linux ("pcsc"); on Windows it is always there."""

    id = "pcsc.not_installed"
    message = "PC/SC 支持未安装，读卡器无法检查。"
    next_step = (
        "多数 Ukey 不经读卡器，不影响使用；需要读卡器时请安装 pyscard（pip install 'ukey-renew[pcsc]'，指南 3.3）。"
    )


# --- the renewal site ---------------------------------------------------------


class SiteError(UkeyError):
    id = "site.error"
    message = "延期网站返回了错误。"
    next_step = "请稍后重试；仍不成功请联系 Ukey 运维人员（指南 3.12）。"
    guide = "3.12"


class SiteUnreachable(SiteError):
    id = "site.unreachable"
    message = "无法连接证书延期网站。"
    next_step = "请确认电脑能上互联网（外网），稍后重试（指南 2.2 ①）。"
    guide = "2.2"


class SiteTimeout(SiteError):
    id = "site.timeout"
    message = "证书延期网站响应超时。"
    next_step = "请检查网络后重试；延期进度已保存，重新开始时会接着做。"
    guide = "2.2"


class SiteUntrusted(SiteError):
    id = "site.tls_untrusted"
    message = "延期网站的安全证书无法验证，已停止连接。"
    next_step = "请检查电脑日期时间是否正确；不要在不受信任的网络上操作，可换一台外网电脑（指南 2.2 ②）。"
    guide = "2.2"


class SiteIdentityWrong(SiteUntrusted):
    """The login page's certificate is not the site's own: the key signs nothing for it."""

    id = "site.identity_wrong"
    message = (
        "延期网站登录页提供的服务器证书不属于该网站（不是该网站的 CA 签发，或名称不符），"
        "为安全起见已停止，Ukey 没有签名任何内容。"
    )


class SiteRedirected(SiteError):
    id = "site.redirect"
    message = "延期网站把请求转到了别的地址，为安全起见已停止。"
    next_step = "请联系 Ukey 运维人员核实延期网站地址（指南 3.12）。"


class SiteBadAnswer(SiteError):
    id = "site.bad_answer"
    message = "延期网站返回了无法识别的内容。"


class SiteServerError(SiteError):
    id = "site.server_error"
    message = "延期网站暂时出错。"
    next_step = "请稍后重试；延期进度已保存，重新开始时会接着做。"


class SiteRefused(SiteError):
    """The site said no; ``id`` and message come from its answer (guide 3.10)."""

    def __init__(self, code: str, message: str, next_step: str, guide: str) -> None:
        self.id = f"site.{code}"
        self.next_step = next_step
        self.guide = guide
        super().__init__(message)


class HolderInvalid(UkeyError):
    id = "holder.invalid"
    message = "持有人姓名或手机号格式不正确。"
    next_step = "请填写当前持有 Ukey 人员的真实姓名和 11 位手机号，并记录下来，解锁时需要（指南 2.2 ④）。"
    guide = "2.2"


# --- renewal ------------------------------------------------------------------


class RenewalNotEligible(UkeyError):
    id = "renewal.not_eligible"
    message = "该证书不能在线延期。"
    next_step = "请按指南 3.7 申请更换 Ukey。"
    guide = "3.7"


class AlreadyRenewed(UkeyError):
    """The key was renewed today: a second run would place a second order and
    add five more years (guide 2.2 ⑤), which nobody asks for by accident."""

    id = "renewal.already_done"
    next_step = "无需再次延期：请拔下并重新插入 Ukey，按指南 2.3 验证。确需再次延期，请加 --again。"
    guide = "2.3"

    def __init__(self, order_no: str, new_not_after: str) -> None:
        super().__init__(f"这把 Ukey 今天已经延期成功（订单号 {order_no}，新有效期至 {new_not_after}）。")


class RenewalCancelled(UkeyError):
    id = "renewal.cancelled"
    message = "延期已取消，原证书保持不变。"
    next_step = "可以随时重新开始延期；已提交的订单会继续使用，不会重复下单。"
    guide = "2.2"


class RenewalBusy(UkeyError):
    id = "renewal.busy"
    message = "这把 Ukey 的延期正在另一个窗口中进行。"
    next_step = "请先完成或关闭另一个延期窗口。"
    guide = "2.2"


class KeyBeingRenewed(RenewalBusy):
    """Something else asked of a key while its renewal runs (same id as its parent)."""

    next_step = "请等延期完成（或先停止延期）后再试（指南 2.2）。"

    def __init__(self, asked: str = "修改密码", order_no: str | None = None) -> None:
        which = f"（订单号 {order_no}）" if order_no else ""
        super().__init__(f"这把 Ukey 正在延期{which}，现在不能{asked}。")


class KeyBusy(UkeyError):
    """A call into a key waited past its deadline for another call into the same key."""

    id = "key.busy"
    next_step = "请等正在进行的操作完成后再试；一直不结束，请拔下 Ukey 重新插入后再打开程序（指南 3.3）。"
    guide = "3.3"

    def __init__(self, doing: str, asked: str) -> None:
        super().__init__(f"这把 Ukey 正在{doing or '进行另一项操作'}，现在不能{asked}。")


class IssuedCertificateWrong(UkeyError):
    id = "renewal.issued_wrong"
    message = "网站下发的新证书与原证书的单位信息不一致，未写入 Ukey，原证书保持不变。"
    next_step = "请联系 Ukey 运维人员（指南 3.12），并提供支持信息。"
    guide = "3.12"


class RenewalStuck(UkeyError):
    """The site keeps answering this renewal's order with what cannot be used
    (or no longer knows the order): asking again would fail the same way, so
    the way on is to drop the order and start anew (guide 2.2 ⑤)."""

    id = "renewal.stuck"
    next_step = (
        "请放弃这次延期后重新开始：运行 ukey-renew renew --practice --abandon，"
        "或在向导的“继续上次未完成的延期”页点“信息有误，重新填写”，然后重新延期（指南 2.2 ⑤）。"
        "仍同样失败，请把支持信息发给 Ukey 运维人员（指南 3.12）。"
    )
    guide = "2.2"

    def __init__(self, order_no: str, cause: UkeyError) -> None:
        super().__init__(
            f"{cause.message} 订单 {order_no} 无法继续：再次尝试也会同样失败。", detail=f"{cause.id}: {cause.detail}"
        )


class JournalSetAside(UkeyError):
    """A renewal's progress file that names an order could not be used (cut
    short, edited, of another key): set aside, and said, so that the order is
    not left behind unheard of."""

    id = "journal.set_aside"
    next_step = (
        "请重新开始延期（向导中点“开始延期”，或运行 ukey-renew renew --practice）：会从头开始，原证书保持不变，"
        "延期网站会沿用这把 Ukey 未完成的订单或生成新订单（指南 2.2 ⑤）。"
        "移走的文件留给 Ukey 运维人员查看（指南 3.12）。"
    )
    guide = "2.2"

    def __init__(self, aside: str, order_no: str) -> None:
        super().__init__(
            f"上次延期（订单号 {order_no}）的进度文件无法使用（已损坏或被改动），已移到 {aside}。",
            detail=f"journal set aside as {aside}",
        )


class CaptchaGivenUp(UkeyError):
    id = "captcha.given_up"
    message = "验证码多次输入错误。"
    next_step = "请稍后重新开始；若提示操作次数过多，请明日再试（指南 3.10 ②③）。"
    guide = "3.10"


class LockBusy(UkeyError):
    """Another process holds one of the program's lock files past the wait."""

    id = "lock.busy"
    next_step = (
        "请关闭其他正在运行的 ukey-renew 窗口或命令后再试；没有的话，请重启电脑后再试。"
        "仍不行请把支持信息发给 Ukey 运维人员（指南 3.12）。"
    )

    def __init__(self, name: str, holder: int | None) -> None:
        self.holder = holder
        who = f"另一个程序（进程 {holder}）" if holder else "另一个程序"
        super().__init__(f"{who}正在使用 {name}，一直没有结束。", detail=f"{name} held by {holder}")


class StateNotSaved(UkeyError):
    """A state file of the program's own (renewal progress, the practice key,
    an unlock request) could not be written; the previous one is kept."""

    id = "disk.not_saved"
    guide = "3.12"

    def __init__(self, name: str, cause: OSError) -> None:
        if cause.errno == errno.ENOSPC:
            self.id = DiskFull.id  # a full disk reads the same wherever it strikes
            self.next_step = "请清理磁盘（删除不用的文件、清空回收站）后再试；已完成的步骤不会丢失。"
            message = f"磁盘已满，无法保存 {name}。"
        else:
            self.next_step = (
                "请稍等片刻再试；仍不行请重启电脑后再试，已完成的步骤不会丢失。"
                "若每次都出现，请把支持信息发给 Ukey 运维人员（指南 3.12）。"
            )
            message = f"无法保存 {name}：文件正被其他程序（如杀毒软件）占用，或没有写入权限。"
        super().__init__(
            message, detail=f"{type(cause).__name__}: errno {cause.errno}, winerror {getattr(cause, 'winerror', None)}"
        )


class DiskFull(UkeyError):
    """Too little room on the disk of the program's state: found before an
    order is placed (``diskspace.require_room``), or where it struck."""

    id = "disk.full"
    next_step = (
        "请清理这个磁盘（删除不用的文件、清空回收站）后再试；已完成的步骤不会丢失，也不会重新下单（指南 3.12）。"
    )
    guide = "3.12"
    template = "磁盘已满：{path} 所在的磁盘只剩 {free} KB 可用，无法保存延期进度和记录。"

    def __init__(self, path: str, free: int) -> None:
        super().__init__(path=path, free=free)


_CANNOT_WRITE = {
    errno.ENOENT: "文件夹不存在",
    errno.EACCES: "没有写入权限，或文件正被其他程序打开",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "磁盘只读",
    errno.ENOSPC: "磁盘已满",
    errno.EISDIR: "同名的是一个文件夹",
    errno.EEXIST: "同名的是一个文件，不是文件夹",
    errno.ENOTDIR: "路径中有一级是文件，不是文件夹",
}


def why_not_written(cause: BaseException | None) -> str:
    """The reason a file could not be written, in a clerk's words."""
    return _CANNOT_WRITE.get(getattr(cause, "errno", None) or 0, "无法写入")


class LetterNotSaved(UkeyError):
    """The replacement letter (guide 3.7) could not be written where the user
    asked: saying "written" then would send them looking for a file that is not there."""

    id = "letter.not_saved"
    next_step = (
        "请换一个保存位置（如桌面或“文档”文件夹）再生成一次：确认文件夹存在、可以写入，"
        "且同名文件没有在 Word 或 PDF 阅读器中打开（指南 3.7）。"
    )
    guide = "3.7"

    def __init__(self, path: str, cause: BaseException | None, why: str | None = None) -> None:
        super().__init__(f"申请函没有保存：{path}（{why or why_not_written(cause)}）。", detail=repr(cause or why))


class PlaceUnusable(UkeyError):
    """A file or folder of the program's own that it cannot use, named, with
    why in a clerk's words (``why_not_written``)."""

    guide = "3.12"

    def __init__(self, path: str, why: str, *, detail: str | None = None) -> None:
        self.path = path
        self.why = why
        super().__init__(self.describe(), detail=detail)

    def describe(self) -> str:
        return f"无法使用 {self.path}（{self.why}）。"


class DataDirUnusable(PlaceUnusable):
    """A folder of the program's own state (the data dir or one inside it)
    that cannot be used: refused by name before anything is half written."""

    id = "data_dir.unusable"
    next_step = (
        "请确认该文件夹属于当前登录的用户、可以写入（同名的文件请改名或移走）；"
        "或设置环境变量 UKEY_RENEW_HOME 指向一个可以写入的文件夹后再试。仍不行请联系 Ukey 运维人员（指南 3.12）。"
    )

    def describe(self) -> str:
        return f"无法使用程序的数据文件夹 {self.path}（{self.why}）。"


class StateFileUnusable(DataDirUnusable):
    """A file of the program's own in the data folder (a lock beside the
    practice key or a renewal's progress) that cannot be opened: named
    itself, with the same way on as its folder (same id)."""

    def describe(self) -> str:
        return f"无法使用程序数据文件夹中的 {self.path}（{self.why}）。"


class RecordsUnavailable(PlaceUnusable):
    """The local record of renewals cannot be read or written: it keeps the
    holder's name and mobile that an unlock (guide 3.6) must repeat."""

    id = "records.unavailable"
    next_step = (
        "请确认数据文件夹可以写入、磁盘未满，并关闭其他正在运行的 ukey-renew 后再试；"
        "仍不行请把支持信息发给 Ukey 运维人员（指南 3.12）。"
    )

    def describe(self) -> str:
        return f"无法读写本机延期记录 {self.path}（{self.why}）。"


class RecordNotSaved(RecordsUnavailable):
    """The key is renewed but its record could not be written: the renewal
    stands; what the record would have kept must be noted by hand."""

    id = "records.not_saved"
    next_step = (
        "延期本身已完成，无需重做。请记下订单号和持有人姓名、手机号（解锁时需要，指南 2.2 ④）；"
        "清理磁盘、确认数据文件夹可以写入后，再次运行延期（向导或 ukey-renew renew --practice），"
        "会沿用这个订单补记延期记录，不会重新下单（指南 3.12）。"
    )

    def describe(self) -> str:
        return f"延期已成功，但没有记入本机延期记录 {self.path}（{self.why}）。"


class RecordDamaged(RecordsUnavailable):
    """A renewal the program recorded whose dates no longer read as dates (the
    file damaged on disk): the row is moved to the file's ``renewals_damaged``
    table, kept for support, and named once; the next read goes on without it."""

    id = "records.damaged"
    next_step = (
        "再运行一次即可，其他延期记录不受影响。若这是今天对这把 Ukey 的延期，请不要再次延期；"
        "这次延期的回执请按订单号向 Ukey 运维人员说明，并把支持信息发给他们（指南 3.12）。"
    )

    def __init__(self, path: str, order_no: str, what: str) -> None:
        self.order_no = order_no
        self.what = what
        super().__init__(path, f"订单 {order_no} 的{what}已损坏")

    def describe(self) -> str:
        return (
            f"本机延期记录 {self.path} 中订单 {self.order_no} 的{self.what}已损坏，无法读取；"
            "这条记录已移到同一文件的 renewals_damaged 表中保存。"
        )


class InputMissing(UkeyError):
    id = "input.missing"
    message = "需要输入的内容没有提供。"
    next_step = "请在终端中运行，或设置环境变量 UKEY_RENEW_PIN 和 UKEY_RENEW_NEW_PASSWORD。"
    guide = "2.2"


class EnvironmentNotText(UkeyError):
    """A variable of ours whose bytes are not UTF-8 (set in another code page,
    on POSIX): named, its value never shown, as it may be a PIN."""

    id = "input.env_not_text"
    next_step = (
        "请用 UTF-8 重新设置这个环境变量（终端的字符编码设为 UTF-8 后再设置），"
        "或删除它，在终端中按提示输入（指南 2.2）。"
    )
    guide = "2.2"

    def __init__(self, name: str) -> None:
        super().__init__(f"环境变量 {name} 的内容不是有效的 UTF-8 文字，无法使用。", detail=name)


class NoConsole(InputMissing):
    """The windowed exe was given a command that asks: it has no console to ask in.
    Same id as its parent, which the FAQ routes to guide 2.2."""

    message = "窗口版程序没有命令行窗口，无法在此输入 Ukey 密码或验证码。"
    next_step = (
        "请双击打开 ukey-renew.exe，在窗口中延期；命令行请在命令提示符中运行 ukey-renew-cli.exe；"
        "脚本运行请设置环境变量 UKEY_RENEW_PIN 和 UKEY_RENEW_NEW_PASSWORD（指南 2.2）。"
    )


class NewPasswordsDiffer(InputMissing):
    """The new password typed twice differently, each time it was asked, at a terminal: the
    person is at the keyboard, so no variables to suggest. Same id as its parent (guide 2.2)."""

    message = "两次输入的新密码不一致。"
    next_step = "请重新运行，慢慢输入两次相同的新密码：6–8 位，同时包含字母和数字（指南 2.2 ⑥）。"


class DirectRenewalUnsupported(UkeyError):
    id = "site.direct_unsupported"
    message = "正式延期网站目前不支持由本程序直接延期。"
    next_step = "请使用向导中的引导模式，在浏览器中按指南 2.2 操作；练习请加 --practice。"
    guide = "2.2"


_CANNOT_READ = (
    (FileNotFoundError, "文件不存在"),
    (IsADirectoryError, "这是一个文件夹，不是文件"),
    (PermissionError, "没有读取权限，或文件正被其他程序独占"),
)


class InputFileUnreadable(UkeyError):
    """A file named on the command line that cannot be read: named, with why, and how to name it right."""

    id = "input.file_unreadable"
    next_step = (
        "请确认文件名和所在文件夹写对了（可以把文件拖进命令行窗口，得到完整路径），"
        "且文件没有被其他程序独占，再运行一次。"
    )

    def __init__(self, what: str, path: str, cause: OSError, guide: str) -> None:
        self.guide = guide
        why = next((why for kind, why in _CANNOT_READ if isinstance(cause, kind)), "无法读取")
        super().__init__(f"读不了{what} {path}（{why}）。", detail=f"{type(cause).__name__}: errno {cause.errno}")


class OutputNotSaved(UkeyError):
    """A file the user asked for (a receipt, a support bundle) could not be written where asked."""

    id = "output.not_saved"
    next_step = "请换一个保存位置（如桌面或“文档”文件夹）再试：确认文件夹存在、可以写入，且同名文件没有被其他程序打开。"
    guide = "3.12"

    def __init__(self, what: str, path: str, cause: BaseException | None, why: str | None = None) -> None:
        super().__init__(f"{what}没有保存：{path}（{why or why_not_written(cause)}）。", detail=repr(cause or why))


class NoRenewalRecorded(UkeyError):
    """The receipt needs a renewal this program saw finish (direct, or checked on the key after the browser)."""

    id = "receipt.no_renewal"
    message = "本机还没有延期记录，无法生成回执。"
    next_step = (
        "请先完成延期（指南 2.2）；在浏览器中延期的，请在本程序中按指南 2.3 拔插 Ukey、查看新有效期，"
        "程序会记下这次延期，之后再生成回执。"
    )
    guide = "2.2"


class FleetNothingRead(UkeyError):
    """None of the files given to ``fleet`` was a receipt, a support bundle or a records export."""

    id = "fleet.nothing_read"
    next_step = (
        "请给出用户发来的延期回执（ukey-renew receipt --out 回执.json）、支持信息包（.zip）"
        "或延期记录导出（ukey-renew records export），或它们所在的文件夹。"
    )
    guide = "3.12"

    def __init__(self, skipped: list[dict[str, str]]) -> None:
        reasons = "；".join(f"{entry['path']}：{entry['reason']}" for entry in skipped[:5])
        more = f" 等 {len(skipped)} 个" if len(skipped) > 5 else ""
        super().__init__(f"没有读到任何 Ukey 的记录{more}（{reasons or '没有给出文件'}）。")


class ScheduleRefused(UkeyError):
    """The reminder's schedule could not be registered or removed (Task Scheduler said no, a folder not writable)."""

    id = "remind.schedule_failed"
    next_step = (
        "到期提醒不影响延期本身。可以稍后再试一次，或每隔一段时间手动运行 ukey-renew remind 查看；"
        "仍不行请把支持信息发给 Ukey 运维人员（指南 3.12）。"
    )
    guide = "3.12"

    def __init__(self, where: str, detail: str) -> None:
        super().__init__(f"到期提醒没有设置好（{where}）。", detail=detail)
