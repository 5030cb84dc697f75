"""Stage 1, the content model: reading the site's files (YAML, BibTeX, pages), their schemas and
vocabulary, and every rule about the data itself. Nothing here knows about Markdown or HTML."""
