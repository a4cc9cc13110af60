"""The ``baocao`` command line. Thin: each command lives in `generator.commands.<name>`.

Commands are imported only when run, so ``baocao --help`` and a build do not pay for each
other's imports. Exit codes: 0 success; 1 problems in the data, the template or the output (all
are printed); 2 wrong usage (click). Nothing shows a traceback: every command runs under
`lastresort.run_guarded` (a Vietnamese message and a log file); ``-v`` prints the details too.
"""

from __future__ import annotations

import importlib
import os
import re
import sys

import click

from generator import __version__, cli_vi, gcpause, lastresort

cli_vi.install()

COMMANDS = {
    "build": "generator.commands.build",
    "fix-encoding": "generator.commands.fix_encoding",
    "import": "generator.commands.import_docx",
    "check": "generator.commands.check",
    "diff": "generator.commands.diff",
    "new": "generator.commands.new",
    "status": "generator.commands.status",
    "watch": "generator.commands.watch",
}
"""Command name → module defining `command`. Add a line here to add a command."""


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["baocao.verbose"] = any(arg in ("-v", "--verbose") for arg in args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        # around the command's parsing too: a NUL in an argument fails inside click.Path
        verbose = ctx.meta.get("baocao.verbose", False)
        return lastresort.run_guarded(lambda: super(_LazyGroup, self).invoke(ctx), verbose)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMANDS.get(name)
        if module is None:
            return None
        command = importlib.import_module(module).command
        command.options_metavar = "[TÙY_CHỌN]"  # click's default "[OPTIONS]" is English
        command.short_help = command.short_help or first_sentence(command.help or "")
        return command

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        if name not in COMMANDS and not name.startswith("-") and not ctx.resilient_parsing:
            raise click.exceptions.NoSuchCommand(name, possibilities=list(COMMANDS), ctx=ctx)
        return super().resolve_command(ctx, args)


def first_sentence(help_text: str) -> str:
    """Return the first sentence of a command's help, without its example, for the list."""
    sentence = re.split(r"(?<=[.!?])\s", help_text.strip(), maxsplit=1)[0]
    sentence = re.split(r",? ví dụ\b|:\s", sentence, maxsplit=1, flags=re.IGNORECASE)[0]
    return sentence.rstrip(" .,:;") + "."


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},
             options_metavar="[TÙY_CHỌN]", subcommand_metavar="LỆNH [THAM_SỐ]...",
             help="baocao soạn văn bản của cấp ủy Đảng và cơ quan nhà nước đúng thể thức (Hướng "
             "dẫn 05-HD/VPTW năm 2026, Hướng dẫn 36-HD/VPTW cho văn bản trước đó, Nghị định "
             "30/2020/NĐ-CP). Nội dung viết trong các tệp chữ của một thư mục báo cáo; lệnh "
             "build tạo ra tệp Word. Gõ "
             "baocao LỆNH --help để xem hướng dẫn của từng lệnh.")
@click.version_option(__version__, "-V", "--version", message="baocao %(version)s")
def cli() -> None:
    """The command group."""


def main() -> None:
    """Run the CLI with UTF-8 output, whatever the console's code page."""
    for stream in (sys.stdout, sys.stderr):
        if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (AttributeError, ValueError):
                pass
    # pydantic's documented opt-out of its plugin scan (every installed package's entry points
    # read through importlib.metadata, ~18 ms): baocao uses no pydantic plugin; set unless the
    # user chose otherwise; pool workers and child processes inherit it
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    gcpause.pause()  # until the data is loaded (`compile_report`), or the command ends
    try:
        cli(prog_name="baocao")
    finally:
        gcpause.resume()
