"""A speaker's quotes: in date order (the article's publication date, else the review's), each
with its verdict, and the tally."""

from __future__ import annotations

import json

from directory_builders import add_review, new_store

from reader.directory import build_directory


def test_quotes_come_in_date_order_with_their_verdicts_and_tally(tmp_path) -> None:
    root = tmp_path / "store"
    march = add_review(new_store(root, "2026-04-01"), "Tide tables",
                       [("Ines Okafor", "High tide is at noon.", "verified"),
                        ("Ines Okafor", "Low tide is at six.", "disputed")],
                       published="2026-03-10T08:00:00+01:00")
    undated = add_review(new_store(root, "2026-02-01"), "Sea wall",
                         [("Ines Okafor", "The wall is late.", "unverifiable")])
    december = add_review(new_store(root, "2026-05-01"), "Storm",
                          [("I. Okafor", "The storm was the worst in years.")],
                          published="2025-12-24")
    directory = build_directory(root)
    (ines,) = directory.named()
    quotes = directory.quotes(ines)
    assert [(q.date, q.article.dated_by, q.article.review_id, q.status) for q in quotes] == [
        ("2025-12-24", "published", december, "unreviewed"),
        ("2026-02-01", "reviewed", undated, "unverifiable"),
        ("2026-03-10", "published", march, "verified"),
        ("2026-03-10", "published", march, "disputed"),
    ]
    assert ines.tally.to_dict() == {"verified": 1, "disputed": 1, "unverifiable": 1,
                                    "unreviewed": 1}
    assert quotes[0].written == "I. Okafor" and quotes[0].article.site == "Harbour Post"


def test_dismissed_claims_are_left_out_and_orphans_kept(store) -> None:
    review = add_review(store, "Quay", [("Ana Pires", "The quay is safe.", "verified"),
                                        ("Ana Pires", "Not a claim at all."),
                                        ("Ana Pires", "The crane is new.", "disputed")],
                        dismiss=[1])
    path = store.review_path(review)
    data = json.loads(path.read_text(encoding="utf-8"))
    crane = next(c for c in data["claims"].values() if c["anchor"]["exact"].startswith("The c"))
    crane["orphaned"] = True
    path.write_text(json.dumps(data), encoding="utf-8")
    directory = build_directory(store.root)
    (ana,) = directory.named()
    quotes = directory.quotes(ana)
    assert [(q.record.text, q.status, q.record.orphaned) for q in quotes] == [
        ("The quay is safe.", "verified", False), ("The crane is new.", "disputed", True)]
    assert directory.collection.dismissed == 1


def test_offsets_index_the_text_as_python_strings(store) -> None:
    review = add_review(store, "Café 🌊 opening", [
        ("Zoë Brontë-Lefèvre", "Our 🌊 menu costs €12 — 🍰 included."),
        ("Zoë Brontë-Lefèvre", "Ça marche.")])
    directory = build_directory(store.root)
    text = json.loads(store.review_path(review).read_text(encoding="utf-8"))["document"]["text"]
    for quote in directory.quotes(directory.named()[0]):
        data = quote.to_dict()
        assert text[data["start"]:data["end"]] == data["text"]


def test_the_date_a_markdown_article_gives_orders_its_quotes(tmp_path, capsys) -> None:
    """End to end: front matter read by the loader, kept in the review, used here."""
    from reader.cli import main

    store = tmp_path / "store"
    for name, date, words in (("later.md", "2026-04-02", "The pier reopens in May."),
                              ("earlier.md", "2026-01-15", "The pier is closed for repairs.")):
        path = tmp_path / name
        path.write_text(f"---\ntitle: Pier {date}\ndate: {date}\n---\n\n# Pier\n\n"
                        f"“{words}” said Ines Okafor, the harbour master.\n", encoding="utf-8")
        assert main(["status", str(path), "--store", str(store), "--json"]) == 0
        claim = json.loads(capsys.readouterr().out)["claims"][0]
        assert main(["tag", str(path), claim["id"], "v", "--store", str(store)]) == 0
        capsys.readouterr()
    assert main(["speakers", "Ines Okafor", "--json", "--store", str(store)]) == 0
    quotes = json.loads(capsys.readouterr().out)["quotes"]
    assert [(q["date"], q["dated_by"], q["status"]) for q in quotes] == [
        ("2026-01-15", "published", "verified"), ("2026-04-02", "published", "verified")]
