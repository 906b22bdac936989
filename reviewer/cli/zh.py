"""Simplified-Chinese strings for click/typer's own help and error messages.

click marks its messages with ``gettext``; we replace the module-level ``_`` of click's and
typer's modules with a lookup in this table (unknown strings pass through unchanged).
"""

from __future__ import annotations

ZH = {
    "Usage:": "用法：",
    "Usage": "用法",
    "Options": "选项",
    "Arguments": "参数",
    "Positional arguments": "位置参数",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
    "Error": "错误",
    "Error: {message}": "错误：{message}",
    "Aborted!": "已中止。",
    "Missing command.": "缺少命令。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing argument {param_hint}.": "缺少参数 {param_hint}。",
    "Missing option {param_hint}.": "缺少选项 {param_hint}。",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "No such option: {name}": "没有这个选项：{name}",
    "No such command {name!r}.": "没有这个命令：{name!r}。",
    "No such command '{name}'.": "没有这个命令：'{name}'。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "Got unexpected extra argument ({args})": "多余的参数：{args}",
    "Got unexpected extra arguments ({args})": "多余的参数：{args}",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "{value!r} is not a valid integer.": "{value!r} 不是有效的整数。",
    "{value!r} is not a valid float.": "{value!r} 不是有效的数字。",
    "{value!r} is not a valid boolean.": "{value!r} 不是有效的布尔值。",
    "Path {name} does not exist.": "路径 {name} 不存在。",
    "File {name} does not exist.": "文件 {name} 不存在。",
    "Directory {name} does not exist.": "目录 {name} 不存在。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
}


def _translate(message: str) -> str:
    return ZH.get(message, message)


def _ntranslate(singular: str, plural: str, n: int) -> str:
    return ZH.get(singular if n == 1 else plural, singular if n == 1 else plural)


# The settings every command group shares: Chinese metavars, -h for help, no completion, no rich markup.
GROUP_SETTINGS = {
    "no_args_is_help": True,
    "add_completion": False,
    "rich_markup_mode": None,
    "options_metavar": "[选项]",
    "subcommand_metavar": "命令 [参数]...",
    "context_settings": {"help_option_names": ["-h", "--help"]},
}


def install() -> None:
    """Patch the modules typer already imported (never import more: ``reviewer --help`` must stay fast —
    ``typer.rich_utils`` alone pulls in rich.markdown, markdown_it and pygments, and the app uses no rich
    markup, so typer never imports it for help or errors)."""
    import sys

    names = ["click.core", "click.formatting", "click.exceptions", "click.decorators", "click.parser",
             "click.types", "click.termui", "typer.core", "typer.main", "typer.rich_utils"]
    names += [f"typer._click.{m}" for m in ("core", "formatting", "exceptions", "decorators", "parser", "termui",
                                            "utils")]
    _patch_help_option()
    patch_vendored_click()
    for name in names:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = _translate
        if hasattr(module, "ngettext"):
            module.ngettext = _ntranslate


def _patch_help_option() -> None:
    """typer's vendored click writes the help option's text as a literal: wrap ``option`` to translate it."""
    try:
        from typer._click import decorators
    except ImportError:  # pragma: no cover - other typer layouts
        return
    original = decorators.option
    if getattr(original, "_reviewer_zh", False):
        return

    def option(*args, **kwargs):
        if kwargs.get("help") in ZH:
            kwargs["help"] = ZH[kwargs["help"]]
        return original(*args, **kwargs)

    option._reviewer_zh = True
    decorators.option = option


_MESSAGE_PATTERNS = [
    (r"^Option '(.+)' requires an argument\.$", "选项 {0} 需要一个值。"),
    (r"^Option '(.+)' requires (\d+) arguments\.$", "选项 {0} 需要 {1} 个值。"),
    (r"^Option '(.+)' does not take a value\.$", "选项 {0} 不接受值。"),
    (r"^No such option: (\S+) \(Possible options: (.+)\)$", "没有这个选项：{0}（相近的选项：{1}）"),
    (r"^No such option: (.+?)(?: Did you mean (.+)\?)?$", "没有这个选项：{0}"),
    (r"^No such command '(.+)'\.$", "没有这个命令：{0}。"),
    (r"^(.+?)。?\. Did you mean (.+)\?$", "{0}。是不是要输入 {1}？"),  # typer appends a suggestion in English
    (r"^Missing argument '(.+)'\.$", "缺少参数 {0}。"),
    (r"^Missing option '(.+)'\.$", "缺少选项 {0}。"),
    (r"^Got unexpected extra arguments? \((.+)\)$", "多余的参数：{0}"),
    (r"^Invalid value for '(.+)': (.+)$", "{0} 的值无效：{1}"),
]


def translate_message(message: str) -> str:
    import re

    for pattern, template in _MESSAGE_PATTERNS:
        m = re.match(pattern, message)
        if m:
            return template.format(*m.groups())
    return ZH.get(message, message)


def patch_vendored_click() -> None:
    """typer >= 0.20 vendors click with literal English strings: patch the few that users see."""
    try:
        from typer._click import exceptions, formatting
        from typer._click.utils import echo
    except ImportError:  # pragma: no cover
        return
    if getattr(formatting.HelpFormatter.write_usage, "_reviewer_zh", False):
        return
    original_usage = formatting.HelpFormatter.write_usage

    def write_usage(self, prog, args="", prefix=None):
        return original_usage(self, prog, args, "用法：" if prefix is None else prefix)

    write_usage._reviewer_zh = True
    formatting.HelpFormatter.write_usage = write_usage

    def click_show(self, file=None):
        import sys

        echo(f"错误：{translate_message(self.format_message())}", file=file or sys.stderr)

    def usage_show(self, file=None):
        import sys

        file = file or sys.stderr
        if self.ctx is not None:
            hint = ""
            if self.ctx.command.get_help_option(self.ctx) is not None:
                hint = f"运行 '{self.ctx.command_path} {self.ctx.help_option_names[0]}' 查看帮助。\n"
            echo(f"{self.ctx.get_usage()}\n{hint}", file=file)
        echo(f"错误：{translate_message(self.format_message())}", file=file)

    exceptions.ClickException.show = click_show
    exceptions.UsageError.show = usage_show
