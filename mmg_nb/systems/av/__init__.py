"""The coupled audio–video diffusion system (MM-Diffusion style): its model, training and sampling."""
