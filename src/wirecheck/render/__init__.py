"""Renderers of a story report: JSON (the machine interface), Markdown and HTML."""
