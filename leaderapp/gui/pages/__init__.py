"""The page of each exercise kind (kind_pages.py says which), their base and their parts."""
