"""The audio–video system: a coupled two-branch model, the MI-guidance route, super-resolution, judges."""
