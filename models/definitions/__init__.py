"""Certificate definitions as data, and the rule engine that checks answers against them."""
