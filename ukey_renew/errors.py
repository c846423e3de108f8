"""Every failure the program reports, as a typed error with a stable id.

The id (e.g. ``pin.incorrect``) is what troubleshooting maps to an FAQ entry
and what support summaries quote, so ids never change once released. The
message says what happened in words a clerk understands; ``next_step`` says
what to do; ``guide`` names the section of the renewal guide that covers it.
"""

from __future__ import annotations


class UkeyError(Exception):
    """Base of all errors the program shows to a user."""

    id = "internal"
    message = "程序内部错误。"
    next_step = "请将支持信息复制给 Ukey 运维人员（指南 3.12）。"
    guide = "3.12"

    def __init__(self, message: str | None = None, *, detail: str | None = None) -> None:
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


class PinIncorrect(TokenError):
    id = "pin.incorrect"
    guide = "3.6"
    next_step = "默认密码为 111111（指南 2.2 ③）；忘记密码请勿反复尝试，按指南 3.6 申请解锁。"

    def __init__(self, retries_left: int | None) -> None:
        self.retries_left = retries_left
        if retries_left is None:
            text = "Ukey 密码错误。"
        else:
            text = f"Ukey 密码错误，还可以尝试 {retries_left} 次。"
        super().__init__(text)


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


class ReaderUnavailable(TokenError):
    id = "pcsc.unavailable"
    message = "系统的智能卡服务不可用。"
    next_step = "请重启电脑后再试（指南 3.3 ③）。"
