"""Does the quote appear in the source? Quote claims checked against the documents they quote
(a speech transcript, a report, a court filing), without Qt.

- ``words``: what counts as the same word, and where each word is;
- ``source_index``: a source's words indexed once, to find where a quote may be;
- ``alignment``: word-level alignment of a quote with a stretch of the source;
- ``matching``: the best passage for a quote (exact, near with its changes, or not found);
- ``sources``: attaching source documents to a review (loaded by ``reader.document``);
- ``evidence``: matching a review's quote claims, as the evidence the store keeps, and
  accepting a passage as a supporting or contradicting source;
- ``descriptions``: evidence as the claim's pane, ``status`` and the exports show it.
"""
