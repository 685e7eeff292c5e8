"""Stage 3, analysis of one article: sentences, summary, quotes, framing, entities, cited sources."""
