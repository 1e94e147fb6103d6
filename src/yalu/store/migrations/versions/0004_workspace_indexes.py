"""Workspace indexes: covering indexes for the overview (counts, timeline, map), place filters, versions.

Measured with ``benchmarks/web.py`` (10,000 documents, 100,000 claims).

Revision ID: 0004_workspace_indexes
Revises: 0003_source_grades
"""

from __future__ import annotations

from alembic import op

revision = "0004_workspace_indexes"
down_revision = "0003_source_grades"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_claims_type_status": ("claims", ["type", "status"]),
    "ix_claims_timeline": ("claims", ["type", "date_start", "status", "count_min", "count_max"]),
    "ix_claims_updated_at": ("claims", ["updated_at"]),
    "ix_claims_id_status_type": ("claims", ["id", "status", "type"]),
    "ix_claim_places_map": ("claim_places", ["gazetteer_id", "name", "claim_id", "country", "lat", "lon"]),
    "ix_claim_places_country_claim": ("claim_places", ["country", "claim_id"]),
    "ix_documents_sensitive": ("documents", ["sensitive"]),
}


def upgrade() -> None:
    op.drop_index("ix_claims_type_date", "claims")  # the timeline index starts with the same columns
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table)
    op.create_index("ix_claims_type_date", "claims", ["type", "date_start"])
