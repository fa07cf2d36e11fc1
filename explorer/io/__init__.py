"""Files in and out: uploads read safely, vectors and models saved and loaded, exports."""
