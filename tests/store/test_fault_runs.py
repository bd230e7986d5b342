"""The fault runs of fault_runs.py, small enough for the suite; tests/bench/bench_faults.py runs
them at full size (16 processes x 20 trials, 100 pairs, 50 truncation points, 50 sync pairs)."""

from __future__ import annotations

import fault_runs


def test_many_writers_creating_one_review_at_once_make_one_file(tmp_path):
    figures = fault_runs.concurrent_creation(tmp_path, processes=8, trials=3)
    assert figures["processes"] == 24


def test_of_two_conflicting_tags_the_loser_is_told_every_time(tmp_path):
    assert fault_runs.conflicting_tags(tmp_path, pairs=6)["losers_told"] == 6


def test_truncated_review_files_give_back_everything_still_readable(tmp_path):
    figures = fault_runs.truncation_recovery(tmp_path, points=6)
    assert figures["with_backup"] == figures["without_backup"] == 6


def test_sync_conflict_copies_merge_without_losing_a_decision(tmp_path):
    assert fault_runs.sync_copy_merges(tmp_path, pairs=8)["fields_checked"] > 0


def test_of_two_tags_with_notes_the_loser_is_told_every_time(tmp_path):
    assert fault_runs.conflicting_notes(tmp_path, pairs=4)["losers_told"] == 4
