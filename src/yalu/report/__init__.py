"""Cited reports: what the evidence shows, every figure traced to its claims and every claim to its source.

1. ``build``     — the report's content from :class:`~yalu.analysis.inputs.AnalysisInputs` and a scope
2. ``sections``  — key findings, places, the ILO indicator matrix, estimates
3. ``citations`` — numbered claims (C1 …) and sources ([1] …), quotes with anonymous sources withheld
4. ``timeline``, ``map`` — figures drawn as SVG in Python (``svg``, ``topojson``)
5. ``render``    — HTML, PDF (WeasyPrint) and Markdown from the Jinja2 templates in ``templates/``

``labels`` words claims and findings the same way here and on the command line.
"""
