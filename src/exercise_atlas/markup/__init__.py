"""Stage 2, the Markdown layer: the macro grammar, the macros, citations, and the Jinja2 renderer
that turns the content model into HTML for Python-Markdown's tree."""
