def find_figures(text, paragraphs):
    return []
