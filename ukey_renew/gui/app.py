"""Starting the desktop program: Qt, translations, fonts, the window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ukey_renew import paths
from ukey_renew.errors import UkeyError
from ukey_renew.gui.context import Context, TourAnswers

if TYPE_CHECKING:
    from ukey_renew.session import Session


class NoDisplay(UkeyError):
    id = "gui.no_display"
    message = "没有可用的图形界面（显示器）。"
    next_step = "请在桌面环境中运行；命令行用法见 ukey-renew --help（如 ukey-renew status）。"
    guide = "3.1"


def _has_display() -> bool:
    if sys.platform.startswith(("win", "darwin")) or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def language(requested: str | None) -> str:
    """zh unless asked for en, or the system speaks English."""
    if requested:
        return requested
    from PySide6.QtCore import QLocale

    return "en" if QLocale.system().name().startswith("en") else "zh"


def _lighter_pyside_import_hook() -> None:
    """PySide6 looks at every module imported after it for the word "PySide6"
    (for ``from __feature__ import``, which this program does not use) by
    asking ``inspect`` for the module's source, which ``linecache`` then keeps:
    4–5 MiB of source lines held for the life of the program. Same question,
    same answer, with the file read and let go. If a PySide6 release changes
    that hook, it is left as it is."""
    import linecache

    import PySide6  # noqa: F401 - sets the hook up

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return
    original = feature._mod_uses_pyside

    def uses_pyside(module: Any) -> bool:
        source = getattr(module, "__file__", None)
        if not isinstance(source, str) or not source.endswith(".py"):
            return bool(original(module))
        try:
            with open(source, "rb") as file:
                return b"PySide6" in file.read()
        except OSError:
            return bool(original(module))

    vars(feature)["_mod_uses_pyside"] = uses_pyside
    linecache.clearcache()  # what the hook read at PySide6's own import


def run(
    *,
    practice_only: bool,
    lang: str | None,
    tour: Path | None,
    route: str = "renew",
    started: float | None = None,
    site_latency: float = 0.0,
    remind: bool = False,
) -> int:
    """The wizard; with ``remind``, the scheduled run: nothing unless a key needs action, then a notification,
    and the wizard only if the clerk chooses to renew now."""
    started = started if started is not None else time.perf_counter()

    def opening() -> Session:
        from ukey_renew.session import Session

        captcha = TourAnswers.captcha if tour else None
        return Session(paths.data_dir(), practice_only=practice_only, site_latency=site_latency, fixed_captcha=captcha)

    context = Context(opening=opening, practice_only=practice_only, tour=TourAnswers() if tour else None)
    needing = context.session.scheduled_check() if remind else []
    if remind and not needing:
        return 0  # the usual day: no window, not even Qt loaded
    if not _has_display():
        raise NoDisplay()
    _lighter_pyside_import_hook()
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from ukey_renew.gui import crash
    from ukey_renew.gui.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("ukey-renew")
    chosen = language(lang)
    QLocale.setDefault(QLocale(QLocale.Language.English if chosen == "en" else QLocale.Language.Chinese))
    translators = []
    for folder, name in (
        (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), "qtbase_zh_CN" if chosen == "zh" else ""),
        (str(paths.resource("i18n")), "ukey_renew_en" if chosen == "en" else ""),
    ):
        translator = QTranslator(app)
        if name and translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    font = QFont(["Microsoft YaHei UI", "Noto Sans CJK SC", "Noto Sans SC", "sans-serif"])
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)

    if remind:
        from ukey_renew.gui.reminder import ask

        if not ask(context.session, needing):
            return 0
    from ukey_renew.gui.single import OneWindow

    one = OneWindow(paths.data_dir(), app)
    if not one.first():
        if sys.stderr is not None:  # the windowed program has no console: the window coming forward says it
            print("ukey-renew 已经打开，已切换到它的窗口。", file=sys.stderr)
        return 0
    window = MainWindow(context)
    crash.install(window, window.wizard.copy_support)  # no console here to print a traceback to
    one.knocked.connect(window.bring_forward)
    runner = None
    if tour is not None:
        from ukey_renew.gui.tour import FirstPaint, Tour

        first_paint = FirstPaint(started, window)
        window.installEventFilter(first_paint)
        runner = Tour(window, tour, first_paint, route)
    window.show()
    if runner is not None:
        runner.start()
    try:
        code = app.exec()
    finally:
        context.close()
    return runner.exit_code if runner else code


def render_first_page(timeout: float = 20.0) -> str:
    """For the self-test: the wizard on a throwaway practice home, its first
    page filled in, grabbed as an image that must not be blank."""
    import tempfile

    if not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from ukey_renew.gui.window import MainWindow
    from ukey_renew.session import Session

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        session = Session(Path(folder), practice_only=True)
        try:
            window = MainWindow(Context(session=session))
            window.show()
            deadline = time.monotonic() + timeout
            while not window.wizard.detect_page.isComplete() and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.01)  # the detection runs in a worker; this loop only waits for it
            if not window.wizard.detect_page.isComplete():
                raise TimeoutError("the first page found no key in time")
            image = window.grab().toImage()
            window.close()
        finally:
            session.close()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)}
    if len(colours) < 10:
        raise AssertionError("the first page rendered blank")
    return f"{image.width()}×{image.height()}，{len(colours)} 种颜色"


def text_services() -> str:
    """For the self-test: Chinese sorts by pinyin (file dialogs sort names so)
    and, on Linux, where Qt brings its own ICU and the bundle trims its data,
    the GB18030 codec is still there."""
    import functools

    from PySide6.QtCore import QCollator, QLocale, QStringDecoder

    collator = QCollator(QLocale("zh_CN"))
    names = sorted(["张三", "阿明", "李四"], key=functools.cmp_to_key(collator.compare))
    if names != ["阿明", "李四", "张三"]:
        raise AssertionError(f"Chinese sorted as {names}")
    if not sys.platform.startswith("linux"):
        return "、".join(names)
    if "GB18030" not in QStringDecoder.availableCodecs() or not QStringDecoder("GB18030").isValid():
        raise AssertionError("no GB18030 codec")
    return "、".join(names) + "；GB18030"
