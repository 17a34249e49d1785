"""full-text search over article text and evidence sentences

SQLite: FTS5 external-content tables kept in step by triggers.
PostgreSQL: GIN indexes over to_tsvector('english', …) expressions.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE_UP = [
    """CREATE VIRTUAL TABLE article_fts USING fts5(
        title, text, content='articles', content_rowid='id', tokenize='porter unicode61')""",
    """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
    """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text); END""",
    """CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
    """CREATE VIRTUAL TABLE mention_fts USING fts5(
        quote, content='event_mentions', content_rowid='id', tokenize='porter unicode61')""",
    """CREATE TRIGGER mentions_ai AFTER INSERT ON event_mentions BEGIN
        INSERT INTO mention_fts(rowid, quote) VALUES (new.id, new.quote); END""",
    """CREATE TRIGGER mentions_ad AFTER DELETE ON event_mentions BEGIN
        INSERT INTO mention_fts(mention_fts, rowid, quote)
        VALUES ('delete', old.id, old.quote); END""",
    """CREATE TRIGGER mentions_au AFTER UPDATE OF quote ON event_mentions BEGIN
        INSERT INTO mention_fts(mention_fts, rowid, quote) VALUES ('delete', old.id, old.quote);
        INSERT INTO mention_fts(rowid, quote) VALUES (new.id, new.quote); END""",
]
_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS mentions_au",
    "DROP TRIGGER IF EXISTS mentions_ad",
    "DROP TRIGGER IF EXISTS mentions_ai",
    "DROP TABLE IF EXISTS mention_fts",
    "DROP TRIGGER IF EXISTS articles_au",
    "DROP TRIGGER IF EXISTS articles_ad",
    "DROP TRIGGER IF EXISTS articles_ai",
    "DROP TABLE IF EXISTS article_fts",
]
_PG_UP = [
    """CREATE INDEX ix_articles_fts ON articles USING gin (
        to_tsvector('english', coalesce(title, '') || ' ' || text))""",
    "CREATE INDEX ix_mentions_fts ON event_mentions USING gin (to_tsvector('english', quote))",
]
_PG_DOWN = ["DROP INDEX IF EXISTS ix_mentions_fts", "DROP INDEX IF EXISTS ix_articles_fts"]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE_UP if dialect == "sqlite" else _PG_UP:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE_DOWN if dialect == "sqlite" else _PG_DOWN:
        op.execute(statement)
