"""Package data: icons, the sample article, schemas. Read with importlib.resources."""
