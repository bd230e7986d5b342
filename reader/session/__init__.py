"""A document under review: the document, its analysis and its stored review, as one object the
window drives. Qt-free, so every behaviour the window offers can be tested without a display."""

from reader.session.claim_filter import ClaimFilter
from reader.session.opening import open_session
from reader.session.review_session import ReviewSession
from reader.session.undo import Edit, UndoStack

__all__ = ["ClaimFilter", "Edit", "ReviewSession", "UndoStack", "open_session"]
