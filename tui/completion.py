"""Shell completion: `kimreader completion bash|zsh|fish` prints a script for that shell.

The scripts are generated from the real argument parser, so subcommands and options never drift
from the program. Article ids are completed by calling back `kimreader _complete ids PREFIX`, which
reads the library's catalog (no index, no spaCy), and prints nothing for a missing library;
tags (after the id of `tag`/`untag`) by `kimreader _complete tags PREFIX`, from the reading state.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SHELLS = ("bash", "zsh", "fish")
# Positional arguments that name an article, by their argparse dest.
ARTICLE_DESTS = frozenset({"id", "ids", "a", "b", "article"})
TAG_DESTS = frozenset({"tags"})  # `tag ID TAG...`: the words after the id are tags


def register(commands: Any) -> None:
    completion = commands.add_parser(
        "completion", help="print a shell completion script (bash, zsh, fish)"
    )
    completion.add_argument("shell", choices=SHELLS)
    completion.set_defaults(run=cmd_completion)
    # Called by the scripts themselves; not listed in --help.
    callback = commands.add_parser("_complete")
    callback.add_argument("kind", choices=("ids", "tags"))
    callback.add_argument("prefix", nargs="?", default="")
    callback.set_defaults(run=cmd_complete)


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    options: tuple[str, ...]
    takes_articles: bool
    takes_paths: bool
    takes_tags: bool


def describe(parser: argparse.ArgumentParser) -> tuple[tuple[str, ...], list[Command]]:
    """The global options and every listed subcommand with its options, from the parser."""
    global_options = _options(parser)
    commands: list[Command] = []
    for action in parser._actions:  # argparse offers no public walk over subparsers
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
        for name, sub in action.choices.items():
            if name not in helps:  # hidden commands (no help) are not offered
                continue
            positionals = [a for a in sub._actions if not a.option_strings]
            commands.append(
                Command(
                    name=name,
                    help=helps[name],
                    options=_options(sub),
                    takes_articles=any(a.dest in ARTICLE_DESTS for a in positionals),
                    takes_paths=any(a.dest in ("paths", "path", "dir") for a in positionals),
                    takes_tags=any(a.dest in TAG_DESTS for a in positionals),
                )
            )
    return global_options, commands


def _options(parser: argparse.ArgumentParser) -> tuple[str, ...]:
    return tuple(
        option
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--")
    )


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _case_pattern(commands: list[Command], takes: str) -> str:
    """`tag|untag`: the commands taking articles (or tags), as a shell case pattern."""
    names = [c.name for c in commands if (c.takes_tags if takes == "tags" else c.takes_articles)]
    return "|".join(names) or "_none_"


def bash_script(global_options: tuple[str, ...], commands: list[Command]) -> str:
    cases = "\n".join(f"        {c.name}) opts={_quote(' '.join(c.options))} ;;" for c in commands)
    article_cmds, tag_cmds = _case_pattern(commands, "articles"), _case_pattern(commands, "tags")
    names = " ".join(c.name for c in commands)
    return f"""# kimreader completion for bash: eval "$(kimreader completion bash)"
_kimreader() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
    local cmd="" i opts="" at=0
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${{COMP_WORDS[i]}} in
            --library) ((i++)) ;;
            -*) ;;
            *) cmd=${{COMP_WORDS[i]}}; at=$i; break ;;
        esac
    done
    if [[ $prev == --library ]]; then
        COMPREPLY=($(compgen -d -- "$cur")); return
    fi
    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W {_quote(" ".join(global_options))} -- "$cur"))
        else
            COMPREPLY=($(compgen -W {_quote(names)} -- "$cur"))
        fi
        return
    fi
    case $cmd in
{cases}
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur")); return
    fi
    case $cmd in
        {tag_cmds}) if ((COMP_CWORD > at + 1)); then
            COMPREPLY=($(kimreader _complete tags "$cur" 2>/dev/null | cut -f1)); return
        fi ;;
    esac
    case $cmd in
        {article_cmds}) COMPREPLY=($(kimreader _complete ids "$cur" 2>/dev/null | cut -f1)) ;;
        completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
    esac
}}
complete -o default -F _kimreader kimreader
"""


def zsh_script(global_options: tuple[str, ...], commands: list[Command]) -> str:
    described = "\n".join(
        f"        {_quote(c.name + ':' + c.help.replace(':', ' '))}" for c in commands
    )
    cases = "\n".join(f"        {c.name}) opts=({' '.join(c.options)}) ;;" for c in commands)
    article_cmds, tag_cmds = _case_pattern(commands, "articles"), _case_pattern(commands, "tags")
    return f"""#compdef kimreader
# kimreader completion for zsh: eval "$(kimreader completion zsh)" (after compinit)
_kimreader() {{
    local -a commands opts ids
    local cmd="" i at=0
    commands=(
{described}
    )
    for ((i = 2; i < CURRENT; i++)); do
        case ${{words[i]}} in
            --library) ((i++)) ;;
            -*) ;;
            *) cmd=${{words[i]}}; at=$i; break ;;
        esac
    done
    if [[ ${{words[CURRENT-1]}} == --library ]]; then
        _files -/; return
    fi
    if [[ -z $cmd ]]; then
        if [[ $PREFIX == -* ]]; then
            compadd -- {" ".join(global_options)}
        else
            _describe -t commands 'kimreader command' commands
        fi
        return
    fi
    case $cmd in
{cases}
    esac
    if [[ $PREFIX == -* ]]; then
        compadd -- $opts; return
    fi
    if [[ $cmd == ({tag_cmds}) ]] && ((CURRENT > at + 1)); then
        compadd -- ${{(f)"$(kimreader _complete tags "$PREFIX" 2>/dev/null | cut -f1)"}}; return
    fi
    case $cmd in
        {article_cmds})
            ids=(${{(f)"$(kimreader _complete ids "$PREFIX" 2>/dev/null | tr '\\t:' ':  ')"}})
            _describe -t articles 'article' ids ;;
        completion) compadd -- bash zsh fish ;;
        *) _files ;;
    esac
}}
compdef _kimreader kimreader
"""


def fish_script(global_options: tuple[str, ...], commands: list[Command]) -> str:
    names = " ".join(c.name for c in commands)
    lines = [
        "# kimreader completion for fish: kimreader completion fish | source",
        "complete -c kimreader -f",
        "complete -c kimreader -n '__fish_use_subcommand' -l library -r "
        "-a '(__fish_complete_directories)'",
    ]
    lines += [
        f"complete -c kimreader -n '__fish_use_subcommand' -l {option[2:]}"
        for option in global_options
        if option not in ("--library", "--help")
    ]
    for c in commands:
        lines.append(
            f"complete -c kimreader -n 'not __fish_seen_subcommand_from {names}' "
            f"-a {c.name} -d {_quote(c.help)}"
        )
        seen = f"__fish_seen_subcommand_from {c.name}"
        lines += [f"complete -c kimreader -n '{seen}' -l {o[2:]}" for o in c.options]
        # `tag ID TAG...`: an id first (kimreader, the command, then the word being completed)
        first = f"{seen}; and test (count (commandline -opc)) -le 2" if c.takes_tags else seen
        if c.takes_articles:
            lines.append(
                f"complete -c kimreader -n '{first}' -a '(kimreader _complete ids 2>/dev/null)'"
            )
        if c.takes_tags:
            lines.append(
                f"complete -c kimreader -n '{seen}; and test (count (commandline -opc)) -ge 3' "
                "-a '(kimreader _complete tags 2>/dev/null)'"
            )
        if c.takes_paths:
            lines.append(f"complete -c kimreader -n '{seen}' -F")
    shells = " ".join(SHELLS)
    lines.append(f"complete -c kimreader -n '__fish_seen_subcommand_from completion' -a '{shells}'")
    return "\n".join(lines) + "\n"


def cmd_completion(args: argparse.Namespace) -> int:
    from kimreader.tui.cli import build_parser

    described = describe(build_parser())
    script = {"bash": bash_script, "zsh": zsh_script, "fish": fish_script}[args.shell]
    sys.stdout.write(script(*described))
    return 0


def cmd_complete(args: argparse.Namespace) -> int:
    """Article ids (each with its title after a tab) or tags (with their number of articles)
    starting with the prefix; nothing, and nothing created, for a missing library."""
    from kimreader.corpus.library import Library, default_library_root
    from kimreader.corpus.sanitize import sanitize_line
    from kimreader.tui.config import library_folder

    root = library_folder(args.library) or default_library_root()
    if not root.is_dir():
        return 1
    if args.kind == "tags":
        return _complete_tags(root, args.prefix)
    library = Library.open(root, seed=False)
    for entry in library.catalog():
        if entry.id.startswith(args.prefix):
            title = sanitize_line(entry.title).replace("\t", " ")
            sys.stdout.write(f"{entry.id}\t{title}\n")
    return 0


def _complete_tags(root: Path, prefix: str) -> int:
    from kimreader.corpus.userstate import STATE_FILE, UserState

    if not (root / STATE_FILE).exists():  # no reading state yet: no tags, and none created
        return 1
    tags = UserState(root).all_tags()
    for tag, count in tags.items():
        if tag.startswith(prefix):
            sys.stdout.write(f"{tag}\t{count} article{'' if count == 1 else 's'}\n")
    return 0
