"""Yalu: evidence on North Korea's overseas labour, from open-source reports.

Data flows one way through the packages named for each stage:

1. ``ingest``   — read files and JSON Lines into :class:`yalu.model.Document`
2. ``extract``  — find evidence-linked :class:`yalu.model.Claim` objects in a document
3. ``store``    — keep documents, originals and claims (SQLAlchemy, Alembic)
4. ``analysis`` — corroborate claims into findings and estimate numbers
5. ``web``, ``report``, ``export`` — present the evidence

The command line in ``yalu.cli`` is a thin layer over these packages.
"""

__version__ = "0.1.0"
