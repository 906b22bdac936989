"""Command-line interface: a thin typer layer over the library.

Heavy imports (jieba, scikit-learn, …) happen inside the commands, so ``reviewer --help``
stays fast.  Each command group lives in ``reviewer/cli/<name>.py`` and exposes
``register(app)``.
"""

from __future__ import annotations

import sys

import typer

from reviewer import __version__
from reviewer.cli.zh import GROUP_SETTINGS
from reviewer.cli.zh import install as _install_zh

_install_zh()


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"reviewer {__version__}")
        raise typer.Exit()


def _root(
    version: bool = typer.Option(False, "--version", help="显示版本并退出。", callback=_version_callback, is_eager=True),
) -> None:
    """政府信息公开审查助手（离线）。"""


# The module that registers each top-level command.  ``reviewer <command> …`` imports and registers only that
# module (typer builds the parameters of every registered command on each run: about 0.06 s for all of them);
# ``--help``, ``--version``, no command or an unknown name get every command.  tests/test_cli_lazy.py checks
# this table against what each module really registers.
COMMAND_MODULES = {
    "case": "case", "cases": "case", "feedback": "feedback", "init": "init", "train": "model",
    "evaluate": "model", "review": "review", "rules": "rules", "screen": "screen", "serve": "serve",
    "decide": "store", "history": "store", "decisions": "store", "report": "store", "users": "users",
}


def command_modules() -> list[str]:
    """Every module of reviewer/cli that registers commands."""
    import pkgutil

    import reviewer.cli as commands

    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__) if m.name not in ("app", "zh"))


def new_app(modules: list[str] | None = None) -> typer.Typer:
    """The command-line app with the commands of ``modules`` (default: all of them)."""
    import importlib

    target = typer.Typer(
        name="reviewer",
        help="政府信息公开审查助手（离线）：审查申请、保密审查、草拟答复、训练分类器。所有结论仅供工作人员审核。",
        **GROUP_SETTINGS,
    )
    target.callback()(_root)
    for name in command_modules() if modules is None else modules:
        register = getattr(importlib.import_module(f"reviewer.cli.{name}"), "register", None)
        if register is not None:
            register(target)
    return target


def app_for(argv: list[str]) -> typer.Typer:
    """The app a run with arguments ``argv`` needs: only the named command's module when there is one."""
    module = COMMAND_MODULES.get(argv[0]) if argv and not argv[0].startswith("-") else None
    return new_app([module] if module else None)


def __getattr__(name: str):
    # ``from reviewer.cli.app import app`` (tests, embedding code): the app with every command, built once.
    if name == "app":
        full = new_app()
        globals()["app"] = full
        return full
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    # Called from a program's top-level code (the console script, ``python -c``), nothing but the interpreter's
    # shutdown follows: see _skip_final_collections.
    at_program_end = sys._getframe(1).f_back is None
    target = globals().get("app") or app_for(sys.argv[1:])
    try:
        target()
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
