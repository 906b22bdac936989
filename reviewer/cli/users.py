"""``reviewer users``: accounts for the web application (argon2 password hashes)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

USERS_HELP = """管理网页版的用户（密码以 argon2 散列保存，不保存明文）。

\b
示例：
  reviewer users add 张三                  # 按提示输入两次密码
  echo '密码' | reviewer users add 张三 --password-stdin
  reviewer users list
  reviewer users remove 张三"""

users_app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode=None, options_metavar="[选项]",
                        subcommand_metavar="命令 [参数]...", context_settings={"help_option_names": ["-h", "--help"]})
FileOption = typer.Option(None, "--file", help="用户文件（默认在用户数据目录）。")


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users", help=USERS_HELP)
    users_app.command("add", help="新增用户或重设密码。", options_metavar="[选项]")(add)
    users_app.command("list", help="列出用户名。", options_metavar="[选项]")(list_)
    users_app.command("remove", help="删除用户。", options_metavar="[选项]")(remove)


def _path(file: Path | None) -> Path:
    from reviewer.web.security import default_users_path

    return file or default_users_path()


def add(
    name: str = typer.Argument(..., metavar="用户名"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="从标准输入读取密码（一行）。"),
    file: Path | None = FileOption,
) -> None:
    from reviewer.web.security import UsersError, add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("密码", hide_input=True, confirmation_prompt=True)
    try:
        new = add_user(_path(file), name, password)
    except UsersError as exc:
        typer.echo(f"错误：{exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"已{'新增用户' if new else '重设密码'}：{name}（用户文件 {_path(file)}）")


def list_(file: Path | None = FileOption) -> None:
    from reviewer.web.security import UsersError, load_users

    try:
        names = sorted(load_users(_path(file)))
    except UsersError as exc:
        typer.echo(f"错误：{exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo("\n".join(names) if names else "尚无用户（用 reviewer users add 用户名 新增）。")


def remove(name: str = typer.Argument(..., metavar="用户名"), file: Path | None = FileOption) -> None:
    from reviewer.web.security import remove_user

    if not remove_user(_path(file), name):
        typer.echo(f"错误：没有用户“{name}”", err=True)
        raise typer.Exit(2)
    typer.echo(f"已删除用户：{name}")
