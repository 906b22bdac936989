"""``reviewer init``: set the office's agency profile once (written to the user config folder)."""

from __future__ import annotations

from pathlib import Path

import typer

INIT_HELP = """配置本机关信息（机关名称、文号、联系方式、行政复议机关等），写入用户配置目录。

此后未指定 --profile 时，答复书、告知书和年度报告都使用本机关信息；配置之前，文书均标注“示例机关——未配置”。
未在选项中给出的必填项会逐项询问。配置目录可用环境变量 REVIEWER_CONFIG_DIR 指定。

\b
示例：
  reviewer init
  reviewer init --name 示例县住房和城乡建设局 --short-name 示例县住建局 --doc-prefix 示例住建信复 \\
      --address 示例县人民路1号 --contact-person 办公室 --contact-phone 0000-1234567 \\
      --agency-type department --review-body 示例县人民政府"""


def register(app: typer.Typer) -> None:
    app.command("init", help=INIT_HELP, options_metavar="[选项]")(init)


def init(
    name: str | None = typer.Option(None, "--name", help="机关全称（答复书标题、落款）。"),
    short_name: str | None = typer.Option(None, "--short-name", help="机关简称。"),
    doc_prefix: str | None = typer.Option(None, "--doc-prefix", help="文号机关代字，如 示例规资信复。"),
    address: str | None = typer.Option(None, "--address", help="通信地址。"),
    postcode: str | None = typer.Option(None, "--postcode", help="邮政编码（6位数字）。"),
    contact_person: str | None = typer.Option(None, "--contact-person", help="联系人（可填科室名称）。"),
    contact_phone: str | None = typer.Option(None, "--contact-phone", help="联系电话。"),
    email: str | None = typer.Option(None, "--email", help="电子邮箱。"),
    agency_type: str | None = typer.Option(
        None, "--agency-type", help="机关类型：department（县级以上地方人民政府工作部门）、government（地方人民政府）、"
                                    "vertical（垂直领导机关、税务、国家安全机关）、state_council_dept（国务院部门）。"),
    review_body: str | None = typer.Option(None, "--review-body", help="行政复议机关全称（依2023年行政复议法确定）。"),
    court: str | None = typer.Option(None, "--court", help="管辖法院全称（不确定可不填）。"),
    out: Path | None = typer.Option(None, "--out", help="写入该文件，而不是用户配置目录。"),
    force: bool = typer.Option(False, "--force", help="覆盖已有的配置文件。"),
) -> None:
    from reviewer.app.reviewer import user_errors
    from reviewer.app.setup import profile_values, write_profile

    given = dict(name=name, short_name=short_name, doc_prefix=doc_prefix, address=address, postcode=postcode,
                 contact_person=contact_person, contact_phone=contact_phone, email=email, agency_type=agency_type,
                 review_body=review_body, court=court)
    try:
        data = profile_values(given, ask=_ask)
        target = write_profile(data, out, force=force)
    except user_errors() as exc:
        typer.echo(f"错误：{exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"已写入本机关配置：{target}\n此后未指定 --profile 时，各命令均使用该配置。")


def _ask(field: str, prompt: str) -> str | None:
    try:
        return typer.prompt(prompt, default="", show_default=False).strip() or None
    except typer.Abort:  # end of input: leave it missing, validation names the field
        return None
