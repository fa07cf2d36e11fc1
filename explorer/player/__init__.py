"""A model played live: the run and its history, the timeline, fair turns, background jobs."""
