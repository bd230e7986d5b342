"""Reading what can still be read from a damaged review file.

Two kinds of damage are handled differently:

- a file that is valid JSON but holds a value this app cannot take (a status typed by hand as
  "Verifed", a source with a bad date): every claim is checked on its own and a bad field is
  repaired (a misspelt status is read as the status it is closest to, anything else gets the
  field's empty value), so one bad value costs nothing else; each repair is reported;
- a file left with git's conflict markers (``<<<<<<<``, ``|||||||``, ``=======``,
  ``>>>>>>>``): each side of the merge is rebuilt whole (the lines both sides share plus that
  side's part of every conflict), read on its own, and the sides' claims are merged claim by
  claim as a sync program's conflict copy is, so a claim both sides changed keeps one value and
  shows the other as a conflict, and nothing either side decided is lost;
- a file that is no longer JSON (truncated by a full disk or a crash of another program,
  binary junk): the store writes every file with
  ``json.dumps(indent=2, sort_keys=True)``, so each claim starts on a line of its own, indented
  by four spaces, and each top-level key on a line indented by two. Every such start is tried
  with a JSON decoder; every claim that decodes whole, and checks, is kept. Claims sort before
  the document in the file, so a truncated file often keeps its claims and loses its text: the
  recovered claims are then placed again in the text of the backup or of the article opened.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from reader.store.model import (
    STATUSES,
    DocumentSnapshot,
    RemovedSource,
    ReviewClaim,
    SourceDocument,
    settled_sources,
    utc_now,
)

_CLAIM_START = re.compile(r'^    ("(?:[^"\\\n]|\\.)*"): \{', re.MULTILINE)
_HEADER_KEY = re.compile(r'^  "([a-z_]+)": ', re.MULTILINE)
_HEX64 = re.compile(r"[0-9a-f]{64}")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")
_EPOCH = "1970-01-01T00:00:00.000000Z"
STATUS_CUTOFF = 0.75
"""How close a hand-typed status must be to a real one to be read as it ("Verifed" is 0.93 of
"verified", "true" 0.0 of any): below, the claim is read as unreviewed."""


@dataclass
class Salvage:
    """What could be read: the top-level values that decoded whole, the claims (repaired where
    needed) and one line per repair or loss."""

    header: dict[str, Any] = field(default_factory=dict)
    claims: dict[str, ReviewClaim] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    whole_json: bool = False
    merge_sides: int = 0
    """How many sides of a git merge the file holds (0: it has no conflict markers)."""
    sides_whole: bool = False
    """Each side of the git merge (ours and theirs) reads as a whole review: merging them
    loses nothing, so no choice is needed."""

    @property
    def document(self) -> DocumentSnapshot | None:
        data = self.header.get("document")
        if not isinstance(data, dict):
            return None
        text, sha = data.get("text"), data.get("sha256")
        if not isinstance(text, str) or not isinstance(sha, str) or not _HEX64.fullmatch(sha):
            return None
        path = data.get("source_path")
        title, kind, url = data.get("title"), data.get("format"), data.get("url")
        metadata = data.get("metadata")
        return DocumentSnapshot(text, title if isinstance(title, str) else "", sha,
                                kind if isinstance(kind, str) else "text",
                                path if isinstance(path, str) else None,
                                url if isinstance(url, str) else "",
                                {key: value for key, value in metadata.items()
                                 if isinstance(key, str) and isinstance(value, str)
                                 and len(value) <= 500}
                                if isinstance(metadata, dict) else {})

    @property
    def source_documents(self) -> dict[str, SourceDocument]:
        """The source documents that read whole (each on its own: one bad entry costs only
        itself)."""
        data = self.header.get("source_documents")
        found: dict[str, SourceDocument] = {}
        if not isinstance(data, dict):
            return found
        for key, value in data.items():
            if _header_entry_ok("source_documents", key, value):
                found[key] = SourceDocument.from_dict(value)
        return found

    @property
    def removed_sources(self) -> dict[str, RemovedSource]:
        """The tombstones of detached source documents that read whole (each on its own): a
        damaged file must not bring back a source the user detached."""
        data = self.header.get("removed_source_documents")
        found: dict[str, RemovedSource] = {}
        if not isinstance(data, dict):
            return found
        for key, value in data.items():
            if _header_entry_ok("removed_source_documents", key, value):
                found[key] = RemovedSource.from_dict(value)
        return found

    def time(self, key: str) -> str | None:
        value = self.header.get(key)
        return value if isinstance(value, str) and _TIMESTAMP.fullmatch(value) else None

    def reviewed(self) -> int:
        return sum(1 for c in self.claims.values() if c.status != "unreviewed")


def _header_entry_ok(name: str, key: str, value: Any) -> bool:
    """Whether one entry of the header's map ``name`` checks, on its own."""
    from reader.store.schema import SchemaViolation, check_review

    try:
        check_review({"schema_version": 2, "review_id": "0" * 32,
                      "created": _EPOCH, "updated": _EPOCH, "claims": {},
                      "document": {"text": "", "title": "", "sha256": "0" * 64,
                                   "format": "text", "source_path": None},
                      name: {key: value}})
    except SchemaViolation:
        return False
    return True


def _decode_at(text: str, start: int) -> Any:
    return json.JSONDecoder().raw_decode(text, start)[0]


_MARKERS = ("<<<<<<<", "|||||||", "=======", ">>>>>>>")


def merge_sides(text: str) -> list[str] | None:
    """The texts of the sides of a git merge left in ``text``: ours, theirs, and the base when
    git wrote it (``merge.conflictStyle diff3``); None when there is no conflict marker. A
    marker is seven characters at the start of a line, which no line of a review file written
    by the store starts with (a text's line breaks are escaped inside its JSON string)."""
    lines = text.splitlines(keepends=True)
    if not any(line.startswith(_MARKERS[0]) for line in lines):
        return None
    ours: list[str] = []
    theirs: list[str] = []
    base: list[str] = []
    has_base = False
    part = "both"
    for line in lines:
        bare = line.rstrip("\r\n")
        if part == "both" and bare.startswith(_MARKERS[0]):
            part = "ours"
        elif part == "ours" and bare.startswith(_MARKERS[1]):
            part, has_base = "base", True
        elif part in ("ours", "base") and bare == _MARKERS[2]:
            part = "theirs"
        elif part == "theirs" and bare.startswith(_MARKERS[3]):
            part = "both"
        else:
            for side, name in ((ours, "ours"), (theirs, "theirs"), (base, "base")):
                if part in ("both", name):
                    side.append(line)
    sides = ["".join(ours), "".join(theirs)]
    if has_base:
        sides.append("".join(base))
    return sides


def _merged_sides(sides: list[str], now: str) -> Salvage:
    """What can be read of each side of a git merge, merged: the claims of every side (placed
    in the text of the first side that holds one), a claim both sides changed merged field by
    field (a value both set differently is kept on one side and recorded as a conflict)."""
    from reader.store.anchoring import reanchor
    from reader.store.merge import merge_claims, united_removed_sources, united_source_documents

    found = [salvage(side.encode("utf-8"), now) for side in sides]
    result = Salvage(merge_sides=len(found))
    result.header = next((side.header for side in found if side.document is not None),
                         found[0].header)
    # Sources as any merge unites them: a source one side detached stays detached unless the
    # other side attached it again later (and the passages found in it go: see the store).
    sources: dict[str, SourceDocument] = {}
    removed: dict[str, RemovedSource] = {}
    for side in found:
        sources = united_source_documents(sources, side.source_documents)
        removed = united_removed_sources(removed, side.removed_sources)
    sources, removed = settled_sources(sources, removed)
    header = {key: value for key, value in result.header.items()
              if key not in ("source_documents", "removed_source_documents")}
    if sources:
        header["source_documents"] = {key: doc.to_dict() for key, doc in sources.items()}
    if removed:
        header["removed_source_documents"] = {key: gone.to_dict()
                                              for key, gone in removed.items()}
    result.header = header
    result.sides_whole = all(side.whole_json and not side.problems and
                             side.document is not None for side in found[:2])
    document = result.document
    for side in found:
        claims = side.claims
        if document is not None and side.document is not None and \
                side.document.sha256 != document.sha256:
            claims, _ = reanchor(claims, side.document.text, document.text,
                                 record_rewording=False)
        result.claims, _ = merge_claims(result.claims, claims, now)
        result.problems.extend(p for p in side.problems if p not in result.problems)
    return result


def salvage(raw: bytes, now: str | None = None) -> Salvage:
    """Everything readable in ``raw``, whatever its damage; never raises. ``now`` stamps the
    conflicts a merge of two versions of a claim records (default: the current time)."""
    text = raw.decode("utf-8", errors="replace")
    sides = merge_sides(text)
    if sides is not None:
        return _merged_sides(sides, now or utc_now())
    result = Salvage()
    raw_claims: dict[str, Any] = {}
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict):
        result.whole_json = True
        result.header = {k: v for k, v in data.items() if k != "claims"}
        claims = data.get("claims")
        if isinstance(claims, dict):
            raw_claims = claims
        else:
            result.problems.append("the list of claims is not readable")
    else:
        for match in _HEADER_KEY.finditer(text):
            if match.group(1) == "claims" or match.group(1) in result.header:
                continue
            try:
                result.header[match.group(1)] = _decode_at(text, match.end())
            except ValueError:
                continue
        for match in _CLAIM_START.finditer(text):
            try:
                key = json.loads(match.group(1))
                value = _decode_at(text, match.end() - 1)
            except ValueError:
                continue
            if isinstance(value, dict) and "anchor" in value:
                # A claim found twice (a file pasted together by hand): both are merged.
                raw_claims.setdefault(key, [])
                raw_claims[key].append(value)
    document = result.document
    length = len(document.text) if document is not None else None
    fallback = result.time("updated") or _EPOCH
    from reader.store.merge import merge_claim

    for key, values in raw_claims.items():
        for value in values if isinstance(values, list) and not result.whole_json else [values]:
            claim, problems = repair_claim(str(key), value, length, fallback)
            result.problems.extend(problems)
            if claim is None:
                continue
            if claim.id in result.claims:
                claim = merge_claim(result.claims[claim.id], claim, now or utc_now())[0]
            result.claims[claim.id] = claim
    return result


def _template(claim_id: str, stamp: str) -> dict[str, Any]:
    return {"id": claim_id, "kind": "statement", "origin": "manual",
            "anchor": {"exact": "", "prefix": "", "suffix": "", "start": 0, "end": 0},
            "created": stamp, "updated": stamp, "status": "unreviewed", "note": "",
            "sources": [], "dismissed": False, "orphaned": True, "speaker": None, "cue": None,
            "history": []}


def _schema_ok(data: dict[str, Any]) -> bool:
    from reader.store.schema import SchemaViolation, check_claim

    try:
        check_claim(data, None)
    except SchemaViolation:
        return False
    return True


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


def repair_claim(key: str, value: Any, text_length: int | None,
                 stamp: str) -> tuple[ReviewClaim | None, list[str]]:
    """The claim in ``value`` (stored under ``key``) with every bad field repaired, and what
    was repaired; None when not even its words can be read. ``text_length`` is the length of
    the text its offsets index, when known."""
    from reader.store.schema import SchemaViolation, check_claim

    if isinstance(value, dict):
        try:
            check_claim(value, text_length)
            if value["id"] == key:
                return ReviewClaim.from_dict(value), []
        except SchemaViolation:
            pass
    else:
        return None, [f"claim {key}: not readable at all; left out"]
    fixed = _template(key, stamp)
    problems: list[str] = []
    anchor = value.get("anchor")
    exact = anchor.get("exact") if isinstance(anchor, dict) else None
    if not isinstance(exact, str) or not exact:
        return None, [f"claim {key}: its words cannot be read; left out"]
    for name in fixed:
        if name not in value or name == "id":
            if name == "id" and value.get("id") != key:
                problems.append(f"claim {key}: its id {_shown(value.get('id'))} differs from "
                                "its key; the key is kept")
            continue
        candidate = {**fixed, name: value[name]}
        if _schema_ok(candidate):
            fixed[name] = value[name]
            continue
        if name == "status":
            guess = difflib.get_close_matches(str(value[name]).strip().lower(), STATUSES, 1,
                                              STATUS_CUTOFF)
            fixed[name] = guess[0] if guess else "unreviewed"
            problems.append(f"claim {key}: status {_shown(value[name])} is not a status; read "
                            f"as {fixed[name]}")
        elif name in ("sources", "history") and isinstance(value[name], list):
            good = [item for item in value[name] if _schema_ok({**fixed, name: [item]})]
            fixed[name] = good
            problems.append(f"claim {key}: {len(value[name]) - len(good)} of its {name} "
                            "entries could not be read; left out")
        elif name == "anchor":
            fixed[name] = {"exact": exact, "prefix": _text_or_empty(anchor, "prefix"),
                           "suffix": _text_or_empty(anchor, "suffix"), "start": 0, "end": 0}
            problems.append(f"claim {key}: its position could not be read; placed again by "
                            "its words")
        else:
            problems.append(f"claim {key}: {name} {_shown(value[name])} could not be read; "
                            "left empty")
    if isinstance(value.get("evidence"), list):  # optional: kept entry by entry
        good = [item for item in value["evidence"] if _schema_ok({**fixed, "evidence": [item]})]
        if good:
            fixed["evidence"] = good
        if len(good) < len(value["evidence"]):
            problems.append(f"claim {key}: {len(value['evidence']) - len(good)} of its evidence "
                            "entries could not be read; left out")
    if not _schema_ok(fixed):  # pragma: no cover - each field was checked on its own
        return None, [f"claim {key}: could not be repaired; left out"]
    anchor_lost = fixed["anchor"]["start"] == fixed["anchor"]["end"] == 0 and any(
        "its position could not be read" in p for p in problems)
    orphaned = value.get("orphaned") is True or anchor_lost
    if text_length is not None and not orphaned:
        try:
            check_claim({**fixed, "orphaned": False}, text_length)
        except SchemaViolation:
            problems.append(f"claim {key}: its position is outside the text; placed again by "
                            "its words")
            fixed["anchor"] = {**fixed["anchor"], "start": 0, "end": 0}
            orphaned = True
    fixed["orphaned"] = orphaned
    claim = ReviewClaim.from_dict(fixed)
    if "status" in value and value["status"] != fixed["status"]:
        claim = _status_repaired(claim, stamp)
    return claim, problems


def _status_repaired(claim: ReviewClaim, stamp: str) -> ReviewClaim:
    """A status typed by hand and read as another: the history says so (a status entry by no
    one in particular), so that it matches the claim's status, and a merge sees the hand edit
    as a change like any other (not the last status the history knew)."""
    from reader.store.model import StatusChange, stamp_after

    latest = claim.latest_change("status")
    before = latest.to_status if latest is not None else "unreviewed"
    if before == claim.status:
        return claim
    at = stamp_after(stamp, max((change.at for change in claim.history), default=""))
    return replace(claim, updated=max(claim.updated, at),
                   history=(*claim.history, StatusChange(at, before, claim.status)))


def _text_or_empty(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else ""


def needs_placing(claim: ReviewClaim) -> bool:
    """A repaired claim whose position was lost: orphaned at 0-0 with words to look for."""
    return claim.orphaned and claim.anchor.start == claim.anchor.end == 0 and bool(
        claim.anchor.exact)
