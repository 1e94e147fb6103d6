"""Analysts' source grades: per outlet and per claim.

Revision ID: 0003_source_grades
Revises: 0002_workspace
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_source_grades"
down_revision = "0002_workspace"
branch_labels = None
depends_on = None

RELIABILITY_CHECK = "reliability IN ('A', 'B', 'C', 'D', 'E', 'F')"
CREDIBILITY_CHECK = "credibility BETWEEN 1 AND 6"


def upgrade() -> None:
    op.create_table(
        "outlet_grades",
        sa.Column("outlet", sa.String(200), primary_key=True),
        sa.Column("reliability", sa.String(1), nullable=False),
        sa.Column("credibility", sa.Integer()),
        sa.Column("note", sa.Text()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(RELIABILITY_CHECK, name="ck_outlet_grades_reliability"),
        sa.CheckConstraint(CREDIBILITY_CHECK, name="ck_outlet_grades_credibility"),
    )
    op.create_table(
        "claim_grades",
        sa.Column("claim_id", sa.String(64), primary_key=True),
        sa.Column("reliability", sa.String(1)),
        sa.Column("credibility", sa.Integer()),
        sa.Column("note", sa.Text()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(RELIABILITY_CHECK, name="ck_claim_grades_reliability"),
        sa.CheckConstraint(CREDIBILITY_CHECK, name="ck_claim_grades_credibility"),
        sa.CheckConstraint(
            "reliability IS NOT NULL OR credibility IS NOT NULL", name="ck_claim_grades_something"
        ),
    )


def downgrade() -> None:
    op.drop_table("claim_grades")
    op.drop_table("outlet_grades")
