"""The foundation's colours as hex strings, shared by the PDF and Word writers.

One accent colour on calm greys, as in a public-sector policy brochure.
"""

ACCENT = "17606E"
INK = "1E2A32"
MUTED = "5B6770"
RULE = "C5D3D8"
TINT = "EDF3F5"
