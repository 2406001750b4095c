"""Catalogue builds: many kits in one run, on this machine's cores or on a Dask cluster, and
the line-up catalogue made from their press documents afterwards."""
