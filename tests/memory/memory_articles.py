"""The original articles the claim memory's tests store (imported by name: two modules named
conftest would shadow each other)."""

from __future__ import annotations

from memory_builders import ArticleSpec, ClaimSpec

from reader.store.model import Source

FLOOD_REPORT = Source("a1b2c3d4e5f6", title="Flood damage report 2019", url=(
    "https://example.org/flood-report-2019"), publisher="Harbour council", stance="supports")

HARBOUR = ArticleSpec(
    "Harbour council backs sea wall", [
        ClaimSpec("We lost 300 homes to flooding in 2019, and we will not lose another street "
                  "to the sea.", "Inés Okafor", "quote", "verified",
                  "The council's flood report counts 312 homes flooded in 2019.",
                  (FLOOD_REPORT,)),
        ClaimSpec("The council voted on Tuesday to build a sea wall costing £4.2 million.",
                  None, "figure", "disputed", "The budget line approved is £4.6 million."),
        ClaimSpec("The wall would protect only 40% of the coast, Tomas Reyl said.",
                  "Tomas Reyl", "figure", "unverifiable"),
        ClaimSpec("This plan protects the marina, not the people who live behind it.",
                  "Tomas Reyl", "quote"),
    ], url="https://www.harbourpost.example/2026/03/sea-wall", created=(
        "2026-03-02T08:00:00.000000Z"), review_id="a" * 32)

CLINIC = ArticleSpec(
    "Emergency waits fall again", [
        ClaimSpec("Waiting times in our emergency department have fallen for the third month "
                  "running, and I want to thank every nurse 👩‍⚕️ who made that happen.",
                  "Marta Lindqvist", "quote", "verified", "Trust board papers, March."),
        ClaimSpec("We have hired 120 nurses since January, most of them from our own training "
                  "programme.", "Marta Lindqvist", "quote", "disputed",
                  "Payroll shows 84 new nurses; the rest are agency staff."),
        ClaimSpec("No patient waited more than 12 hours on a trolley last month.",
                  "Marta Lindqvist", "quote", "unreviewed"),
    ], url="https://coastnews.example/health/waits", created="2026-04-15T10:00:00.000000Z",
    review_id="b" * 32)
