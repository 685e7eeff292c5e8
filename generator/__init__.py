"""Static bilingual (Arabic / English) news-digest site generator."""
