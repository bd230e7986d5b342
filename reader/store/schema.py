"""Checking and upgrading the store's files: the JSON Schemas shipped in ``reader.resources``,
checks a schema cannot express (offsets inside the text), and migrations from older versions.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from reader.store.model import SCHEMA_VERSION

REVIEW_SCHEMA = "review.schema.json"
INDEX_SCHEMA = "index.schema.json"

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _version_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 keeps ``last_opened`` out of the file (it is per-user state; an old value is
    allowed and ignored) and says which field each "conflict" entry is about: a version-1 entry
    is about the status when the statuses differ, else about the note."""
    claims = data.get("claims")
    if isinstance(claims, dict):
        for claim in claims.values():
            for change in claim.get("history", ()) if isinstance(claim, dict) else ():
                if isinstance(change, dict) and change.get("event") == "conflict" \
                        and "field" not in change:
                    change["field"] = ("status" if change.get("from") != change.get("to")
                                       else "note")
    return {**data, "schema_version": 2}


MIGRATIONS: dict[int, Migration] = {1: _version_1_to_2}
"""``MIGRATIONS[n]`` turns a version-n review file into a version n+1 one."""


class SchemaViolation(ValueError):
    """The data does not describe a review; the message says where and why."""


@cache
def load_schema(name: str) -> dict[str, Any]:
    import json

    text = (resources.files("reader.resources") / "schema" / name).read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _validator(name: str) -> Callable[[Any], Any]:
    # fastjsonschema compiles the schema to Python once; it checks a 10,000-claim review about
    # ten times faster than an interpreting validator. Imported on first use (slow to import).
    import fastjsonschema

    return fastjsonschema.compile(load_schema(name))


def _first_error(name: str, data: Any) -> str | None:
    import fastjsonschema

    try:
        _validator(name)(data)
    except fastjsonschema.JsonSchemaValueException as error:
        where = error.name.removeprefix("data").lstrip(".") or "the top level"
        return f"at {where}: {error.message.removeprefix(error.name + ' ')}"
    return None


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Upgrade an older review file's data to ``SCHEMA_VERSION``, step by step."""
    version = data["schema_version"]
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise SchemaViolation(f"schema_version {version} is not a version this app can read")
        data = step(data)
        version = data["schema_version"]
    return data


def check_review(data: Any) -> None:
    """Raise ``SchemaViolation`` unless ``data`` is a valid current-version review."""
    problem = _first_error(REVIEW_SCHEMA, data)
    if problem:
        raise SchemaViolation(problem)
    length = len(data["document"]["text"])
    for key, source in data.get("source_documents", {}).items():
        if source["id"] != key:
            raise SchemaViolation(f"at source_documents/{key}: the document's id is "
                                  f"{source['id']!r}")
    for key, removal in data.get("removed_source_documents", {}).items():
        if removal["id"] != key:
            raise SchemaViolation(f"at removed_source_documents/{key}: the document's id is "
                                  f"{removal['id']!r}")
    for key, claim in data["claims"].items():
        if claim["id"] != key:
            raise SchemaViolation(f"at claims/{key}: the claim's id is {claim['id']!r}")
        anchor = claim["anchor"]
        # Orphans are let through with offsets past the end: versions before the fix kept an
        # orphan's offsets in the old, longer text, and such a file must still open.
        limit = length if not claim["orphaned"] else anchor["end"]
        if not 0 <= anchor["start"] <= anchor["end"] <= limit:
            raise SchemaViolation(f"at claims/{key}/anchor: offsets outside the document text")


CLAIM_DEFINITION = "claim"


@cache
def _claim_validator() -> Callable[[Any], Any]:
    import fastjsonschema

    review = load_schema(REVIEW_SCHEMA)
    schema = {"$ref": f"#/definitions/{CLAIM_DEFINITION}", "definitions": review["definitions"]}
    return fastjsonschema.compile(schema)


def check_claim(data: Any, text_length: int | None) -> None:
    """Raise ``SchemaViolation`` unless ``data`` is a valid claim for a text of that length
    (``None``: a text not known, whose offsets are not checked).

    Checked on each change before it is saved: a value the file format does not allow (a
    consulted date that is not YYYY-MM-DD, an empty kind) would otherwise be written, and the
    next load would find the whole review damaged."""
    import fastjsonschema

    try:
        _claim_validator()(data)
    except fastjsonschema.JsonSchemaValueException as error:
        where = error.name.removeprefix("data").lstrip(".") or "the claim"
        raise SchemaViolation(f"{where}: {error.message.removeprefix(error.name + ' ')}") \
            from None
    if text_length is None:
        return
    anchor = data["anchor"]
    limit = text_length if not data["orphaned"] else anchor["end"]
    if not 0 <= anchor["start"] <= anchor["end"] <= limit:
        raise SchemaViolation("anchor: offsets outside the document text")


def check_index(data: Any) -> None:
    problem = _first_error(INDEX_SCHEMA, data)
    if problem:
        raise SchemaViolation(problem)


def schema_version_of(data: Any) -> int | None:
    """The file's declared version, or None when it has none that makes sense."""
    if not isinstance(data, dict):
        return None
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return None
    return version
