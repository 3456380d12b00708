#!/usr/bin/env python3
"""Fails unless every README Swift block marked as checked is, verbatim, in the file of Examples/ReadmeSnippets it
names, so that what merchants paste is what CI builds and runs.

A checked block is a ```swift block whose previous line is `<!-- snippet: PATH -->`, PATH relative to
Examples/ReadmeSnippets. The block's lines must appear consecutively in that file, each with the same leading
indentation added (a snippet pasted inside a type or a call keeps its text; only its left margin moves).
"""

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "Examples" / "ReadmeSnippets"
MARKER = re.compile(r"^<!-- snippet: (\S+) -->$")


def checked_blocks(readme_lines):
    """(path, block lines, README line number) for each marked block."""
    blocks = []
    index = 0
    while index < len(readme_lines):
        marker = MARKER.match(readme_lines[index])
        if marker:
            if index + 1 >= len(readme_lines) or readme_lines[index + 1] != "```swift":
                sys.exit(f"README.md:{index + 1}: a snippet marker must be followed by a ```swift line")
            end = index + 2
            while end < len(readme_lines) and readme_lines[end] != "```":
                end += 1
            if end == len(readme_lines):
                sys.exit(f"README.md:{index + 2}: unterminated ```swift block")
            blocks.append((marker.group(1), readme_lines[index + 2:end], index + 1))
            index = end
        index += 1
    return blocks


def contains(file_lines, block):
    """Whether `block` occurs in `file_lines` as consecutive lines sharing one added indentation."""
    if not block:
        return True
    for start in range(len(file_lines) - len(block) + 1):
        first = file_lines[start]
        if not first.endswith(block[0]):
            continue
        margin = first[: len(first) - len(block[0])]
        if margin.strip():
            continue
        candidate = file_lines[start : start + len(block)]
        if all(got == margin + line if line else not got.strip() for got, line in zip(candidate, block)):
            return True
    return False


def main():
    readme_lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    blocks = checked_blocks(readme_lines)
    if not blocks:
        sys.exit("README.md: no checked snippets found")
    failures = 0
    for path, block, line in blocks:
        target = EXAMPLES / path
        if not target.is_file():
            print(f"README.md:{line}: {path} does not exist in Examples/ReadmeSnippets")
            failures += 1
            continue
        if contains(target.read_text(encoding="utf-8").splitlines(), block):
            print(f"ok  README.md:{line} -> Examples/ReadmeSnippets/{path} ({len(block)} lines)")
        else:
            print(f"FAIL README.md:{line}: the block is not verbatim in Examples/ReadmeSnippets/{path}")
            failures += 1
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
