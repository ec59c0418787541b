"""The audio–video system: talking digits from two DDPMs coupled by a ratio critic, and their judges."""
