"""The lessons' computations, and the guided lesson's steps."""
