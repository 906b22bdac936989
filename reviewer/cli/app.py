"""Command-line interface: a thin typer layer over the library.

Heavy imports (jieba, scikit-learn, …) happen inside the commands, so ``reviewer --help``
stays fast.  Each command group lives in ``reviewer/cli/<name>.py`` and exposes
``register(app)``.
"""

from __future__ import annotations

import sys

import typer

from reviewer import __version__
from reviewer.cli.zh import install as _install_zh

_install_zh()

app = typer.Typer(
    name="reviewer",
    help="政府信息公开审查助手（离线）：审查申请、保密审查、草拟答复、训练分类器。所有结论仅供工作人员审核。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    options_metavar="[选项]",
    subcommand_metavar="命令 [参数]...",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"reviewer {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="显示版本并退出。", callback=_version_callback, is_eager=True),
) -> None:
    """政府信息公开审查助手（离线）。"""


def _register_all() -> None:
    import importlib
    import pkgutil

    import reviewer.cli as commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name in ("app", "zh"):
            continue
        module = importlib.import_module(f"reviewer.cli.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_all()


def main() -> None:
    # Called from a program's top-level code (the console script, ``python -c``), nothing but the interpreter's
    # shutdown follows: see _skip_final_collections.
    at_program_end = sys._getframe(1).f_back is None
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("已中断。", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - an internal error exits 2 (1 means "findings")
        from reviewer.model.errors import ModelError

        if isinstance(exc, ModelError):  # e.g. a --model folder that was refused
            typer.echo(f"错误：{exc}", err=True)
        else:
            message = f"{type(exc).__name__}: {exc}".encode("utf-8", "backslashreplace").decode("utf-8")
            typer.echo(f"内部错误：{message}", err=True)
        sys.exit(2)
    finally:
        if at_program_end:
            _skip_final_collections()


def _skip_final_collections() -> None:
    """Move every object to the collector's permanent generation before the interpreter shuts down: its
    final collections then skip the rules, dictionary and model (0.1 s of a command's time with the model
    loaded); objects are still freed by reference counting and exit handlers run as before."""
    import gc

    gc.freeze()


if __name__ == "__main__":
    main()
