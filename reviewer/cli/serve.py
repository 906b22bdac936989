"""``reviewer serve``: the local web application for disclosure officers."""

from __future__ import annotations

from pathlib import Path

import typer

SERVE_HELP = """启动本机网页版（审查申请、案件、批量审查、决定库、年报、规则），离线运行。

\b
示例：
  reviewer serve                          # 仅本机访问：http://127.0.0.1:8765/
  reviewer serve --port 9000 --profile 本机关.yaml --catalog 公开目录.csv
  reviewer users add 张三                  # 先建立用户
  reviewer serve --host 0.0.0.0           # 局域网访问：须登录（用户文件）

默认只监听 127.0.0.1；指定其他地址时必须有用户文件（reviewer users add），所有页面须登录。"""


def register(app: typer.Typer) -> None:
    app.command("serve", help=SERVE_HELP, options_metavar="[选项]")(serve)


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址（默认仅本机 127.0.0.1）。"),
    port: int = typer.Option(8765, "--port", "-p", min=0, max=65535, help="端口（默认 8765；0 表示任选空闲端口）。"),
    users: Path | None = typer.Option(None, "--users", help="用户文件（默认在用户数据目录，由 reviewer users add 生成）。"),
    db: Path | None = typer.Option(None, "--db", help="决定库 SQLite 文件（默认在用户数据目录）。"),
    profile: list[Path] = typer.Option([], "--profile", help="可选的机关配置 YAML（可多次指定）。"),
    catalog: Path | None = typer.Option(None, "--catalog", help="主动公开目录（CSV 或 JSONL）。"),
    batch_root: list[Path] = typer.Option([], "--batch-root", help="允许批量审查的服务器目录（可多次指定；默认不限）。"),
    max_upload_mb: int = typer.Option(50, "--max-upload-mb", min=1, max=2000, help="单次上传上限（MB）。"),
    no_model: bool = typer.Option(False, "--no-model", help="只用规则，不用分类器。"),
) -> None:
    try:
        import argon2  # noqa: F401
        import flask  # noqa: F401
    except ImportError:
        _fail("网页版需要 flask 和 argon2-cffi，请运行 make setup（或 pip install 'reviewer[web]'）。")
    from reviewer.paths import data_dir
    from reviewer.web.security import UsersError, default_users_path, is_loopback, load_users

    users_file = users
    if users_file is None and default_users_path().exists():
        users_file = default_users_path()
    if not is_loopback(host):
        if users_file is None:
            _fail(f"监听 {host} 允许其他电脑访问，必须先建立用户：reviewer users add 用户名（或用 --users 指定用户文件）。")
    if users_file is not None:
        try:
            if not load_users(users_file):
                if not is_loopback(host):
                    _fail(f"用户文件 {users_file} 中没有用户，请先运行 reviewer users add 用户名。")
                users_file = None
        except UsersError as exc:
            _fail(str(exc))
    for p in profile:
        if not p.exists():
            _fail(f"找不到机关配置：{p}")
    if catalog is not None and not catalog.exists():
        _fail(f"找不到主动公开目录：{catalog}")
    from reviewer.web.server import run
    from reviewer.web.service import ServiceError

    try:
        run(host=host, port=port, data_dir=data_dir() / "web", users_file=users_file, db_path=db,
            profiles={p.stem: p for p in profile}, catalog=catalog, batch_roots=list(batch_root),
            max_upload_mb=max_upload_mb, use_model=not no_model)
    except ServiceError as exc:  # a bad profile, rule file or holiday table found while loading
        _fail(str(exc))


def _fail(message: str) -> None:
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(2)
