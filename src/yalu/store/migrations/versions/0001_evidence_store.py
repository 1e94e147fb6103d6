"""Evidence store: originals, documents, claims with evidence and places, full-text search.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# SQLite keeps an FTS5 index of title and text in step with ``documents`` through triggers.
SQLITE_SEARCH = [
    """CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
    """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text); END""",
    """CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
]

# PostgreSQL keeps a weighted tsvector (title above text) in a generated column with a GIN index.
# The text is capped because a tsvector may not exceed 1 MB.
POSTGRESQL_SEARCH = [
    """ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', left(text, 500000)), 'B')) STORED""",
    "CREATE INDEX ix_documents_search_vector ON documents USING gin (search_vector)",
]


def upgrade() -> None:
    op.create_table(
        "originals",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("external_id", sa.String(200), nullable=False, unique=True),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("originals.sha256"), nullable=False, unique=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("outlet", sa.String(200), index=True),
        sa.Column("url", sa.Text()),
        sa.Column("published", sa.String(10), index=True),
        sa.Column("language", sa.String(16)),
        sa.Column("author", sa.Text()),
        sa.Column("site", sa.Text()),
        sa.Column("source_path", sa.Text()),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "near_duplicate_of",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="SET NULL"),
            index=True,
        ),
        sa.Column("similarity", sa.Float()),
        sa.Column("sensitive", sa.Boolean(), nullable=False),
        sa.Column("extracted_at", sa.DateTime(timezone=True)),
        sa.Column("minhash", sa.LargeBinary()),
        sa.Column("extra", sa.JSON(), nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("type", sa.String(20), nullable=False, index=True),
        sa.Column("modality", sa.String(10), nullable=False),
        sa.Column("count_min", sa.Integer()),
        sa.Column("count_max", sa.Integer()),
        sa.Column("count_text", sa.Text()),
        sa.Column("per_group", sa.Boolean(), nullable=False),
        sa.Column("date_start", sa.String(10), index=True),
        sa.Column("date_end", sa.String(10), index=True),
        sa.Column("date_precision", sa.String(10)),
        sa.Column("date_text", sa.Text()),
        sa.Column("money", sa.JSON()),
        sa.Column("sectors", sa.JSON(), nullable=False),
        sa.Column("indicators", sa.JSON(), nullable=False),
        sa.Column("incident", sa.String(20)),
        sa.Column("actor", sa.String(20)),
        sa.Column("organizations", sa.JSON(), nullable=False),
        sa.Column("rule", sa.String(100)),
        sa.Column("status", sa.String(12), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('suggested', 'confirmed', 'rejected', 'corrected')", name="ck_claims_status"
        ),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "claim_id",
            sa.String(64),
            sa.ForeignKey("claims.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
    )
    op.create_table(
        "claim_places",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "claim_id",
            sa.String(64),
            sa.ForeignKey("claims.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(12), nullable=False),
        sa.Column("country", sa.String(2), index=True),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("gazetteer_id", sa.String(100)),
        sa.Column("precision", sa.String(10)),
        sa.Column("text", sa.Text()),
    )
    search = SQLITE_SEARCH if op.get_bind().dialect.name == "sqlite" else POSTGRESQL_SEARCH
    for statement in search:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE documents_fts")
    for table in ("claim_places", "evidence", "claims", "documents", "originals"):
        op.drop_table(table)
