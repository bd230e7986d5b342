"""The review store: one JSON file per reviewed document, under one root folder."""
