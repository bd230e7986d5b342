"""``claim-reader speakers [NAME] [--json]``: the speaker directory of the store, and the
user's corrections to it (``--join A B``, ``--split NAME VARIANT``, ``--undo``), so that the
directory can be read, checked and corrected from a script.

Without NAME: every person and organisation quoted in the store's reviews, with a tally of
their quotes' verdicts. With NAME (any of a speaker's names, in any case, with or without
accents; NAME@REVIEW for the one in that review): that speaker's quotes in date order.
Exit codes: see ``reader.cli.exit_status`` (0 done, 1 failed with a message, 2 usage).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reader.cli.exit_status import EXIT_CODES_HELP, USAGE, fail, output_closed
from reader.cli.terminal import clipped, json_text, printable

TEXT_WIDTH = 72
NAME_WIDTH = 34
SORTS = ("name", "quotes", "disputed")
KIND_WORDS = {"person": "person", "organisation": "organisation", "description": "unnamed"}


def add_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Every person and organisation quoted across the store's reviews, name variants "
        "merged (titles, initials, surnames alone), with the verdicts on their quotes. "
        "With NAME, that speaker's quotes in date order.")
    parser.epilog = (
        "NAME is any of a speaker's names, in any case, with or without accents or titles; "
        "NAME@REVIEW (the first 6 or more characters of a review id, from --json) picks the "
        "one quoted in that review when two speakers share a name. Joins and splits are kept "
        "in STORE/speakers.json and hold through new reviews. " + EXIT_CODES_HELP)
    parser.add_argument("name", metavar="NAME", nargs="*",
                        help="a speaker's name (quotes not needed): list their quotes")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--all", action="store_true",
                        help="also list speakers the articles only describe (\"officials\", "
                        "\"the agency\"), one per article")
    parser.add_argument("--sort", choices=SORTS, default="name",
                        help="order of the list: by name (people by surname; the default), "
                        "most quotes first, or most disputed first")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--join", nargs=2, metavar=("NAME", "OTHER"),
                        help="NAME and OTHER are one speaker: list them as one from now on")
    action.add_argument("--split", nargs=2, metavar=("NAME", "VARIANT"),
                        help="VARIANT (one of NAME's names; VARIANT@REVIEW for its quotes in "
                        "one review only) is someone else: list it apart from now on")
    action.add_argument("--undo", action="store_true",
                        help="take back the latest join or split")
    action.add_argument("--decisions", action="store_true",
                        help="list the joins and splits made so far")


def _note(text: str) -> None:
    print(f"claim-reader: note: {printable(text)}", file=sys.stderr)


def _say(text: str = "") -> None:
    print(printable(text))


class _Failure(Exception):
    """One line for the user (exit 1)."""


def run(options: argparse.Namespace) -> int:
    from reader.store.errors import StoreError

    wanted = " ".join(options.name).strip()
    if wanted and (options.join or options.split or options.undo or options.decisions):
        action = ("--join" if options.join else "--split" if options.split
                  else "--undo" if options.undo else "--decisions")
        hint = (f' Put each name in quotes: {action} "John Smith" "J. Smith".'
                if options.join or options.split else "")
        return fail(f"{action} takes no other name (“{wanted}” was left over).{hint} Nothing "
                    "was changed.", USAGE)
    try:
        code = _run(options, wanted)
        sys.stdout.flush()  # a closed pipe shows here, inside the try
        return code
    except _Failure as failure:
        return fail(str(failure))
    except StoreError as error:
        return fail(error.message)
    except BrokenPipeError:  # `claim-reader speakers | head`: the reader left, not an error
        return output_closed()


def _run(options: argparse.Namespace, wanted: str) -> int:
    from reader.directory import DecisionsFile, build_directory
    from reader.store.location import resolve_store_dir

    root = resolve_store_dir(options.store)
    decisions = DecisionsFile(root, reviewer=_login_name())
    if options.decisions:
        return _list_decisions(decisions, options.json)
    if options.undo:
        return _undo(decisions, options.json)
    directory = build_directory(root, decisions=decisions)
    _tell_problems(directory)
    if options.join:
        return _join(directory, decisions, options)
    if options.split:
        return _split(directory, decisions, options)
    if wanted:
        return _show_one(directory, wanted, options)
    return _show_list(directory, options)


def _login_name() -> str:
    """Who decided, as the store's history records it (``reader.store.store.default_reviewer``,
    whose module this command does not otherwise need to import)."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def _tell_problems(directory: Any) -> None:
    unreadable = directory.collection.unreadable
    if unreadable:
        listed = "; ".join(f"{path} ({reason})" for path, reason in unreadable[:3])
        more = f" and {len(unreadable) - 3} more" if len(unreadable) > 3 else ""
        _note(f"{len(unreadable)} review file{'s' if len(unreadable) != 1 else ''} could not "
              f"be read and {'are' if len(unreadable) != 1 else 'is'} left out: {listed}{more}. "
              "Open the article with `claim-reader status FILE` to recover it.")
    if directory.decisions.read_only_reason:
        _note(directory.decisions.read_only_reason)


# Finding a speaker by name ------------------------------------------------------------------

def find_speaker(directory: Any, name: str, include_unnamed: bool = True) -> Any:
    """The one speaker ``name`` means; ``_Failure`` with one line naming the candidates or
    the close matches otherwise."""
    found = directory.find(name, include_unnamed)
    if found.speaker is not None:
        return found.speaker
    if found.candidates:
        shown = [s.display() for s in found.candidates[:6]]
        more = f" and {len(found.candidates) - 6} more" if len(found.candidates) > 6 else ""
        example = found.candidates[0]
        raise _Failure(
            f"“{name}” names {len(found.candidates)} speakers: {', '.join(shown)}{more}. Give "
            f"the full name, or NAME@REVIEW for the one in a review (such as "
            f"“{example.ref.name}@{_review_of(directory, example)[:8]}”).")
    if found.suggestions:
        raise _Failure(f"No speaker named “{name}” in the store. Close matches: "
                       f"{', '.join(found.suggestions)}.")
    raise _Failure(f"No speaker named “{name}” in the store, and none close to it. "
                   "`claim-reader speakers` lists them all.")


def _review_of(directory: Any, speaker: Any) -> str:
    occurrence = directory.mentions.occurrences[speaker.occurrences[0]]
    return directory.collection.articles[occurrence.article].review_id


# Listing -------------------------------------------------------------------------------------

def speaker_data(speaker: Any) -> dict[str, Any]:
    return {"name": speaker.name, "kind": speaker.kind, "context": speaker.context,
            "variants": list(speaker.variants), "ref": speaker.ref.label(),
            "quotes": speaker.quote_count, "articles": speaker.articles,
            "tally": speaker.tally.to_dict(), "note": speaker.note}


def _sorted(speakers: list[Any], order: str) -> list[Any]:
    if order == "quotes":
        return sorted(speakers, key=lambda s: (-s.quote_count, s.sort_key))
    if order == "disputed":
        return sorted(speakers, key=lambda s: (-s.tally.disputed, -s.quote_count, s.sort_key))
    return speakers


def _decisions_data(state: Any) -> dict[str, Any]:
    return {"file": str(state.path), "count": len(state.decisions),
            "read_only": state.read_only_reason}


def _show_list(directory: Any, options: argparse.Namespace) -> int:
    speakers = _sorted(directory.named(options.all), options.sort)
    collection = directory.collection
    if options.json:
        data = {"store": str(collection.root), "reviews": len(collection.articles),
                "speakers": [speaker_data(s) for s in speakers],
                "unnamed_quotes": 0 if options.all else directory.unnamed_quotes(),
                "unreadable": [{"file": str(path), "reason": reason}
                               for path, reason in collection.unreadable],
                "decisions": _decisions_data(directory.decisions)}
        sys.stdout.write(json_text(data) + "\n")
        return 0
    if not speakers:
        if directory.unnamed_quotes():
            unnamed = directory.unnamed_quotes()
            _say(f"No named speakers in the reviews of {collection.root}; "
                 f"{_counted(unnamed, 'quote')} {'is' if unnamed == 1 else 'are'} by speakers "
                 "the articles only describe (--all lists them).")
        else:
            _say(f"No quoted speakers in {collection.root}: the store holds no review with an "
                 "attributed claim yet.")
        return 0
    people = sum(1 for s in speakers if s.kind == "person")
    organisations = sum(1 for s in speakers if s.kind == "organisation")
    _say(f"{_counted(len(speakers), 'speaker')} quoted in "
         f"{_counted(len(collection.articles), 'review')} ({_counted(people, 'person', 'people')}, "
         f"{_counted(organisations, 'organisation')}) in {collection.root}")
    _say()
    width = min(NAME_WIDTH, max(len("SPEAKER"), *(len(s.display()) for s in speakers)))
    _say(f"{'SPEAKER':<{width}}  {'KIND':<12}  QUOTES  VERIFIED  DISPUTED  UNVERIFIABLE  "
         "UNREVIEWED")
    for speaker in speakers:
        tally = speaker.tally
        _say(f"{clipped(speaker.display(), width):<{width}}  "
             f"{KIND_WORDS.get(speaker.kind, speaker.kind):<12}  {speaker.quote_count:>6}  "
             f"{tally.verified:>8}  {tally.disputed:>8}  {tally.unverifiable:>12}  "
             f"{tally.unreviewed:>10}")
        if len(speaker.variants) > 1:
            _say(f"    also written: {clipped(', '.join(speaker.variants[1:]), TEXT_WIDTH)}")
        if speaker.note:
            _say(f"    {clipped(speaker.note, TEXT_WIDTH + 14)}")
    unnamed = 0 if options.all else directory.unnamed_quotes()
    if unnamed:
        _say()
        _say(f"{unnamed} quote{'s' if unnamed != 1 else ''} by speakers the articles only "
             "describe (“officials”, “the agency”) are not listed; --all lists them.")
    return 0


def _show_one(directory: Any, wanted: str, options: argparse.Namespace) -> int:
    speaker = find_speaker(directory, wanted)
    quotes = directory.quotes(speaker)
    if options.json:
        data = speaker_data(speaker)
        data["quotes"] = [quote.to_dict() for quote in quotes]
        data["decisions"] = _decisions_data(directory.decisions)
        sys.stdout.write(json_text(data) + "\n")
        return 0
    found = directory.find(wanted)
    if found.by_surname:
        _note(f"No name is written “{wanted}”; showing the one speaker with that surname.")
    kind = KIND_WORDS.get(speaker.kind, speaker.kind)
    _say(f"{speaker.display()} — {kind}, {speaker.quote_count} "
         f"quote{'s' if speaker.quote_count != 1 else ''} in {speaker.articles} "
         f"article{'s' if speaker.articles != 1 else ''}")
    if len(speaker.variants) > 1:
        _say(f"Also written: {', '.join(speaker.variants[1:])}")
    if speaker.note:
        _say(speaker.note[:1].upper() + speaker.note[1:] + ".")
    _say(f"Verdicts: {speaker.tally.text()}")
    _say()
    undated = False
    for quote in quotes:
        date = quote.date or "no date"
        if quote.article.dated_by != "published" and quote.date:
            date += "*"
            undated = True
        state = quote.status + (" (orphaned)" if quote.record.orphaned else "")
        words = clipped(quote.record.text, TEXT_WIDTH)
        if quote.record.kind == "quote":
            words = f"“{words}”"  # the speaker's own words; a reported claim is not
        _say(f"{date:<11}  {state:<12}  {words}")
        where = [f"in “{clipped(_article_title(quote.article), 50)}”"]
        if quote.written != speaker.name:
            where.append(f"as {quote.written}")
        if quote.role:
            where.append(f"through a {quote.role}")
        where.append(f"claim {quote.record.claim_id}")
        where.append(f"review {quote.article.review_id[:8]}")
        _say(f"{'':<11}  {'':<12}  {' · '.join(where)}")
        if quote.article.path:
            _say(f"{'':<11}  {'':<12}  {quote.article.path}")
    if undated:
        _say()
        _say("* the article gives no date: the day its review began.")
    return 0


def _article_title(article: Any) -> str:
    from reader.directory.quotes import article_label

    return article_label(article)


# Decisions -----------------------------------------------------------------------------------

def _refuse_read_only(directory: Any) -> None:
    reason = directory.decisions.read_only_reason
    if reason:
        raise _Failure(reason)


def _join(directory: Any, decisions: Any, options: argparse.Namespace) -> int:
    _refuse_read_only(directory)
    first_name, second_name = (" ".join(n.split()) for n in options.join)
    first = find_speaker(directory, first_name)
    second = find_speaker(directory, second_name)
    if first.number == second.number:
        _say(f"“{first_name}” and “{second_name}” are already one speaker: "
             f"{first.display()}. Nothing was changed.")
        return 0
    state = decisions.add("join", first.ref, second.ref)
    joined = directory.with_decisions(state).speaker_of(first.ref)
    return _after(joined, f"Joined {first.display()} and {second.display()}", options)


def _split(directory: Any, decisions: Any, options: argparse.Namespace) -> int:
    from reader.directory import NameRef
    from reader.directory.directory import scoped_name

    _refuse_read_only(directory)
    name, variant_text = (" ".join(n.split()) for n in options.split)
    speaker = find_speaker(directory, name)
    variant_text, prefix = scoped_name(variant_text)
    review = None
    if prefix is not None:
        reviews = {_article_of(directory, at).review_id for at in speaker.occurrences
                   if _article_of(directory, at).review_id.startswith(prefix)}
        if len(reviews) != 1:
            raise _Failure(f"{speaker.display()} is quoted in no review whose id starts with "
                           f"{prefix}" if not reviews else f"“{prefix}” is the start of "
                           f"{len(reviews)} review ids; give more of it.")
        (review,) = reviews
    variants = directory.variant_refs(speaker)
    wanted_keys = directory.keys_for(variant_text)
    chosen = [(spelling, key) for (spelling, _), key in zip(variants, speaker.keys, strict=True)
              if key in wanted_keys]
    if not chosen:
        raise _Failure(f"“{variant_text}” is not one of the names of {speaker.display()}: "
                       f"{', '.join(s for s, _ in variants)}. Nothing was changed.")
    spelling, _ = chosen[0]
    ref = NameRef(spelling, review)
    moving = [at for at in directory.matching(ref) if at in set(speaker.occurrences)]
    if not moving:
        raise _Failure(f"{speaker.display()} is not quoted as “{spelling}” in review "
                       f"{review}. Nothing was changed.")
    if len(moving) == len(speaker.occurrences):
        hint = ("" if review else f" To tell two people named “{spelling}” apart, take one "
                f"review's quotes out: --split \"{name}\" \"{spelling}@REVIEW\" (review ids "
                f"are in `claim-reader speakers \"{name}\" --json`).")
        raise _Failure(f"Every quote of {speaker.display()} is written “{spelling}”"
                       f"{' in that review' if review else ''}: there is nothing to take it "
                       f"out of.{hint} Nothing was changed.")
    state = decisions.add("split", ref, speaker.ref)
    after = directory.with_decisions(state)
    apart = after.speaker_of(ref)
    return _after(apart, f"Took “{ref.label()}” out of {speaker.display()}", options,
                  rest=after.speaker_of(speaker.ref))


def _article_of(directory: Any, occurrence: int) -> Any:
    return directory.collection.articles[directory.mentions.occurrences[occurrence].article]


def _after(speaker: Any, done: str, options: argparse.Namespace, rest: Any = None) -> int:
    if options.json:
        data: dict[str, Any] = {"done": done, "speaker": speaker_data(speaker)}
        if rest is not None:
            data["rest"] = speaker_data(rest)
        sys.stdout.write(json_text(data) + "\n")
        return 0
    _say(f"{done}: {speaker.display()} is listed with {speaker.quote_count} "
         f"quote{'s' if speaker.quote_count != 1 else ''} ({speaker.tally.text()}).")
    if rest is not None:
        _say(f"{rest.display()} keeps {rest.quote_count} "
             f"quote{'s' if rest.quote_count != 1 else ''}.")
    _say("Saved in speakers.json; `claim-reader speakers --undo` takes it back.")
    return 0


def _undo(decisions: Any, as_json: bool) -> int:
    state = decisions.read()
    if state.read_only_reason:
        raise _Failure(state.read_only_reason)
    taken, state = decisions.undo_last()
    if as_json:
        sys.stdout.write(json_text({"undone": taken.to_dict() if taken else None,
                                    "decisions": _decisions_data(state)}) + "\n")
        return 0
    if taken is None:
        _say("No join or split to take back.")
        return 0
    who = f" by {taken.by}" if taken.by else ""
    _say(f"Took back the latest decision: {taken.describe()} ({taken.at[:16].replace('T', ' ')}"
         f"{who}). {len(state.decisions)} remain.")
    return 0


def _list_decisions(decisions: Any, as_json: bool) -> int:
    state = decisions.read()
    if state.read_only_reason:
        _note(state.read_only_reason)
    if as_json:
        data = _decisions_data(state)
        data["decisions"] = [decision.to_dict() for decision in state.decisions]
        sys.stdout.write(json_text(data) + "\n")
        return 0
    if not state.decisions:
        _say(f"No joins or splits yet ({state.path}).")
        return 0
    _say(f"{len(state.decisions)} decisions in {state.path}, applied in this order:")
    for number, decision in enumerate(state.decisions, 1):
        who = f" {decision.by}" if decision.by else ""
        _say(f"{number:>3}. {decision.at[:16].replace('T', ' ')}{who}: {decision.describe()}")
    return 0


def _counted(count: int, one: str, many: str | None = None) -> str:
    """"1 review", "3 reviews", "1 person", "2 people"."""
    return f"{count} {one if count == 1 else many or one + 's'}"
