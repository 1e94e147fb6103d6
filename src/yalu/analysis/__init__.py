"""From claims to findings and numbers an analyst can defend.

1. ``sources``     — outlets, citations and in-text source descriptions (sensitive)
2. ``grading``     — Admiralty grades for claims, and the weights estimates give them
3. ``corroborate`` — findings: claims from different documents that state one fact
4. ``estimate``    — workers present and revenue per period, with 90 % intervals

Each takes :class:`yalu.model.Claim` objects and a :class:`~yalu.analysis.documents.DocumentInfo`
per document, so the command line, the workspace and the reports call the same functions.
Analysts tune the judgments behind them in the YAML files under ``analysis/data``.
"""
