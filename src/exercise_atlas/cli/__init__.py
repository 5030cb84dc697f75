"""The ``exercise-atlas`` command: check, prepare, new exercise, new site, schema, export."""
