# (filled by the conversion of its area)
