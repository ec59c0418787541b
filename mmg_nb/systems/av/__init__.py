"""The audio-video system: super-resolution, multi-process training, and (from other notebooks) its models."""
