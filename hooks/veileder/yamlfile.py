"""Load YAML and keep the line of every mapping key and list item, so checks can name a line.

    doc = parse(text)            # raises YamlSyntaxError (with .line) on a syntax error
    doc.data                     # plain Python data, as yaml.safe_load gives it
    doc.line("laws", "strl", "sections", "266 a")   # 1-based line of that key (or of the
                                 # nearest enclosing key that has one); None if nothing matches
    doc.duplicates               # [(path, line)] of keys written twice in one mapping

A path is a tuple of mapping keys and list indexes, as in the data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[Any, ...]


# `x: &a [*a]`: said the same way wherever it is found (recursive_alias)
RECURSIVE_ALIAS = "an alias (*…) stands inside the part its anchor (&…) names"
RECURSIVE_ALIAS_FIX = "write that part out in full instead of the alias"


class YamlSyntaxError(ValueError):
    """The text is not valid YAML; `line` is 1-based (or None when unknown)."""

    def __init__(self, message: str, line: int | None, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.fix = fix  # how to fix it, when this mistake has advice of its own


@dataclass
class YamlDoc:
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    duplicates: list[tuple[Path_, int]] = field(default_factory=list)

    def line(self, *path: Any) -> int | None:
        """Line of the key or item at path, or of its nearest ancestor that has a line."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get((), None)


def parse(text: str) -> YamlDoc:
    """Parse one YAML document; an empty document gives data None."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)  # libyaml (C) when installed
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDoc(None, {(): 1})
        if (loop := recursive_alias(node)) is not None:
            raise YamlSyntaxError(RECURSIVE_ALIAS, loop.start_mark.line + 1, RECURSIVE_ALIAS_FIX)
        try:
            data = loader.construct_document(node)
        except (ValueError, TypeError, OverflowError):  # a value YAML cannot build, e.g. the date 2026-13-45
            data = construct_keeping_text(node)  # kept as written: the file's checks report it by its field
    except YamlSyntaxError:
        raise
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        if e.context_mark is not None and "end of stream" in (e.problem or ""):
            mark = e.context_mark  # an unclosed quote or bracket: where it was opened, not the file's end
        line = mark.line + 1 if mark is not None else None
        what = " ".join(x for x in (e.context, e.problem) if x) or str(e)
        raise YamlSyntaxError(what, line) from None
    except yaml.YAMLError as e:  # pragma: no cover - other YAML errors carry no mark
        raise YamlSyntaxError(str(e), None) from None
    except (ValueError, TypeError, OverflowError) as e:  # a value YAML cannot build, e.g. the date 2026-13-45
        bad = unbuildable_scalar(node)
        value = bad.value if bad is not None else None
        line = bad.start_mark.line + 1 if bad is not None else node.start_mark.line + 1
        what = f"«{value}» cannot be read ({e})" if value is not None else f"a value cannot be read ({e})"
        if value is not None and node_is_timestamp(value):
            what = f"«{value}» is not a real date ({e})"
        raise YamlSyntaxError(what, line) from None
    finally:
        loader.dispose()
    doc = YamlDoc(data, {(): node.start_mark.line + 1})
    _walk(node, (), doc)
    return doc


def recursive_alias(node: yaml.Node) -> yaml.Node | None:
    """The first node that holds itself (`x: &a [*a]`: an alias inside the part its anchor names), or
    None. Such a file would send every reader of it round in circles."""
    ancestors: set[int] = set()
    done: set[int] = set()  # a part an alias repeats elsewhere is walked once

    def walk(n: yaml.Node) -> yaml.Node | None:
        if id(n) in ancestors:
            return n
        if id(n) in done or isinstance(n, yaml.ScalarNode):
            return None
        ancestors.add(id(n))
        children = [x for pair in n.value for x in pair] if isinstance(n, yaml.MappingNode) else n.value
        found = next((hit for c in children if (hit := walk(c)) is not None), None)
        ancestors.discard(id(n))
        done.add(id(n))
        return found

    return walk(node) if node is not None else None


def construct_keeping_text(node: yaml.Node) -> Any:
    """The data under node with each date YAML cannot build (`checked: 2026-13-45`) kept as the text
    written, so a file's checks report it by its field and still check everything else in the same
    run. Raises the constructor's error for any other value it cannot build."""
    for _ in range(50):  # one more try per such value
        constructor = yaml.SafeLoader("")
        try:
            return constructor.construct_document(node)
        except (ValueError, TypeError, OverflowError):
            bad = unbuildable_scalar(node)
            if bad is None or not node_is_timestamp(bad.value):
                raise
            bad.tag = "tag:yaml.org,2002:str"
        finally:
            constructor.dispose()
    raise ValueError("too many values that cannot be read")


def node_is_timestamp(value: str) -> bool:
    return bool(re.match(r"^\d{4}-\d{1,2}-\d{1,2}", value))


def unbuildable_scalar(node: yaml.Node) -> yaml.ScalarNode | None:
    """The first scalar under node that YAML's safe constructor cannot build (e.g. the date 2026-02-30)."""
    stack = [node]
    while stack:
        n = stack.pop(0)
        if isinstance(n, yaml.ScalarNode):
            c = yaml.SafeLoader("")
            try:
                c.construct_object(n, deep=True)
            except (ValueError, TypeError, OverflowError, yaml.YAMLError):
                return n
            finally:
                c.dispose()
        elif isinstance(n, yaml.MappingNode):
            stack.extend(x for pair in n.value for x in pair)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
    return None


def load(path: Path) -> YamlDoc:
    """Read and parse a UTF-8 YAML file (OSError and YamlSyntaxError propagate)."""
    return parse(Path(path).read_text(encoding="utf-8"))


def _key(node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        c = yaml.SafeLoader("")
        try:
            return c.construct_object(node, deep=True)
        except yaml.YAMLError:
            return node.value
        finally:
            c.dispose()
    return None  # complex keys are not addressed by path


def _walk(node: yaml.Node, path: Path_, doc: YamlDoc) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = _key(key_node)
            if key is None and not isinstance(key_node, yaml.ScalarNode):
                continue
            if key == "<<":
                continue
            child = path + (key,)
            line = key_node.start_mark.line + 1
            try:
                hashable = key in seen
            except TypeError:  # pragma: no cover
                hashable = False
            if hashable:
                doc.duplicates.append((child, line))
            else:
                try:
                    seen.add(key)
                except TypeError:  # pragma: no cover
                    pass
            doc.lines[child] = line
            _walk(value_node, child, doc)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            child = path + (i,)
            doc.lines[child] = item.start_mark.line + 1
            _walk(item, child, doc)
