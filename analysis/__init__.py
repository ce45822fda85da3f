"""What we learn from text: entities, quotes, the comparison of two reports."""
