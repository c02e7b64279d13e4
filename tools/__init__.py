"""Development tools: the sample generator and the golden notebooks (not shipped)."""
