"""Exercise Atlas: Python-Markdown extensions for exercise cards, muscle tables and citations.

Everything happens while Markdown is rendered, so the same package works under MkDocs,
ProperDocs and Zensical, and can be driven by ``markdown.Markdown`` in a unit test.
"""

__version__ = "0.1.0"
