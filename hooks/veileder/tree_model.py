"""Decision trees: the data model (pydantic), its JSON Schema, and a YAML loader that keeps lines.

One YAML file per tree in data/trees/, both languages side by side (`text: {nb: …, en: …}`).
Run `python -m veileder.tree_model` (with `hooks` on the path) to rewrite
data/schemas/tree.schema.json from the model.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from .yamlfile import RECURSIVE_ALIAS, recursive_alias

LANGS = ("nb", "en")
LANG_NAMES = {"nb": "Norwegian bokmål (nb)", "en": "English (en)"}
NODE_ID = r"^[a-z0-9][a-z0-9-]*$"
SCHEMA_PATH = Path("data/schemas/tree.schema.json")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Text(_Strict):
    """A text in both languages. Both are required; a missing one is reported by its own check."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"required": ["nb", "en"]},
    )
    nb: str = Field("", description="Norwegian bokmål text")
    en: str = Field("", description="English text")

    def get(self, lang: str) -> str:
        return (getattr(self, lang, None) or "").strip()


class Answer(_Strict):
    label: Text = Field(description="The answer as shown on its button, e.g. {nb: Ja, en: Yes}")
    next: str = Field(pattern=NODE_ID, description="Id of the node this answer leads to")


class Phone(_Strict):
    number: str = Field(description="A phone number from the site's phone register, e.g. '112'")
    text: Text = Field(description="Who answers and when, e.g. {nb: Politiet – nødnummer, en: Police emergency}")


class PageLink(_Strict):
    page: str = Field(
        pattern=r"^[a-z0-9/_-]+\.md(#[A-Za-z0-9_-]+)?$",
        description="Bokmål page path relative to docs/, e.g. tiltak/besoksforbud.md",
    )
    text: Text = Field(description="The link text in both languages")


class Node(_Strict):
    type: Literal["question", "outcome"] = Field(
        description="question: asks something and offers answers; outcome: says what to do"
    )
    text: Text = Field(description="The question, or the outcome's heading")
    short: Text | None = Field(None, description="Optional short label for the overview diagram")
    details: Text | None = Field(None, description="Optional explanation shown under the heading")
    answers: list[Answer] = Field(
        default_factory=list,
        description="Questions only: the answers, each leading to another node",
        json_schema_extra={"minItems": 1},
    )
    actions: list[Text] = Field(
        default_factory=list,
        description="Outcomes only: what to do, one action per item",
        json_schema_extra={"minItems": 1},
    )
    phones: list[Phone] = Field(default_factory=list, description="Phone numbers to call")
    links: list[PageLink] = Field(default_factory=list, description="Content pages to read")
    legal: list[Text] = Field(
        default_factory=list,
        description="Legal basis, written plainly, e.g. {nb: straffeloven § 196, en: section 196 of the Penal Code}",
    )


class Tree(_Strict):
    """A decision tree. Node ids are the keys of `nodes`; they appear in addresses (#steg=<id>)."""

    model_config = ConfigDict(extra="forbid", title="Decision tree")
    id: str = Field(pattern=NODE_ID, description="Must equal the file name without .yml")
    title: Text = Field(description="The tree's title")
    intro: Text | None = Field(None, description="Optional short text shown above the first step")
    start: str | None = Field(None, pattern=NODE_ID, description="Id of the first node (default: the first in nodes)")
    nodes: dict[str, Node] = Field(
        min_length=1,  # a tree without steps would have no first step to show
        description="The nodes by id (lowercase letters, digits and hyphens)",
        json_schema_extra={"propertyNames": {"pattern": NODE_ID}},
    )
    # Where the tree was read from (set by the loader; not part of the data or the schema).
    _file: str = PrivateAttr(default="")
    _line: int | None = PrivateAttr(default=None)

    @property
    def start_id(self) -> str:
        return self.start or next(iter(self.nodes))

    def edges(self, node_id: str) -> list[str]:
        return [a.next for a in self.nodes[node_id].answers]


def readable(model: type[BaseModel], raw: Any) -> Any:
    """model.model_validate(raw), or None when it cannot be read (the schema check says why)."""
    try:
        return model.model_validate(raw)
    except ValidationError:
        return None


def json_schema() -> dict[str, Any]:
    schema = Tree.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://trusler-og-vold.example/schemas/tree.schema.json"
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- YAML with lines


class _Loader(yaml.SafeLoader):
    """Safe loader where only true/false are booleans and numbers stay text.

    Keeps `en: No` an answer label rather than False, and phone numbers like 112 as text.
    """


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp")]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class YamlDoc:
    data: Any = None
    node: yaml.Node | None = None
    error: tuple[int | None, str] | None = None
    # (line of the repeat, key, line of the first, path of the mapping holding the key)
    duplicates: list[tuple[int, str, int, tuple[Any, ...]]] = field(default_factory=list)

    def line(self, loc: tuple[Any, ...] | list[Any]) -> int | None:
        """Line of the deepest YAML node on the path `loc` (keys and list indexes)."""
        node = self.node
        if node is None:
            return None
        best = node.start_mark.line + 1
        for key in loc:
            child = None
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == str(key):
                        child = v
                        best = k.start_mark.line + 1
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
                child = node.value[key]
                best = child.start_mark.line + 1
            if child is None:
                return best
            node = child
        return best


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same reading with libyaml (C) when installed: ten times faster, for files without mistakes."""


_FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def load_yaml(text: str) -> YamlDoc:
    """Parse YAML; never raises. Syntax errors come back in `.error` as (line, message)."""
    try:
        return _load(text, _FastLoader)
    except yaml.YAMLError:
        pass  # read again by PyYAML's own parser, whose messages the checks put in plain words
    try:
        return _load(text, _Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        return YamlDoc(error=(line, f"{exc.problem or exc}".strip()))
    except yaml.YAMLError as exc:  # pragma: no cover - other YAML errors carry no mark
        return YamlDoc(error=(None, str(exc)))


def _load(text: str, loader_class: type) -> YamlDoc:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        doc = YamlDoc(node=node)
        if (loop := recursive_alias(node)) is not None:
            return YamlDoc(error=(loop.start_mark.line + 1, RECURSIVE_ALIAS))
        if node is not None:
            _find_duplicates(node, doc.duplicates)
            doc.data = loader.construct_document(node)
    finally:
        loader.dispose()
    return doc


def _find_duplicates(node: yaml.Node, out: list[tuple[int, str, int, tuple[Any, ...]]], path: tuple[Any, ...] = ()) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                if k.value in seen:
                    out.append((k.start_mark.line + 1, k.value, seen[k.value], path))
                seen.setdefault(k.value, k.start_mark.line + 1)
            _find_duplicates(v, out, (*path, k.value if isinstance(k, yaml.ScalarNode) else "?"))
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            _find_duplicates(v, out, (*path, i))


if __name__ == "__main__":  # pragma: no cover
    import sys

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {target}")
