"""The analysis: sentences, quotes with their speakers, figures and claims. Qt-free."""

from reader.analysis.model import Analysis, Claim, Figure, Mention, Quote, Sentence


def analyse(text: str) -> Analysis:
    """Placeholder until the analysis engine lands: finds nothing."""
    return Analysis()


__all__ = ["Analysis", "Claim", "Figure", "Mention", "Quote", "Sentence", "analyse"]
